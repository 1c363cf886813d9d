#!/usr/bin/env bash
# Runs every test. Needs the .NET 10 SDK, Node.js 20+ with npm, and Debian's chromium (browser tests).
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# Node validators for Block Kit, Adaptive Cards and both app manifests (pinned by package-lock.json).
if [ ! -d tools/validators/node_modules ]; then
  (cd tools/validators && npm ci --no-audit --no-fund --silent)
fi

if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then
  echo "test.sh: chromium is not installed; on Debian: sudo apt-get install -y chromium" >&2
  exit 1
fi

dotnet test TechFlow.OnCallBot.sln --logger "console;verbosity=normal" "$@"
tools/agents-playground/e2e.sh
