-- wrk script: POSTs a Teams personal message ("customer <name>") with a fresh activity id per request and the
-- bench token (none when BENCH_NO_AUTH is set, for the no-auth echo baseline).
local token = nil
if os.getenv("BENCH_NO_AUTH") == nil then
  local f = assert(io.open(os.getenv("BENCH_TOKEN_FILE") or "bench/teams/out/token.txt", "r"))
  token = f:read("*a")
  f:close()
end
local text = os.getenv("BENCH_TEXT") or "customer Acme"
local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

-- Without a seed every run (and the warm-up) repeats the same ids, which the bot rightly ignores as replays.
function init(args)
  math.randomseed(os.time() * 100 + (tid or 0))
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
if token then
  wrk.headers["Authorization"] = "Bearer " .. token
end

function request()
  counter = counter + 1
  local id = string.format("%d-%d-%d", tid or 0, counter, math.random(1, 1000000000))
  local body = '{"type":"message","id":"' .. id .. '","timestamp":"2026-11-24T09:15:02.123Z","channelId":"msteams",'
    .. '"serviceUrl":"http://127.0.0.1:3979/","from":{"id":"29:bench-user","name":"Alice Ng","aadObjectId":"6b2a7d0c-4c6e-4d16-9e51-1b1f6a1f0c11"},'
    .. '"conversation":{"conversationType":"personal","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","id":"a:bench-personal"},'
    .. '"recipient":{"id":"28:00000000-0000-0000-0000-0000000000b1","name":"ChatSalesBot"},'
    .. '"channelData":{"tenant":{"id":"72f988bf-86f1-41af-91ab-2d7cd011db47"}},"locale":"en-US","text":"' .. text .. '"}'
  return wrk.format(nil, nil, nil, body)
end

function done(summary, latency, requests)
  io.write(string.format("BENCH rps=%.0f p50_ms=%.1f p99_ms=%.1f errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
