#!/usr/bin/env bash
# The #11 burst check: 1,000 concurrent signed /visit slash commands from 1,000 users the bot has never seen, against
# the real Host on a fresh demo database, with a local Slack Web API stand-in; loopback only.
# Passes when /healthz answered within 1 s throughout, every command was answered (or refused "busy") within 3 s,
# every "Working on it…" got its answer at response_url, and every admitted visit is stored exactly once.
# Usage: bench/slack/burst.sh [users]          (default 1000, at most 5000)
#   KEEP_LOGS=DIR   keep the host's log;  Slack__MaxConcurrentTurns / Slack__MaxQueuedTurns pass through to the host
set -euo pipefail
cd "$(dirname "$0")/../.."
USERS="${1:-1000}"
SECRET="burst-$(date +%s)-secret"
HOST_PORT=5200
API_PORT=5201
WORK=$(mktemp -d)
host_pid=""
cleanup() {
  [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null || true
  # Under set -e a failed copy here would turn a pass into exit 1.
  [ -n "${KEEP_LOGS:-}" ] && { mkdir -p "$KEEP_LOGS"; cp "$WORK"/host.log "$KEEP_LOGS"/ 2>/dev/null || true; }
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build -c Release src/ChatSalesBot.Host -v q -nologo > /dev/null
HOST_DLL=src/ChatSalesBot.Host/bin/Release/net10.0/ChatSalesBot.Host.dll
dotnet "$HOST_DLL" seed --demo --db "$WORK/burst.db" > /dev/null

Storage__DatabasePath="$WORK/burst.db" Slack__SigningSecret="$SECRET" Slack__BotToken=xoxb-burst \
  Slack__ApiBaseUrl="http://127.0.0.1:$API_PORT/api/" Slack__MaxRetries=0 Teams__ConversationReferencesPath= \
  dotnet "$HOST_DLL" serve --urls "http://127.0.0.1:$HOST_PORT" > "$WORK/host.log" 2>&1 &
host_pid=$!
for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$HOST_PORT/readyz" > /dev/null && break; sleep 0.5; done

status=0
node bench/slack/burst.js load --url "http://127.0.0.1:$HOST_PORT" --api-port "$API_PORT" --secret "$SECRET" \
  --users "$USERS" --out "$WORK/admitted.txt" || status=1

# A clean stop drains what is still running; then the file can be opened by export.
kill -TERM "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=""
dotnet "$HOST_DLL" export "$WORK/export" --db "$WORK/burst.db" > /dev/null
node bench/slack/burst.js check --admitted "$WORK/admitted.txt" --touches "$WORK/export/touches.csv" || status=1
exit $status
