#!/usr/bin/env bash
# Signed /customer slash commands, 50 connections, wrk on this machine: ChatSalesBot vs a minimal Bolt app.
# Usage: bench/slack/run.sh [seconds]
#   CSB_URL      URL of a running ChatSalesBot host (default: start one with dotnet run -c Release -- serve)
#   CSB_SECRET   its Slack signing secret (default: a throwaway one passed to the started host)
#   NAMES_FILE   customer names in the benchmark database, one per line (default: "Customer 000000"… names)
# Needs wrk (apt-get install wrk) and node; the Bolt app uses tools/slack-check/node_modules (npm ci there).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_RUN="${1:-30}"
SECRET="${CSB_SECRET:-bench-$(date +%s)-secret}"
BOLT_PORT=3100
OUT=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$OUT"; }
trap cleanup EXIT

[ -d tools/slack-check/node_modules ] || (cd tools/slack-check && npm ci --no-audit --no-fund)
node bench/slack/make-wrk-script.js "$SECRET" "$OUT/slack.lua" ${NAMES_FILE:+"$NAMES_FILE"}

run() { # name url
  wrk -t2 -c50 -d5s -s "$OUT/slack.lua" "$2" > /dev/null   # warm-up
  wrk -t2 -c50 -d"${SECONDS_RUN}s" --latency -s "$OUT/slack.lua" "$2" | tee "$OUT/$1.txt" | grep -E "RESULT|Requests/sec|99%"
}
wait_port() { for _ in $(seq 1 120); do (echo > "/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.5; done; echo "port $1 never opened" >&2; return 1; }

echo "== Bolt for JavaScript baseline"
SLACK_SIGNING_SECRET="$SECRET" PORT=$BOLT_PORT NODE_PATH=tools/slack-check/node_modules node bench/slack/bolt-app.js > "$OUT/bolt.log" 2>&1 &
pids+=($!); wait_port $BOLT_PORT
run bolt "http://127.0.0.1:$BOLT_PORT/slack/events"
kill "${pids[-1]}"; sleep 1

echo "== ChatSalesBot"
if [ -z "${CSB_URL:-}" ]; then
  Slack__SigningSecret="$SECRET" Slack__BotToken=xoxb-benchmark ASPNETCORE_URLS=http://127.0.0.1:5100 Logging__LogLevel__Default=Warning \
    dotnet run --project src/ChatSalesBot.Host -c Release -- serve > "$OUT/csb.log" 2>&1 &
  pids+=($!); wait_port 5100
  CSB_URL=http://127.0.0.1:5100
fi
run csb "$CSB_URL/slack/commands"

bolt=$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' "$OUT/bolt.txt"); ours=$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' "$OUT/csb.txt")
echo "ratio ChatSalesBot/Bolt: $(awk -v a="$ours" -v b="$bolt" 'BEGIN { printf "%.2f", a / b }')"
