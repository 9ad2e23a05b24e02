# Sourced by bench/slack/visit.sh and bench/slack/flood.sh: the real Host (Release) on a copy of the 100,000-customer
# scale database with linked bench users, its Slack Web API pointed at bench/slack/web-api-stand-in.js; loopback only.
#   SCALE_DB   the scale database (default /tmp/bench/scale.db; `ChatSalesBot.Host seed --scale --db FILE` makes it)
#   USERS_DB   a copy of it with up to 1,000 Slack users linked to reps (default /tmp/bench/slack-users.db, made from
#              SCALE_DB on first use with `SlackBench link`; "user TAB customer" pairs next to it)
#   KEEP_LOGS  a folder that keeps the host's log and the run's files
SCALE_DB="${SCALE_DB:-/tmp/bench/scale.db}"
USERS_DB="${USERS_DB:-/tmp/bench/slack-users.db}"
PAIRS="${USERS_DB%.db}-pairs.tsv"
HOST_DLL=src/ChatSalesBot.Host/bin/Release/net10.0/ChatSalesBot.Host.dll
BENCH_DLL=bench/slack/SlackBench/bin/Release/net10.0/SlackBench.dll
SECRET="bench-$(date +%s)-secret"
WORK=$(mktemp -d)
host_pid=""
stand_in_pid=""
helper_pids=()

stop_all() {
  for p in "${helper_pids[@]}"; do kill "$p" 2>/dev/null || true; done
  # SIGTERM as systemd would: the host drains its turns and closes the file cleanly.
  [ -n "$host_pid" ] && { kill -TERM "$host_pid" 2>/dev/null || true; wait "$host_pid" 2>/dev/null || true; }
  [ -n "$stand_in_pid" ] && { kill -TERM "$stand_in_pid" 2>/dev/null || true; wait "$stand_in_pid" 2>/dev/null || true; }
  host_pid=""; stand_in_pid=""
  [ -n "${KEEP_LOGS:-}" ] && { mkdir -p "$KEEP_LOGS"; cp "$WORK"/*.log "$WORK"/*.tsv "$KEEP_LOGS"/ 2>/dev/null || true; }
  rm -rf "$WORK"
}
trap stop_all EXIT

build_release() {
  dotnet build -c Release src/ChatSalesBot.Host -v q -nologo > /dev/null
  dotnet build -c Release bench/slack/SlackBench -v q -nologo > /dev/null
}

# The users database is made once; every run works on a fresh copy of it, so runs do not feed each other's files.
fresh_database() {
  [ -f "$SCALE_DB" ] || { echo "no $SCALE_DB: dotnet $HOST_DLL seed --scale --db $SCALE_DB" >&2; return 1; }
  if [ ! -f "$USERS_DB" ] || [ ! -f "$PAIRS" ]; then
    cp "$SCALE_DB" "$USERS_DB"
    dotnet "$BENCH_DLL" link "$USERS_DB" "$PAIRS" 1000
  fi
  cp "$USERS_DB" "$WORK/run.db"
  # With its checksum, as a cleanly closed file has one: the host checks it at start, as in production.
  [ -f "$USERS_DB.xxh128" ] && cp "$USERS_DB.xxh128" "$WORK/run.db.xxh128"
  return 0
}

start_stand_in() { # port
  node bench/slack/web-api-stand-in.js "$1" > "$WORK/stand-in.log" 2>&1 &
  stand_in_pid=$!
  STAND_IN_URL="http://127.0.0.1:$1"
}

stand_in_counts() { curl -sf "$STAND_IN_URL/counts${1:-}"; }

late_answers() { # first last+1: how many of the response_urls numbered so got a post
  local n; n=$(stand_in_counts "?from=$1&to=$2" | sed -n 's/.*"distinct_response_urls":\([0-9]*\).*/\1/p'); echo "${n:-0}"; }

start_host() { # port; sets host_pid, HOST_URL, STARTED_S and READY_S (seconds until /healthz and /readyz answered 200)
  HOST_URL="http://127.0.0.1:$1"
  local started=$(date +%s.%N)
  Storage__DatabasePath="$WORK/run.db" Slack__SigningSecret="$SECRET" Slack__BotToken=xoxb-benchmark \
    Slack__ApiBaseUrl="$STAND_IN_URL/api/" Slack__MaxRetries=0 Teams__ConversationReferencesPath= \
    Logging__LogLevel__Default=Warning \
    dotnet "$HOST_DLL" serve --urls "$HOST_URL" > "$WORK/host.log" 2>&1 &
  host_pid=$!
  STARTED_S=""
  # /healthz answers as soon as the host listens; /readyz once the book is loaded (turns before that get 503).
  for _ in $(seq 1 1200); do
    if [ -z "$STARTED_S" ] && curl -sf -o /dev/null "$HOST_URL/healthz"; then
      STARTED_S=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }')
    fi
    if [ -n "$STARTED_S" ] && curl -sf -o /dev/null "$HOST_URL/readyz"; then
      READY_S=$(awk -v a="$started" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'); return 0
    fi
    kill -0 "$host_pid" 2>/dev/null || break
    sleep 0.05
  done
  echo "the host never answered /readyz:" >&2; tail -20 "$WORK/host.log" >&2; return 1
}

rss_mb() { awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$host_pid/status"; }

# wrk with a script of make-wrk-script.js's once modes: ends with the last answer instead of at -d (the upper bound).
wrk_once() { # threads connections max-seconds script url
  rm -f "$4.done"
  wrk -t"$1" -c"$2" -d"$3"s --timeout 30s -s "$4" "$5" -- "$1" > "$WORK/wrk.out" &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    [ -f "$4.done" ] && [ "$(wc -l < "$4.done")" -ge "$1" ] && kill -INT "$pid" 2>/dev/null
    sleep 0.2
  done
  wait "$pid" || true
  grep '^RESULT' "$WORK/wrk.out"
}

load1() { cut -d' ' -f1 /proc/loadavg; }
