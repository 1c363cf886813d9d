#!/usr/bin/env bash
# Measures the host's cold start to first answer, and its resident memory once idle.
#
#   tools/measure-startup.sh [--runs N] [--configuration Release|Debug] [--no-build]
#
# Each run starts the built host on http://127.0.0.1:PORT (a free port) with a fresh temp store (so the run
# includes creating the LiteDB file, seeding the team and planning a year of shifts), then times until
# POST /playground/ask answers "who is on call for Aggregate Profit" with HTTP 200. It then waits IDLE_SECONDS
# (default 5) and reads VmRSS from /proc. Prints one line per run and the medians. Local only; binds 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

runs=5
configuration=Release
build=1
idle_seconds=${IDLE_SECONDS:-5}
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs=$2; shift 2 ;;
    --configuration|-c) configuration=$2; shift 2 ;;
    --no-build) build=0; shift ;;
    *) echo "measure-startup: unknown argument $1" >&2; exit 2 ;;
  esac
done

project=src/TechFlow.OnCallBot
dll="$project/bin/$configuration/net10.0/TechFlow.OnCallBot.dll"
if [ "$build" = 1 ]; then
  dotnet build "$project" -c "$configuration" -v quiet -nologo >/dev/null
fi
[ -f "$dll" ] || { echo "measure-startup: $dll not found; build first or drop --no-build" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'; }
now_ms() { date +%s%3N; }

work=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

starts=()
rss=()
for i in $(seq 1 "$runs"); do
  port=$(free_port)
  store="$work/run$i/oncall.db"
  start=$(now_ms)
  dotnet "$dll" --urls "http://127.0.0.1:$port" --Store:Path="$store" --Logging:LogLevel:Default=Warning >"$work/run$i.log" 2>&1 &
  pid=$!
  until curl -fsS -o /dev/null --max-time 5 -H 'content-type: application/json' \
      -d '{"text":"who is on call for Aggregate Profit"}' "http://127.0.0.1:$port/playground/ask" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "measure-startup: the host exited; its log:" >&2; cat "$work/run$i.log" >&2; exit 1; fi
    sleep 0.05
  done
  elapsed=$(( $(now_ms) - start ))
  sleep "$idle_seconds"
  kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
  starts+=("$elapsed"); rss+=("$kb")
  printf 'run %d: first answer after %d ms, idle RSS %d MiB\n' "$i" "$elapsed" $(( kb / 1024 ))
done

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
printf 'median of %d runs (%s): first answer after %d ms, idle RSS %d MiB\n' "$runs" "$configuration" "$(median "${starts[@]}")" $(( $(median "${rss[@]}") / 1024 ))
