#!/usr/bin/env bash
# Issue #11: N (default 1,250) signed /visit slash commands at once, from linked users (each for a customer of their
# own rep), on one wrk connection each, against the real Host on the 100,000-customer book. Every one is a durable
# touch. Passes when wrk got N answers, all 200 within 3 s (Slack's limit) with p99 ≤ 1 s, none refused "busy", and
# every "Working on it…" got its answer at response_url. Latency is wrk's: from writing the request to its answer.
# Usage: bench/slack/visit.sh [commands]        (see bench/slack/host.sh for SCALE_DB, USERS_DB, KEEP_LOGS)
#   Slack__MaxConcurrentTurns / Slack__MaxQueuedTurns in the environment pass through to the host.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/slack/host.sh
COUNT="${1:-1250}"

build_release
fresh_database
start_stand_in 5301
start_host 5300
node bench/slack/make-wrk-script.js visit "$SECRET" "$WORK/warm.lua" "$PAIRS" 100 1000000 "$STAND_IN_URL"
node bench/slack/make-wrk-script.js visit "$SECRET" "$WORK/visit.lua" "$PAIRS" "$COUNT" 0 "$STAND_IN_URL"
echo "host answered /healthz after ${STARTED_S} s, /readyz after ${READY_S} s; warming up with 100 visits"
wrk_once 2 20 60 "$WORK/warm.lua" "$HOST_URL/slack/commands" > /dev/null
sleep 5

load_before=$(load1)
result=$(wrk_once 2 "$COUNT" 60 "$WORK/visit.lua" "$HOST_URL/slack/commands")
echo "$result"
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" <<< "$result"; }
working=$(field working)
for _ in $(seq 1 120); do   # late answers: at most two minutes
  [ "$(late_answers 0 "$COUNT")" -ge "$working" ] && break
  sleep 1
done
answered_late=$(late_answers 0 "$COUNT")
echo "late answers at response_url: $answered_late of $working; load $load_before→$(load1); host RSS $(rss_mb) MB"

awk -v n="$(field requests)" -v want="$COUNT" -v err="$(field errors)" -v non2xx="$(field non2xx)" -v p99="$(field p99_ms)" \
  -v max="$(field max_ms)" -v busy="$(field busy)" -v working="$working" -v late="$answered_late" 'BEGIN {
    ok = n == want && err == 0 && non2xx == 0 && max <= 3000 && p99 <= 1000 && busy == 0 && late >= working
    print ok ? "VISIT OK" : "VISIT MISSED"; exit ok ? 0 : 1 }'
