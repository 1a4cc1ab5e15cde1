#!/usr/bin/env bash
# `make func`: the app under Azure Functions Core Tools v4, with Azurite for
# AzureWebJobsStorage, devhost's SignalR emulator standalone on :8888 (upstream to the
# local host's SignalR webhook) and the Cosmos DB endpoint of local.settings.json.
# Prints what is missing and exits 1 where something is. README "Run under Azure
# Functions Core Tools".
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
SIGNALR_PORT="${SIGNALR_PORT:-8888}"
COSMOS_URL="${COSMOS_URL:-http://127.0.0.1:8081/}"
missing=()
command -v func >/dev/null 2>&1 || missing+=("func (Azure Functions Core Tools v4: npm install -g azure-functions-core-tools@4, or your OS package)")
command -v node >/dev/null 2>&1 || missing+=("node (Node.js 20, for Azurite)")
command -v npm >/dev/null 2>&1 || missing+=("npm (for Azurite)")
if ! curl -s -o /dev/null --max-time 3 "$COSMOS_URL"; then
  missing+=("a Cosmos DB endpoint at $COSMOS_URL (the Linux Cosmos DB emulator, or 'make cosmos-server' in another terminal; or set CosmosDBConnection in local.settings.json to an account and COSMOS_URL to its endpoint)")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "make func: cannot start; missing:" >&2
  for item in "${missing[@]}"; do echo "  - $item" >&2; done
  exit 1
fi
[ -f local.settings.json ] || cp local.settings.func.json.example local.settings.json
if grep -q 'LocalDocumentStore=' local.settings.json; then
  echo "make func: local.settings.json names the local document store, which the Cosmos DB extension cannot use; copy local.settings.func.json.example over it" >&2
  exit 1
fi
[ -f tools/azurite/node_modules/.package-lock.json ] || (cd tools/azurite && npm ci --ignore-scripts --no-audit --no-fund) || exit 1
mkdir -p .devhost/azurite
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done; }
trap cleanup EXIT INT TERM
tools/azurite/node_modules/.bin/azurite --silent --skipApiVersionCheck --location .devhost/azurite \
  --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 &
pids+=($!)
"$BIN/python" -m devhost.signalr --port "$SIGNALR_PORT" --log-level warning \
  --upstream "http://127.0.0.1:7071/runtime/webhooks/signalr" &
pids+=($!)
func start --port 7071
