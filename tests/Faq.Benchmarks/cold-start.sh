#!/usr/bin/env bash
# Cold start: process start → first answered POST /api/ask, the way the Functions host starts the app (published
# package, FUNCTIONS_CUSTOMHANDLER_PORT, working directory = package root). Each run is a new process against an
# already seeded store (as after the first deployment), so it measures runtime start, configuration, the first
# store read and index build, and the first request. Reports median/min/max of N runs for:
#   - the shipped package (self-contained, ReadyToRun) with the file store,
#   - the same without ReadyToRun (JIT only), side by side, to show what precompiling buys,
#   - the shipped package with the Table store on a local Azurite (installed by `bash .ci/test.sh`).
#   - with BASELINE=<git ref>: that commit's package too, its runs interleaved with the current package's, so a
#     change is measured before and after in one run under the same machine load.
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
if [ -n "${BASELINE:-}" ]; then
  git worktree add --detach "$work/baseline-src" "$BASELINE" >/dev/null 2>&1
  dotnet publish "$work/baseline-src/src/Faq.Api" -c Release -o "$work/baseline" --nologo -v q >/dev/null
fi

now_ms() { date +%s%3N; }

# One run: start the app, poll /api/ask every 5 ms until it answers, print the elapsed milliseconds.
one_run() {
  local package=$1; shift
  local start elapsed app
  start=$(now_ms)
  (cd "$package" && env FUNCTIONS_CUSTOMHANDLER_PORT=$port Logging__LogLevel__Default=Warning "$@" ./Faq.Api >"$work/app.log" 2>&1) &
  app=$!
  until curl -sf -o /dev/null -X POST "http://127.0.0.1:$port/api/ask" -H 'Content-Type: application/json' \
      -d '{"question":"Does dry needling hurt?"}' 2>/dev/null; do
    if ! kill -0 $app 2>/dev/null; then echo "the app exited:" >&2; cat "$work/app.log" >&2; exit 1; fi
    if [ $(( $(now_ms) - start )) -gt 60000 ]; then echo "no answer within 60 s" >&2; exit 1; fi
    sleep 0.005
  done
  elapsed=$(( $(now_ms) - start ))
  pkill -INT -P $app 2>/dev/null || true; kill -INT $app 2>/dev/null || true; wait $app 2>/dev/null || true
  pkill -f "$package/Faq.Api" 2>/dev/null || true
  sleep 0.3
  echo "$elapsed"
}

measure() {
  local label=$1 package=$2; shift 2
  one_run "$package" "$@" >/dev/null # seeds the store and warms the OS file cache; not counted
  local times=()
  for _ in $(seq 1 "$runs"); do times+=("$(one_run "$package" "$@")"); done
  printf '%s\n' "${times[@]}" | sort -n | awk -v label="$label" -v n="$runs" '
    { t[NR] = $1 } END { printf "%-46s median %5d ms   min %5d   max %5d   (%d runs)\n", label, t[int((n + 1) / 2)], t[1], t[n], n }'
}

# Two packages, their runs interleaved (baseline, current, baseline, …) so drift in the machine's load hits both alike.
compare() {
  local label_a=$1 package_a=$2 store_a=$3 label_b=$4 package_b=$5 store_b=$6
  one_run "$package_a" Faq__File__Path="$store_a" >/dev/null
  one_run "$package_b" Faq__File__Path="$store_b" >/dev/null
  local a=() b=()
  for _ in $(seq 1 "$runs"); do
    a+=("$(one_run "$package_a" Faq__File__Path="$store_a")")
    b+=("$(one_run "$package_b" Faq__File__Path="$store_b")")
  done
  for pair in "$label_a:${a[*]}" "$label_b:${b[*]}"; do
    tr ' ' '\n' <<<"${pair#*:}" | sort -n | awk -v label="${pair%%:*}" -v n="$runs" '
      { t[NR] = $1 } END { printf "%-46s median %5d ms   min %5d   max %5d   (%d runs)\n", label, t[int((n + 1) / 2)], t[1], t[n], n }'
  done
}

echo "process start → first answered /api/ask, $(nproc) cores, $(date -u +%F)"
if [ -n "${BASELINE:-}" ]; then
  compare "file store, $BASELINE (baseline)" "$work/baseline" "$work/store-base" \
    "file store, this checkout" "$work/r2r" "$work/store-cur"
fi
measure "file store, shipped package (ReadyToRun)" "$work/r2r" Faq__File__Path="$work/store-r2r"
measure "file store, without ReadyToRun (JIT only)" "$work/jit" Faq__File__Path="$work/store-jit"

azurite=tests/tools/node_modules/.bin/azurite-table
if [ -x "$azurite" ]; then
  "$azurite" --inMemoryPersistence --tableHost 127.0.0.1 --tablePort $azurite_port --silent --skipApiVersionCheck >/dev/null 2>&1 &
  azurite_pid=$!
  for _ in $(seq 1 100); do (echo >/dev/tcp/127.0.0.1/$azurite_port) 2>/dev/null && break; sleep 0.1; done
  key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==" # Azurite's public dev key
  measure "Azurite table store, shipped package" "$work/r2r" Faq__Store=Tables \
    "Faq__Tables__ConnectionString=DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;TableEndpoint=http://127.0.0.1:$azurite_port/devstoreaccount1;"
else
  echo "Azurite not installed (run bash .ci/test.sh once); Table store run skipped" >&2
fi
