#!/usr/bin/env bash
# HTTP load: starts the app (Release, file store, limits raised, warnings-only logging), warms it, then runs wrk
# against POST /api/ask and against the app's trivial GET /api/health in the same run, and prints req/s,
# p50/p99 latency and the ask/trivial throughput ratio. Needs wrk (Debian: apt-get install wrk).
# Usage: bash tests/Faq.Benchmarks/http-load.sh [seconds=30] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
connections=${2:-32}
warmup=${WARMUP:-15}
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
wrk -t2 -c"$connections" -d"${warmup}s" "http://127.0.0.1:$port/api/health" >/dev/null

# The app's own CPU time per request (user + system, from /proc), which the load generator sharing the cores does
# not blur the way it blurs req/s.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$app/stat"; }
run() { wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@"; }
cpu_per_request() {
  local before=$1 after=$2 out=$3
  awk -v b="$before" -v a="$after" -v hz="$(getconf CLK_TCK)" -v n="$(awk '/requests in/ {print $1}' <<<"$out")" \
    'BEGIN { printf "%.1f", (a - b) / hz * 1e6 / n }'
}
t0=$(cpu_ticks); ask=$(run -s tests/Faq.Benchmarks/ask.lua "http://127.0.0.1:$port"); t1=$(cpu_ticks)
trivial=$(run "http://127.0.0.1:$port/api/health"); t2=$(cpu_ticks)
ask_cpu=$(cpu_per_request "$t0" "$t1" "$ask")
trivial_cpu=$(cpu_per_request "$t1" "$t2" "$trivial")

summary() {
  local name=$1 out=$2 cpu=$3
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
  printf '%-28s %10s req/s   p50 %-9s p99 %-9s app CPU %5s µs/request   %s\n' "$name" "$rps" "$p50" "$p99" "$cpu" "${errors:-no errors}"
}
echo "wrk -t2 -c$connections -d${seconds}s, $(nproc) cores, $(date -u +%F)"
summary "POST /api/ask" "$ask" "$ask_cpu"
summary "GET /api/health (trivial)" "$trivial" "$trivial_cpu"
awk -v a="$(awk '/Requests\/sec/ {print $2}' <<<"$ask")" -v t="$(awk '/Requests\/sec/ {print $2}' <<<"$trivial")" \
  'BEGIN { printf "ask / trivial throughput: %.0f%%\n", 100 * a / t }'
