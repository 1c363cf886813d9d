#!/usr/bin/env bash
# End-to-end: the real host (Development, temp store, no app id) on 127.0.0.1:3978 and the Microsoft 365 Agents
# Playground on loopback, driven through the Playground's own API (drive-api.js): a question, its answer, a card press.
# Everything stays on loopback: loopback-only.js refuses other connections and APPLICATION_INSIGHTS_NO_STATSBEAT
# stops the bundled telemetry. Exits non-zero on failure.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
BOT_PORT="${E2E_BOT_PORT:-3978}"
WORK="$(mktemp -d)"
BOT_PID=""
PG_PID=""

cleanup() {
  local rc=$?
  [ -n "$PG_PID" ] && kill "$PG_PID" 2>/dev/null || true
  [ -n "$BOT_PID" ] && kill "$BOT_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  if [ "$rc" -ne 0 ]; then
    echo "--- host log"; tail -n 40 "$WORK/host.log" 2>/dev/null || true
    echo "--- playground log"; tail -n 40 "$WORK/devTools/m365agentsplayground.log" 2>/dev/null || true
  fi
  rm -rf "$WORK"
  exit "$rc"
}
trap cleanup EXIT

if [ ! -d "$HERE/node_modules/@microsoft/m365agentsplayground" ] || [ ! -d "$HERE/node_modules/ws" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund --silent)
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
wait_http() { # url, what
  for _ in $(seq 1 120); do
    if curl -s -o /dev/null -m 2 "$1"; then return 0; fi
    sleep 0.5
  done
  echo "e2e: $2 did not come up at $1" >&2
  return 1
}

# 1. The host.
dotnet build "$ROOT/src/TechFlow.OnCallBot" -nologo -v q >/dev/null
ASPNETCORE_ENVIRONMENT=Development Store__Path="$WORK/oncall.db" Teams__AppId="" \
  dotnet "$ROOT/src/TechFlow.OnCallBot/bin/Debug/net10.0/TechFlow.OnCallBot.dll" --urls "http://127.0.0.1:$BOT_PORT" \
  >"$WORK/host.log" 2>&1 &
BOT_PID=$!
wait_http "http://127.0.0.1:$BOT_PORT/healthz" "the host"
grep -q "UNAUTHENTICATED requests from loopback only" "$WORK/host.log" || { echo "e2e: the host did not log its anonymous mode" >&2; exit 1; }

# 2. The Playground (loopback only, no browser, no telemetry), from a scratch folder for its logs.
PG_PORT="$(free_port)"
(cd "$WORK" && APPLICATION_INSIGHTS_NO_STATSBEAT=true TEAMSAPPTESTER_BROWSER=none LOOPBACK_GUARD_LOG="$WORK/blocked-egress.log" \
  exec node -r "$HERE/loopback-only.js" "$HERE/node_modules/@microsoft/m365agentsplayground/cli.js" start \
    --app-endpoint "http://127.0.0.1:$BOT_PORT/api/messages" --channel-id msteams --port "$PG_PORT" \
    --service-url "http://127.0.0.1:$PG_PORT/_connector" --conversation-id e2e-personal --disable-telemetry \
    >"$WORK/playground.out" 2>&1) &
PG_PID=$!
wait_http "http://127.0.0.1:$PG_PORT/_debug/ping" "the Agents Playground"

# 3. Drive it.
started=$(date +%s%N)
node "$HERE/drive-api.js" "http://127.0.0.1:$PG_PORT" "${E2E_QUESTION:-who is on call for aggregate profit}"
echo "e2e: the Playground exchange took $(( ($(date +%s%N) - started) / 1000000 )) ms"

if [ -s "$WORK/blocked-egress.log" ]; then
  echo "e2e: the Playground tried to leave loopback (blocked):" >&2
  cat "$WORK/blocked-egress.log" >&2
fi
echo "e2e: Agents Playground exchange passed"
