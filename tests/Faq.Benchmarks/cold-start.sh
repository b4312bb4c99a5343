#!/usr/bin/env bash
# Cold start: process start → first answered POST /api/ask of the published package, started as a plain process
# (no Functions host variables, so the app listens itself; working directory = package root). Each run is a new
# process against an already seeded store (as after the first deployment), so it measures runtime start,
# configuration, the first store read and index build, and the first request. The configurations take turns run by
# run (A B C A B C …), so a machine whose speed drifts slows them alike. Reports median/min/max of N runs for:
#   - the shipped package (self-contained, ReadyToRun) with the file store,
#   - the same without ReadyToRun (JIT only), to show what precompiling buys,
#   - the shipped package with the Table store on a local Azurite (installed by `bash .ci/test.sh`),
#   - with BASELINE=<git ref>: that commit's package too, with the file store and Azurite, so a change is measured
#     before and after in one run under the same machine load.
# Usage: [BASELINE=<git ref>] bash tests/Faq.Benchmarks/cold-start.sh [runs=7]
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-7}
work=$(mktemp -d)
port=7431
azurite_port=10432
azurite_pid=""
trap '[ -n "$azurite_pid" ] && kill "$azurite_pid" 2>/dev/null; [ -n "${BASELINE:-}" ] && git worktree remove --force "$work/baseline-src" 2>/dev/null; rm -rf "$work"' EXIT

echo "Publishing the packages …" >&2
dotnet publish src/Faq.Api -c Release -o "$work/r2r" --nologo -v q >/dev/null
dotnet publish src/Faq.Api -c Release -o "$work/jit" -p:PublishReadyToRun=false --nologo -v q >/dev/null
baseline=""
if [ -n "${BASELINE:-}" ]; then
  git worktree add --detach "$work/baseline-src" "$BASELINE" >/dev/null 2>&1
  dotnet publish "$work/baseline-src/src/Faq.Api" -c Release -o "$work/baseline" --nologo -v q >/dev/null
  baseline="$work/baseline"
fi

now_ms() { date +%s%3N; }

# One run: start the app, poll /api/ask every 5 ms until it answers, print the elapsed milliseconds.
one_run() {
  local package=$1; shift
  local start elapsed app
  start=$(now_ms)
  (cd "$package" && exec env -u FUNCTIONS_WORKER_RUNTIME Urls=http://127.0.0.1:$port Logging__LogLevel__Default=Warning "$@" ./Faq.Api >"$work/app.log" 2>&1) &
  app=$!
  until curl -sf -o /dev/null -X POST "http://127.0.0.1:$port/api/ask" -H 'Content-Type: application/json' \
      -d '{"question":"Does dry needling hurt?"}' 2>/dev/null; do
    if ! kill -0 $app 2>/dev/null; then echo "the app exited:" >&2; cat "$work/app.log" >&2; exit 1; fi
    if [ $(( $(now_ms) - start )) -gt 60000 ]; then echo "no answer within 60 s" >&2; exit 1; fi
    sleep 0.005
  done
  elapsed=$(( $(now_ms) - start ))
  kill -INT $app 2>/dev/null || true; wait $app 2>/dev/null || true
  sleep 0.3
  echo "$elapsed"
}

labels=(); packages=(); settings=()
add() { labels+=("$1"); packages+=("$2"); settings+=("$3"); }
add "file store, shipped package (ReadyToRun)" "$work/r2r" "Faq__File__Path=$work/store-r2r"
add "file store, without ReadyToRun (JIT only)" "$work/jit" "Faq__File__Path=$work/store-jit"
[ -n "$baseline" ] && add "file store, $BASELINE (baseline)" "$baseline" "Faq__File__Path=$work/store-baseline"

azurite=tests/tools/node_modules/.bin/azurite-table
if [ -x "$azurite" ]; then
  "$azurite" --inMemoryPersistence --tableHost 127.0.0.1 --tablePort $azurite_port --silent --skipApiVersionCheck >/dev/null 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 100); do (echo >/dev/tcp/127.0.0.1/$azurite_port) 2>/dev/null && break; sleep 0.1; done
  key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==" # Azurite's public dev key
  tables="Faq__Store=Tables Faq__Tables__ConnectionString=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;TableEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"
  add "Azurite table store, shipped package" "$work/r2r" "$tables Faq__Tenant=shipped"
  [ -n "$baseline" ] && add "Azurite table store, $BASELINE (baseline)" "$baseline" "$tables Faq__Tenant=baseline"
else
  echo "Azurite not installed (run bash .ci/test.sh once); Table store runs skipped" >&2
fi

# One uncounted run each (seeds its store, warms the OS file cache), then the counted runs in turns.
for i in "${!labels[@]}"; do
  # shellcheck disable=SC2086 # the settings are words without spaces
  one_run "${packages[$i]}" ${settings[$i]} >/dev/null
done
for _ in $(seq 1 "$runs"); do
  for i in "${!labels[@]}"; do
    # shellcheck disable=SC2086
    one_run "${packages[$i]}" ${settings[$i]} >>"$work/times-$i"
  done
done

echo "process start → first answered /api/ask, $(nproc) cores, $(date -u +%F)"
for i in "${!labels[@]}"; do
  sort -n "$work/times-$i" | awk -v label="${labels[$i]}" -v n="$runs" '
    { t[NR] = $1 } END { printf "%-46s median %5d ms   min %5d   max %5d   (%d runs)\n", label, t[int((n + 1) / 2)], t[1], t[n], n }'
done
