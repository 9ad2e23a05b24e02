#!/usr/bin/env bash
# Teams /api/messages load test: ChatSalesBot vs a minimal botbuilder (JS SDK) echo bot, same wrk, same run.
# 1. starts the stand-in (OpenID metadata + JWKS + token endpoint + Bot Connector on 127.0.0.1:3979) and the
#    echo bot (127.0.0.1:3988, no auth);
# 2. expects ChatSalesBot already serving on $BOT_URL, configured to trust the stand-in:
#      Teams__AppId=00000000-0000-0000-0000-0000000000b1 Teams__AppPassword=bench
#      Teams__OpenIdMetadataUrl=http://127.0.0.1:3979/botframework/.well-known/openidconfiguration
#      Teams__TokenEndpoint=http://127.0.0.1:3979/token
#      Teams__ServiceUrlHosts__90=127.0.0.1   (the stand-in connector; not a Bot Framework host, so it must be listed)
#    (start it after this script printed "stand-in ready", or run with START_BOT="<command>");
# 3. runs wrk (50 connections, $DURATION) against both and prints throughput, p99 and the ratio.
set -euo pipefail
cd "$(dirname "$0")"
BOT_URL="${BOT_URL:-http://127.0.0.1:3978/api/messages}"
DURATION="${DURATION:-30s}"
CONNECTIONS="${CONNECTIONS:-50}"
export BENCH_TOKEN_FILE="$PWD/out/token.txt"
[[ -d echo-bot/node_modules ]] || (cd echo-bot && npm ci --no-audit --no-fund)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
node stand-in.js > out-standin.log 2>&1 & pids+=($!)
(cd echo-bot && exec node index.js) > out-echobot.log 2>&1 & pids+=($!)
sleep 2
echo "stand-in ready"
if [[ -n "${START_BOT:-}" ]]; then
  bash -c "$START_BOT" > out-bot.log 2>&1 & pids+=($!)
  sleep 8
fi
run() { # name url [no-auth]
  local env=()
  [[ "${3:-}" == "no-auth" ]] && env=(BENCH_NO_AUTH=1)
  env "${env[@]}" wrk -t2 -c"$CONNECTIONS" -d5s -s message.lua "$2" > /dev/null   # warm-up
  env "${env[@]}" wrk -t2 -c"$CONNECTIONS" -d"$DURATION" -s message.lua "$2" | grep '^BENCH' | sed "s/^BENCH/$1/"
}
ours=$(run chatsalesbot "$BOT_URL")
echo "$ours"
echo_line=$(run botbuilder-echo http://127.0.0.1:3988/api/messages no-auth)
echo "$echo_line"
a=$(sed -E 's/.*rps=([0-9]+).*/\1/' <<<"$ours"); b=$(sed -E 's/.*rps=([0-9]+).*/\1/' <<<"$echo_line")
echo "ratio=$(awk "BEGIN{printf \"%.2f\", $a/$b}")x  connector calls: $(curl -s http://127.0.0.1:3979/stats)"
