#!/usr/bin/env bash
# Runs every test. Needs the .NET 10 SDK, Node.js 20+ with npm, and from Debian chromium (browser tests), PostgreSQL's
# server binaries (the PostgreSQL provider's tests) and gcc or clang (the native build); as root, missing Debian
# packages are installed with apt-get.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Node validators for Block Kit, Adaptive Cards and both app manifests (pinned by package-lock.json).
if [ ! -f tools/validators/node_modules/.package-lock.json ] || [ tools/validators/package-lock.json -nt tools/validators/node_modules/.package-lock.json ]; then
  (cd tools/validators && npm ci --no-audit --no-fund --silent)
fi

# Debian packages the tests need: chromium (browser tests), PostgreSQL's server (the PostgreSQL provider's tests) and a C
# toolchain (the native build links with it). As root, missing ones are installed; otherwise test.sh says what to install.
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
[ -n "${ONCALL_TEST_POSTGRES:-}" ] || ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
command -v cc >/dev/null 2>&1 || command -v clang >/dev/null 2>&1 || missing+=(gcc)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "test.sh: missing ${missing[*]}; on Debian: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
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

# The native build (-p:PublishAot=true, docs/operations.md "Publishing"): the tests that run the bot as a separate
# process run once more against it, so what the native compiler keeps is what the JIT build runs (about 5 minutes on
# 2 cores; ONCALL_SKIP_NATIVE=1 skips it).
if [ -z "${ONCALL_SKIP_NATIVE:-}" ]; then
  native_dir=$(mktemp -d "${TMPDIR:-/tmp}/oncall-native.XXXXXX")
  rid=linux-$(uname -m | sed 's/x86_64/x64/; s/aarch64/arm64/')
  dotnet publish src/TechFlow.OnCallBot -c Release -r "$rid" -p:PublishAot=true -o "$native_dir" --nologo -v q
  export ONCALL_HOST_NATIVE="$native_dir/TechFlow.OnCallBot"
  dotnet test tests/TechFlow.OnCallBot.Tests --no-build --filter Category=ShippedHost
  # Not the replica trial: it runs two hosts on PostgreSQL, which the native build refuses by design.
  dotnet test tests/TechFlow.OnCall.Slack.Tests --no-build --filter "(Category=ShippedHost|Category=KillTrials)&FullyQualifiedName!~ReplicaTrial"
  dotnet test tests/TechFlow.OnCall.Teams.Tests --no-build --filter Category=ShippedHost
  rm -rf "$native_dir"
fi
