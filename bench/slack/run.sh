#!/usr/bin/env bash
# Signed /customer slash commands, 50 connections, wrk on this machine: ChatSalesBot vs a minimal Bolt app.
# Usage: bench/slack/run.sh [seconds]
#   BENCH_DB     benchmark database (default data/bench/slack-bench.db; seeded with 100k customers when missing,
#                which takes about 2–5 minutes, and bench users U0BENCH0..49 linked to reps)
#   NAMES_FILE   customer names for the requests (default: written next to BENCH_DB by the seed)
#   CSB_URL      URL of an already running ChatSalesBot host to measure instead of bench/slack/SlackBench
#                (that host needs the same seeded database and CSB_SECRET as its Slack:SigningSecret)
# Needs wrk (apt-get install wrk) and node; the Bolt app uses tools/slack-check/node_modules (npm ci there).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_RUN="${1:-30}"
SECRET="${CSB_SECRET:-bench-$(date +%s)-secret}"
BOLT_PORT=3100
OUT=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; [ -n "${KEEP_LOGS:-}" ] && cp "$OUT"/*.log "$KEEP_LOGS"/ 2>/dev/null; rm -rf "$OUT"; }
trap cleanup EXIT

[ -d tools/slack-check/node_modules ] || (cd tools/slack-check && npm ci --no-audit --no-fund)
BENCH_DB="${BENCH_DB:-data/bench/slack-bench.db}"
NAMES_FILE="${NAMES_FILE:-${BENCH_DB%.db}-names.txt}"
dotnet build -c Release bench/slack/SlackBench -v q -nologo > /dev/null
BENCH_DLL=bench/slack/SlackBench/bin/Release/net10.0/SlackBench.dll
if [ ! -f "$BENCH_DB" ]; then
  mkdir -p "$(dirname "$BENCH_DB")"
  echo "== seeding $BENCH_DB"
  dotnet "$BENCH_DLL" seed "$BENCH_DB" "$NAMES_FILE"
fi
node bench/slack/make-wrk-script.js "$SECRET" "$OUT/slack.lua" "$NAMES_FILE"

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
  Slack__SigningSecret="$SECRET" Slack__BotToken=xoxb-benchmark ASPNETCORE_URLS=http://127.0.0.1:5100 \
    dotnet "$BENCH_DLL" serve "$BENCH_DB" > "$OUT/csb.log" 2>&1 &
  pids+=($!); wait_port 5100
  CSB_URL=http://127.0.0.1:5100
  STARTED_CSB=1
fi
run csb "$CSB_URL/slack/commands"
[ -n "${STARTED_CSB:-}" ] && { kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true; }

bolt=$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' "$OUT/bolt.txt"); ours=$(sed -n 's/.*rps=\([0-9.]*\).*/\1/p' "$OUT/csb.txt")
echo "== where the time goes (one thread, no HTTP)"
dotnet "$BENCH_DLL" measure "$BENCH_DB" "$NAMES_FILE" 2>/dev/null | grep -E "bot turn|render"
echo "ratio ChatSalesBot/Bolt: $(awk -v a="$ours" -v b="$bolt" 'BEGIN { printf "%.2f", a / b }')"
