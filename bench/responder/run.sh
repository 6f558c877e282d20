#!/usr/bin/env bash
# Serving benchmark: dnsperf against SecondaryPortal, BIND 9, Knot and NSD serving the same zone, in
# interleaved rounds on this machine. Reports queries per second and each server's CPU time per answered
# query (from /proc/PID/stat before and after the run), and the memory (PSS) of each server with the zone
# loaded. Not a test: it prints numbers for bench/README.md.
#
#   bash bench/responder/run.sh [records=100000] [seconds=10] [rounds=3] [servers="ours bind knot nsd"]
set -euo pipefail
records=${1:-100000}; seconds=${2:-10}; rounds=${3:-3}; servers=${4:-"ours bind knot nsd"}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/sp-bench.XXXXXX)
pids=()
cleanup() { for pid in "${pids[@]:-}"; do kill "$pid" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT

python3 "$root/bench/responder/make-zone.py" "$records" "$work/zone.db" "$work/queries"
ticks=$(getconf CLK_TCK)

# A server and its children (NSD serves from forked processes): CPU ticks and PSS are summed over all.
tree() { echo "$1"; for child in $(pgrep -P "$1" 2>/dev/null); do tree "$child"; done; }
# utime and stime are fields 14 and 15 of /proc/PID/stat; the command name (field 2) may hold blanks.
cpu_ticks() { for p in $(tree "$1"); do sed 's/.*) //' "/proc/$p/stat" 2>/dev/null | awk '{print $12 + $13}'; done | awk '{s += $1} END {print s}'; }
pss_kib() { for p in $(tree "$1"); do awk '/^Pss:/ {print $2}' "/proc/$p/smaps_rollup" 2>/dev/null; done | awk '{s += $1} END {print s}'; }
wait_for() { # port
  for _ in $(seq 1 600); do
    dig +short +time=1 +tries=1 -p "$1" @127.0.0.1 bench.example. SOA 2>/dev/null | grep -q hostmaster && return 0
    sleep 0.2
  done
  echo "server on port $1 did not start" >&2; return 1
}

start_bind() {
  mkdir -p "$work/bind"
  cat > "$work/bind/named.conf" <<CONF
options { directory "$work/bind"; pid-file none; listen-on port $1 { 127.0.0.1; }; listen-on-v6 { none; };
  recursion no; dnssec-validation no; notify no; minimal-responses yes; rate-limit { responses-per-second 0; }; };
controls { };
zone "bench.example." { type primary; file "$work/zone.db"; };
CONF
  /usr/sbin/named -g -n "${BIND_THREADS:-$(nproc)}" -4 -c "$work/bind/named.conf" > "$work/bind/log" 2>&1 & echo $!
}

start_knot() {
  mkdir -p "$work/knot"
  cat > "$work/knot/knot.conf" <<CONF
server:
  listen: 127.0.0.1@$1
  rundir: $work/knot
database:
  storage: $work/knot
template:
  - id: default
    storage: $work
    journal-content: none
zone:
  - domain: bench.example.
    file: zone.db
CONF
  /usr/sbin/knotd -c "$work/knot/knot.conf" > "$work/knot/log" 2>&1 & echo $!
}

start_nsd() {
  mkdir -p "$work/nsd"
  cat > "$work/nsd/nsd.conf" <<CONF
server:
  port: $1
  ip-address: 127.0.0.1
  zonesdir: "$work"
  database: ""
  pidfile: "$work/nsd/nsd.pid"
  xfrdfile: "$work/nsd/xfrd.state"
  zonelistfile: "$work/nsd/zone.list"
  username: ""
  rrl-ratelimit: 0
  verbosity: 0
remote-control:
  control-enable: no
zone:
  name: bench.example.
  zonefile: zone.db
CONF
  /usr/sbin/nsd -d -c "$work/nsd/nsd.conf" > "$work/nsd/log" 2>&1 & echo $!
}

start_ours() {
  local portal="${PORTAL_DLL:-$(bash "$root/bench/publish.sh")}"
  mkdir -p "$work/ours"
  dotnet "$portal" zone import bench.example. "$work/zone.db" --Storage:DataDirectory="$work/ours" > "$work/ours/import.log" 2>&1
  dotnet "$portal" --Storage:DataDirectory="$work/ours" --Dns:Listen:0=127.0.0.1:$1 --urls http://127.0.0.1:0 ${OURS_OPTIONS:-} \
    > "$work/ours/log" 2>&1 & echo $!
}

declare -A port pid
next=15400
for server in $servers; do
  next=$((next + 1)); port[$server]=$next
  pid[$server]=$(start_$server "$next")
  pids+=("${pid[$server]}")
  wait_for "$next"
done

echo "zone: $records records; $rounds interleaved rounds of ${seconds}s; dnsperf -c 4 -q 200"
declare -A qps_all cpu_all
for round in $(seq 1 "$rounds"); do
  for server in $servers; do
    before=$(cpu_ticks "${pid[$server]}")
    out=$(dnsperf -s 127.0.0.1 -p "${port[$server]}" -d "$work/queries" -l "$seconds" -c 4 -q 200 2>&1)
    after=$(cpu_ticks "${pid[$server]}")
    completed=$(echo "$out" | awk '/Queries completed:/ {print $3}')
    qps=$(echo "$out" | awk '/Queries per second:/ {print $4}')
    cpu_us=$(awk -v t=$((after - before)) -v hz="$ticks" -v n="$completed" 'BEGIN { printf "%.2f", t / hz * 1e6 / n }')
    lost=$(echo "$out" | awk '/Queries lost:/ {print $3}')
    printf "round %s  %-5s %8.0f qps, %6s us CPU/query, completed %s, lost %s\n" "$round" "$server" "$qps" "$cpu_us" "$completed" "$lost"
    qps_all[$server]+="$qps "; cpu_all[$server]+="$cpu_us "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo
echo "| server | queries/s (median) | CPU µs/query (median) | PSS MiB with zone |"
echo "| --- | ---: | ---: | ---: |"
for server in $servers; do
  q=$(echo "${qps_all[$server]}" | median); c=$(echo "${cpu_all[$server]}" | median)
  m=$(awk -v k="$(pss_kib "${pid[$server]}")" 'BEGIN { printf "%.0f", k / 1024 }')
  echo "| $server | $q | $c | $m |"
done
