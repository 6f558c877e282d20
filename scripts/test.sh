#!/usr/bin/env bash
# Runs every test project. Installs what the tests need when it is missing (Debian packages for the
# interop and browser tests; the build itself runs npm ci for the portal's front-end packages), builds, runs each test project, and ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")/.."

need_packages=()
command -v named >/dev/null 2>&1 || [ -x /usr/sbin/named ] || need_packages+=(bind9)
command -v named-compilezone >/dev/null 2>&1 || [ -x /usr/sbin/named-compilezone ] || need_packages+=(bind9-utils)
command -v dig >/dev/null 2>&1 || need_packages+=(bind9-dnsutils)
command -v knotd >/dev/null 2>&1 || [ -x /usr/sbin/knotd ] || need_packages+=(knot)
command -v kdig >/dev/null 2>&1 || need_packages+=(knot-dnsutils)
command -v dnsperf >/dev/null 2>&1 || need_packages+=(dnsperf)  # the analytics counting test sends a known load with it
[ -x /usr/bin/chromium ] || need_packages+=(chromium)  # the E2E tests drive Debian's Chromium with Playwright
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing test dependencies: ${need_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq "${need_packages[@]}" >/dev/null || {
    echo "could not install ${need_packages[*]}" >&2
    exit 1
  }
fi
export PATH="$PATH:/usr/sbin"

echo "Building"
dotnet build SecondaryPortal.sln -c Release -v q -nologo || { echo "0 passed, 1 failed"; exit 1; }

results=TestResults
rm -rf "$results"
status=0
for project in tests/*/*.Tests.csproj; do  # tests/TestSupport is a helper library, not a test project
  [ -f "$project" ] || continue
  name=$(basename "$project" .csproj)
  echo "Testing $name"
  dotnet test "$project" -c Release --no-build -nologo -v q \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
done

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  value() { echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  total=$(value total); executed=$(value executed); p=$(value passed); f=$(value failed)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  skipped=$((skipped + ${total:-0} - ${executed:-0}))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # a test run crashed without reporting a failed test
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
