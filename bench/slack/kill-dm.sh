#!/usr/bin/env bash
# The #11 kill check: N (default 50) signed Slack DMs "visit Acme: kill check <n>" at once against the real Host
# (Release, `serve`) on a fresh demo database; the Web API stand-in holds every chat.postMessage, and once at least
# half the answers are on their way (the rest still queued or running) the host gets SIGKILL. The host is started
# again on the same file with a stand-in that answers. Passes (KILL-DM PASS, exit 0) when every DM acknowledged with
# 200 before the kill is answered after the restart, and, after a clean stop and `export`, every acknowledged visit is
# stored exactly once. Loopback only; needs node and curl.
# Usage: bench/slack/kill-dm.sh [dms]        KEEP_LOGS=DIR keeps both host logs
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT="${1:-50}"
SECRET="kill-$(date +%s)-secret"
HOST_PORT=5210
API_PORT=5211
HOST_DLL=src/ChatSalesBot.Host/bin/Release/net10.0/ChatSalesBot.Host.dll
WORK=$(mktemp -d)
host_pid=""
node_pid=""
cleanup() {
  [ -n "$host_pid" ] && kill -KILL "$host_pid" 2>/dev/null || true
  [ -n "$node_pid" ] && kill "$node_pid" 2>/dev/null || true
  [ -n "${KEEP_LOGS:-}" ] && { mkdir -p "$KEEP_LOGS"; cp "$WORK"/*.log "$KEEP_LOGS"/ 2>/dev/null || true; }
  rm -rf "$WORK"
}
trap cleanup EXIT

start_host() { # log file
  Storage__DatabasePath="$WORK/kill.db" Slack__SigningSecret="$SECRET" Slack__BotToken=xoxb-kill \
    Slack__ApiBaseUrl="http://127.0.0.1:$API_PORT/api/" Slack__MaxRetries=0 Teams__ConversationReferencesPath= \
    dotnet "$HOST_DLL" serve --urls "http://127.0.0.1:$HOST_PORT" > "$WORK/$1" 2>&1 &
  host_pid=$!
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null "http://127.0.0.1:$HOST_PORT/readyz" && return 0
    kill -0 "$host_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "the host never answered /readyz:" >&2; tail -20 "$WORK/$1" >&2; return 1
}

dotnet build -c Release src/ChatSalesBot.Host -v q -nologo > /dev/null
dotnet "$HOST_DLL" seed --demo --db "$WORK/kill.db" > /dev/null

# First life: DMs acknowledged, answers held in flight, then SIGKILL.
# (The host calls the Web API only once DMs arrive, so the stand-in may start after it.)
start_host first.log
node bench/slack/kill-dm.js send --url "http://127.0.0.1:$HOST_PORT" --api-port "$API_PORT" --secret "$SECRET" \
  --count "$COUNT" --acked "$WORK/acked.txt" --ready "$WORK/ready" &
node_pid=$!
while [ ! -f "$WORK/ready" ]; do kill -0 "$node_pid" 2>/dev/null || { echo "KILL-DM FAIL: the sender died"; exit 1; }; sleep 0.05; done
kill -KILL "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=""
kill "$node_pid"; wait "$node_pid" 2>/dev/null || true; node_pid=""
echo "host killed (SIGKILL); pending deliveries in the file are resumed at the next start"
[ -s "$WORK/acked.txt" ] || { echo "KILL-DM FAIL: no DM was acknowledged"; exit 1; }

# Second life: the stand-in answers; every acknowledged DM must get its answer.
status=0
node bench/slack/kill-dm.js answer --api-port "$API_PORT" --acked "$WORK/acked.txt" --timeout 120 &
node_pid=$!
start_host second.log
wait "$node_pid" || status=1; node_pid=""
kill -TERM "$host_pid"; wait "$host_pid" 2>/dev/null || true; host_pid=""

dotnet "$HOST_DLL" export "$WORK/export" --db "$WORK/kill.db" > /dev/null
node bench/slack/kill-dm.js check --acked "$WORK/acked.txt" --touches "$WORK/export/touches.csv" || status=1
[ "$status" = 0 ] && echo "KILL-DM PASS" || echo "KILL-DM FAIL"
exit $status
