#!/usr/bin/env bash
# Slash-command throughput and latency on LiteDB, on PostgreSQL with one replica, and with two replicas behind a
# round-robin sender. Needs a PostgreSQL server: ONCALL_TEST_POSTGRES (an Npgsql connection string with the right to
# create databases), as test.sh exports it. Everything listens on 127.0.0.1; nothing leaves the machine.
#
#   benchmarks/replicas/run.sh [seconds] [rate per second ...]      # default: 20 s at 20/s and at 50/s
#
# Each run is preceded by an uncounted 5-second run at the same rate (JIT, connection pools, EF Core's query cache).
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-20}
shift || true
rates=("${@:-20 50}")
[ $# -eq 0 ] && rates=(20 50)
admin=${ONCALL_TEST_POSTGRES:?set ONCALL_TEST_POSTGRES to a PostgreSQL connection string (test.sh starts a throwaway cluster)}
secret=load-test-secret
work=$(mktemp -d /tmp/oncall-replicas-bench.XXXXXX)
pids=()

field() { tr ';' '\n' <<<"$admin" | sed -n "s/^$1=//Ip" | head -1; }
export PGHOST=$(field Host) PGPORT=$(field Port) PGUSER=$(field Username) PGPASSWORD=$(field Password)
database=oncall_bench_$$
connection="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$database"

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  psql -q -d postgres -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

dotnet build -c Release src/TechFlow.OnCallBot -v q -nologo >/dev/null
dotnet build -c Release benchmarks/TechFlow.OnCall.SlackLoad -v q -nologo >/dev/null
host_dll=$PWD/src/TechFlow.OnCallBot/bin/Release/net10.0/TechFlow.OnCallBot.dll
load_dll=$PWD/benchmarks/TechFlow.OnCall.SlackLoad/bin/Release/net10.0/TechFlow.OnCall.SlackLoad.dll

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# start_host NAME ARGS... : starts a Release host on a free port, waits for /healthz, prints its URL.
start_host() {
  local name=$1; shift
  local port; port=$(free_port)
  (cd src/TechFlow.OnCallBot && Slack__SigningSecret=$secret Logging__LogLevel__Default=Warning \
    exec dotnet "$host_dll" --urls "http://127.0.0.1:$port" "$@") >"$work/$name.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 600); do
    if curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then echo "http://127.0.0.1:$port"; return; fi
    sleep 0.2
  done
  echo "host $name did not start; see its log:" >&2; cat "$work/$name.log" >&2; exit 1
}

stop_hosts() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pids=()
}

run() {
  local label=$1 urls=$2 rate
  for rate in "${rates[@]}"; do
    dotnet "$load_dll" "$urls" "$secret" "$rate" 5 >/dev/null || true
    local before; before=$(cut -d' ' -f1-3 /proc/loadavg)
    local out; out=$(dotnet "$load_dll" "$urls" "$secret" "$rate" "$seconds" || true)
    local after; after=$(cut -d' ' -f1-3 /proc/loadavg)
    printf '%s\n%s\n  load average before: %s, after: %s\n\n' "== $label, $rate/s" "$out" "$before" "$after"
  done
}

echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, $seconds s per run"
echo

url=$(start_host litedb --Store:Path="$work/oncall.db")
run "LiteDB, one host" "$url"
stop_hosts

psql -q -d postgres -c "CREATE DATABASE $database" >/dev/null
url=$(start_host pg1 --Store:Provider=Postgres --Store:ConnectionString="$connection")
run "PostgreSQL, one replica" "$url"
url2=$(start_host pg2 --Store:Provider=Postgres --Store:ConnectionString="$connection")
run "PostgreSQL, two replicas (round robin)" "$url,$url2"
stop_hosts
