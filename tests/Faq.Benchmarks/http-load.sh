#!/usr/bin/env bash
# HTTP load: starts the app (Release, file store, limits raised, warnings-only logging), warms it, then runs wrk
# against POST /api/ask with the usual rotation of questions (the cache holds them after the first round), against
# POST /api/ask where every question is new (ask-unique.lua: each request runs the sentence-embedding model), and
# against the app's trivial GET /api/health in the same run, and prints req/s, p50/p99 latency, the app's CPU per
# request, errors, the ratios to the trivial endpoint and the app's peak resident memory. The measured time is split
# into ROUNDS alternating rounds (default 3), so drift in the machine's load hits all alike; totals are over all
# rounds, latencies are the median round's. Needs wrk (Debian: apt-get install wrk).
# Usage: [ROUNDS=3] [WARMUP=15] bash tests/Faq.Benchmarks/http-load.sh [seconds=30] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
connections=${2:-32}
warmup=${WARMUP:-15}
rounds=${ROUNDS:-3}
port=${PORT:-7391}
store=$(mktemp -d)
log=$(mktemp)

dotnet build src/Faq.Api -c Release --nologo -v q >/dev/null
Faq__File__Path="$store" Faq__RateLimits__AnonymousPerMinute=100000000 Logging__LogLevel__Default=Warning \
  ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet src/Faq.Api/bin/Release/net10.0/Faq.Api.dll >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$store" "$log"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.2; done

# Warm-up: JIT, tiered compilation (with dynamic PGO that takes a while under load) and connection pools, then
# the measured runs.
wrk -t2 -c"$connections" -d"${warmup}s" -s tests/Faq.Benchmarks/ask.lua "http://127.0.0.1:$port" >/dev/null
wrk -t2 -c"$connections" -d"${warmup}s" -s tests/Faq.Benchmarks/ask-unique.lua "http://127.0.0.1:$port" >/dev/null
wrk -t2 -c"$connections" -d"${warmup}s" "http://127.0.0.1:$port/api/health" >/dev/null

# The app's own CPU time (user + system, from /proc), which the load generator sharing the cores does not blur
# the way it blurs req/s.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
hz=$(getconf CLK_TCK)
slice=$(awk -v s="$seconds" -v r="$rounds" 'BEGIN { printf "%d", (s / r < 1 ? 1 : s / r) }')
run() { wrk -t2 -c"$connections" -d"${slice}s" --latency "$@"; }
field() { awk "$1" <<<"$2"; }

declare -A requests=([ask]=0 [unique]=0 [trivial]=0) ticks=([ask]=0 [unique]=0 [trivial]=0) errors=([ask]="" [unique]="" [trivial]="")
declare -A p50s=([ask]="" [unique]="" [trivial]="") p99s=([ask]="" [unique]="" [trivial]="")
measure() {
  local name=$1; shift
  local before after out
  before=$(cpu_ticks); out=$(run "$@"); after=$(cpu_ticks)
  requests[$name]=$(( ${requests[$name]} + $(field '/requests in/ {print $1}' "$out") ))
  ticks[$name]=$(( ${ticks[$name]} + after - before ))
  p50s[$name]+="$(field '$1=="50%" {print $2}' "$out") "
  p99s[$name]+="$(field '$1=="99%" {print $2}' "$out") "
  errors[$name]+=$(field '/Non-2xx|Socket errors/ {print}' "$out")
  printf '  round %-8s %10s req/s\n' "$name" "$(field '/Requests\/sec/ {print $2}' "$out")"
}
echo "wrk -t2 -c$connections, $rounds rounds of ${slice}s each, $(nproc) cores, $(date -u +%F)"
for _ in $(seq 1 "$rounds"); do
  measure ask -s tests/Faq.Benchmarks/ask.lua "http://127.0.0.1:$port"
  measure unique -s tests/Faq.Benchmarks/ask-unique.lua "http://127.0.0.1:$port"
  measure trivial "http://127.0.0.1:$port/api/health"
done

# The median of the rounds' latencies (as wrk prints them, with their units, ordered by value in microseconds).
median() { tr ' ' '\n' <<<"$1" | awk 'NF { v = $1; u = v; sub(/[0-9.]+/, "", u); sub(/[a-z]+$/, "", v); f = (u == "ms" ? 1000 : u == "s" ? 1e6 : 1); print v * f, $1 }' | sort -n | awk '{ a[NR] = $2 } END { print a[int((NR + 1) / 2)] }'; }
summary() {
  local label=$1 name=$2
  printf '%-28s %10.0f req/s   p50 %-9s p99 %-9s app CPU %5.1f µs/request   %s\n' "$label" \
    "$(awk -v n="${requests[$name]}" -v t="$(( slice * rounds ))" 'BEGIN { print n / t }')" \
    "$(median "${p50s[$name]}")" "$(median "${p99s[$name]}")" \
    "$(awk -v t="${ticks[$name]}" -v hz="$hz" -v n="${requests[$name]}" 'BEGIN { print t / hz * 1e6 / n }')" \
    "${errors[$name]:-no errors}"
}
summary "POST /api/ask (rotation)" ask
summary "POST /api/ask (every one new)" unique
summary "GET /api/health (trivial)" trivial
awk -v a="${requests[ask]}" -v u="${requests[unique]}" -v t="${requests[trivial]}" \
  'BEGIN { printf "ask / trivial throughput: %.0f%% (rotation), %.1f%% (every question new)\n", 100 * a / t, 100 * u / t }'
echo "app peak resident memory: $(awk '/VmHWM/ {printf "%.0f MB", $2 / 1024}' "/proc/$app/status"), now $(awk '/VmRSS/ {printf "%.0f MB", $2 / 1024}' "/proc/$app/status")"
