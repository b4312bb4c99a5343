#!/usr/bin/env bash
# HTTP load: starts the app (Release, file store, limits raised, warnings-only logging), warms it, then runs wrk
# against POST /api/ask and against the app's trivial GET /api/health in the same run, and prints req/s,
# p50/p99 latency and the ask/trivial throughput ratio. Needs wrk (Debian: apt-get install wrk).
# Usage: bash tests/Faq.Benchmarks/http-load.sh [seconds=30] [connections=32]
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-30}
connections=${2:-32}
port=${PORT:-7391}
store=$(mktemp -d)
log=$(mktemp)

dotnet build src/Faq.Api -c Release --nologo -v q >/dev/null
Faq__File__Path="$store" Faq__RateLimits__AnonymousPerMinute=100000000 Logging__LogLevel__Default=Warning \
  ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet src/Faq.Api/bin/Release/net10.0/Faq.Api.dll >"$log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; rm -rf "$store" "$log"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/api/health" >/dev/null && break; sleep 0.2; done

# Warm-up: JIT, tiered compilation and connection pools, then the measured runs.
wrk -t2 -c"$connections" -d5s -s tests/Faq.Benchmarks/ask.lua "http://127.0.0.1:$port" >/dev/null
wrk -t2 -c"$connections" -d5s "http://127.0.0.1:$port/api/health" >/dev/null

run() { wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@"; }
ask=$(run -s tests/Faq.Benchmarks/ask.lua "http://127.0.0.1:$port")
trivial=$(run "http://127.0.0.1:$port/api/health")

summary() {
  local name=$1 out=$2
  local rps p50 p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
  printf '%-28s %10s req/s   p50 %-9s p99 %-9s %s\n' "$name" "$rps" "$p50" "$p99" "${errors:-no errors}"
}
echo "wrk -t2 -c$connections -d${seconds}s, $(nproc) cores, $(date -u +%F)"
summary "POST /api/ask" "$ask"
summary "GET /api/health (trivial)" "$trivial"
awk -v a="$(awk '/Requests\/sec/ {print $2}' <<<"$ask")" -v t="$(awk '/Requests\/sec/ {print $2}' <<<"$trivial")" \
  'BEGIN { printf "ask / trivial throughput: %.0f%%\n", 100 * a / t }'
