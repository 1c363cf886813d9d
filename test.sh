#!/usr/bin/env bash
# Runs every test. Needs the .NET 10 SDK, Node.js 20+ with npm, Debian's chromium (browser tests) and Debian's
# PostgreSQL server binaries (the PostgreSQL provider's tests; as root, missing ones are installed with apt-get).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Node validators for Block Kit, Adaptive Cards and both app manifests (pinned by package-lock.json).
if [ ! -f tools/validators/node_modules/.package-lock.json ] || [ tools/validators/package-lock.json -nt tools/validators/node_modules/.package-lock.json ]; then
  (cd tools/validators && npm ci --no-audit --no-fund --silent)
fi

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "test.sh: chromium is not installed; on Debian: sudo apt-get install -y chromium" >&2
  exit 1
fi

# A throwaway PostgreSQL cluster on a loopback port for the PostgreSQL tests, stopped and removed on exit.
# ONCALL_TEST_POSTGRES already set (an existing server) is used as it is.
if [ -z "${ONCALL_TEST_POSTGRES:-}" ]; then
  pg_dir=$(mktemp -d "${TMPDIR:-/tmp}/oncall-pg.XXXXXX")
  trap 'tools/postgres/throwaway-cluster.sh stop "$pg_dir"' EXIT
  ONCALL_TEST_POSTGRES=$(tools/postgres/throwaway-cluster.sh start "$pg_dir")
  export ONCALL_TEST_POSTGRES
  echo "test.sh: PostgreSQL for the tests on $(sed 's/;Password=[^;]*//' <<<"$ONCALL_TEST_POSTGRES")"
fi

dotnet test TechFlow.OnCallBot.sln --logger "console;verbosity=normal" "$@"
# The core suite once more with every TestBot on its own PostgreSQL database (tests that reopen a LiteDB file
# to simulate a restart keep it): the storage port behaves the same on both providers.
ONCALL_TEST_TESTBOT_PROVIDER=Postgres dotnet test tests/TechFlow.OnCall.Core.Tests --no-build "$@"
tools/agents-playground/e2e.sh
