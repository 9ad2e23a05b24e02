#!/usr/bin/env bash
# Issue #11: a flood of N (default 20,000) signed Events API DMs with distinct event ids, from linked users, sent as
# fast as wrk can over 100 connections, against the real Host on the 100,000-customer book; then the host is left
# alone for a while (default 300 s). Resident memory (VmRSS) is read every second. Passes when memory five minutes
# after the flood is within 100 MB of memory before it. Events beyond the host's turn queue get 503 (Slack retries).
# Usage: bench/slack/flood.sh [events] [seconds after]     (see bench/slack/host.sh for SCALE_DB, USERS_DB, KEEP_LOGS)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/slack/host.sh
COUNT="${1:-20000}"
AFTER="${2:-300}"

build_release
fresh_database
start_stand_in 5311
start_host 5310
node bench/slack/make-wrk-script.js events "$SECRET" "$WORK/warm.lua" "$PAIRS" 200 1000000
node bench/slack/make-wrk-script.js events "$SECRET" "$WORK/flood.lua" "$PAIRS" "$COUNT" 0
echo "host answered /healthz after ${STARTED_S} s, /readyz after ${READY_S} s; warming up with 200 DMs"
wrk_once 2 20 60 "$WORK/warm.lua" "$HOST_URL/slack/events" > /dev/null
sleep 10

start_mb=$(rss_mb)
( while kill -0 "$host_pid" 2>/dev/null; do echo "$(date +%s) $(rss_mb)"; sleep 1; done ) > "$WORK/rss.tsv" &
helper_pids+=($!)
load_before=$(load1)
wrk_once 2 100 600 "$WORK/flood.lua" "$HOST_URL/slack/events"
end_of_flood_mb=$(rss_mb)
echo "flood acknowledged; RSS $start_mb MB before, $end_of_flood_mb MB now; load $load_before→$(load1); waiting ${AFTER} s"
sleep "$AFTER"
after_mb=$(rss_mb)
peak_mb=$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$WORK/rss.tsv")
echo "Web API calls the host made: $(stand_in_counts)"
echo "FLOOD rss_start_mb=$start_mb rss_peak_mb=$peak_mb rss_after_mb=$after_mb after_s=$AFTER load_now=$(load1)"
awk -v a="$after_mb" -v s="$start_mb" 'BEGIN { ok = a - s <= 100; print ok ? "FLOOD OK" : "FLOOD MISSED"; exit ok ? 0 : 1 }'
