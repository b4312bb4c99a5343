#!/usr/bin/env bash
# Runs every test of the solution, installing first whatever the tests need that a fresh machine lacks.
# Usage: bash .ci/test.sh [extra dotnet test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (https://dot.net)." >&2
  exit 1
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Azurite (the Table Storage emulator) and axe-core (accessibility checks run in Chromium) from npm, at the versions
# pinned in tests/tools/package-lock.json.
if ! command -v npm >/dev/null 2>&1; then
  echo "Node.js and npm are required to install Azurite and axe-core for the tests." >&2
  exit 1
fi
if [ ! -x tests/tools/node_modules/.bin/azurite-table ] || [ ! -f tests/tools/node_modules/axe-core/axe.min.js ] \
   || [ tests/tools/package-lock.json -nt tests/tools/node_modules/.package-lock.json ]; then
  echo "Installing test tools (Azurite, axe-core) into tests/tools …"
  npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error
fi

# Debian's Chromium for the browser tests (Playwright drives it; no browser is downloaded).
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium from Debian for the browser tests …"
  sudo_cmd=""
  [ "$(id -u)" = 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# One test project at a time: the browser and emulator tests are timing-sensitive, and two cores shared by several
# test hosts, Azurite and Chromium make a cold first run needlessly slow.
dotnet test Faq.sln --nologo -m:1 "$@" 2>&1 | tee "$log" || status=$?

# One closing line for CI systems that read totals: "N passed, N failed, N skipped". A run that failed
# without a failing test (a build error, a crashed test host) counts as one failure, never as a pass.
awk -v status="$status" '/(Passed|Failed)!/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:")  f += $(i+1)
         if ($i == "Passed:")  p += $(i+1)
         if ($i == "Skipped:") s += $(i+1)
       }
     }
     END {
       if (status != 0 && f == 0) { print "The test run failed before or outside the tests (see above)."; f = 1 }
       printf "%d passed, %d failed, %d skipped\n", p, f, s
     }' "$log"
exit "$status"
