#!/usr/bin/env bash
# Query counting overhead: two SecondaryPortal processes serve the same zone, one with counting on (top names
# sketched, a few client networks configured) and one with Analytics:CountQueries=false; dnsperf alternates
# between them, round after round, on the benchmark's query mix and on a random-subdomain flood (every query
# a new name under the zone: NXDOMAIN, the top-name sketches churn). Reports queries per second and CPU time
# per answered query of each process (from /proc/PID/stat before and after each run).
#
#   bash bench/responder/counting.sh [records=100000] [seconds=10] [rounds=5]
set -euo pipefail
records=${1:-100000}; seconds=${2:-10}; rounds=${3:-5}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/sp-counting.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]:-}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

python3 "$root/bench/responder/make-zone.py" "$records" "$work/zone.db" "$work/queries"
python3 - "$work/flood" <<'PY'
import random, sys
random.seed(7)
with open(sys.argv[1], "w") as f:
    for _ in range(200_000):
        f.write(f"{random.getrandbits(40):010x}.bench.example. A\n")
PY
ticks=$(getconf CLK_TCK)
cpu_ticks() { sed 's/.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
wait_for() {
  for _ in $(seq 1 600); do
    dig +short +time=1 +tries=1 -p "$1" @127.0.0.1 bench.example. SOA 2>/dev/null | grep -q hostmaster && return 0
    sleep 0.2
  done
  echo "server on port $1 did not start" >&2; return 1
}

portal="$root/src/Portal/bin/Release/net10.0/SecondaryPortal.Portal.dll"
[ -f "$portal" ] || dotnet build "$root/src/Portal" -c Release -v q -nologo >/dev/null
regions=(--Analytics:ClientRegions:0:Network=10.0.0.0/8 --Analytics:ClientRegions:0:Region=corp
  --Analytics:ClientRegions:1:Network=172.16.0.0/12 --Analytics:ClientRegions:1:Region=corp
  --Analytics:ClientRegions:2:Network=192.0.2.0/24 --Analytics:ClientRegions:2:Region=emea
  --Analytics:ClientRegions:3:Network=2001:db8::/32 --Analytics:ClientRegions:3:Region=apac)
declare -A port pid
start() { # name port options...
  local name=$1 p=$2; shift 2
  mkdir -p "$work/$name"
  dotnet "$portal" zone import bench.example. "$work/zone.db" --Storage:DataDirectory="$work/$name" > "$work/$name/import.log" 2>&1
  dotnet "$portal" --Storage:DataDirectory="$work/$name" --Dns:Listen:0=127.0.0.1:$p --urls http://127.0.0.1:0 "$@" > "$work/$name/log" 2>&1 &
  pid[$name]=$!; port[$name]=$p; pids+=("$!")
  wait_for "$p"
}
start on 15511 "${regions[@]}"
start off 15512 --Analytics:CountQueries=false

echo "zone: $records records; $rounds alternating rounds of ${seconds}s per load; dnsperf -c 4 -q 200"
declare -A qps_all cpu_all
for round in $(seq 1 "$rounds"); do
  for load in queries flood; do
    # Alternate which process goes first, so that neither always follows the other.
    order="on off"; [ $((round % 2)) -eq 0 ] && order="off on"
    for server in $order; do
      before=$(cpu_ticks "${pid[$server]}")
      out=$(dnsperf -s 127.0.0.1 -p "${port[$server]}" -d "$work/$load" -l "$seconds" -c 4 -q 200 2>&1)
      after=$(cpu_ticks "${pid[$server]}")
      completed=$(echo "$out" | awk '/Queries completed:/ {print $3}')
      qps=$(echo "$out" | awk '/Queries per second:/ {print $4}')
      cpu_us=$(awk -v t=$((after - before)) -v hz="$ticks" -v n="$completed" 'BEGIN { printf "%.2f", t / hz * 1e6 / n }')
      printf "round %s  %-7s %-3s %8.0f qps, %6s us CPU/query\n" "$round" "$load" "$server" "$qps" "$cpu_us"
      qps_all[$load-$server]+="$qps "; cpu_all[$load-$server]+="$cpu_us "
    done
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo
echo "| load | counting | queries/s (median) | CPU µs/query (median) |"
echo "| --- | --- | ---: | ---: |"
for load in queries flood; do
  for server in on off; do
    echo "| $load | $server | $(echo "${qps_all[$load-$server]}" | median) | $(echo "${cpu_all[$load-$server]}" | median) |"
  done
done
