// Writes a wrk Lua script of signed Slack requests. Signatures use one timestamp taken now: valid for Slack's
// 5-minute window, longer than a run.
//
//   node make-wrk-script.js <secret> <out.lua> [names file]
//       /customer <name> slash commands from U0BENCH0..49, cycling through the names for as long as wrk runs
//   node make-wrk-script.js visit <secret> <out.lua> <pairs.tsv> <count> <first> <response base url>
//       <count> /visit slash commands numbered from <first>, each sent once, request i from the user of line i of
//       pairs.tsv (written by `SlackBench link`); late answers go to <response base url>/response/i
//   node make-wrk-script.js events <secret> <out.lua> <pairs.tsv> <count> <first>
//       <count> Events API DMs ("customer <name>") with distinct event ids from <first> on, each sent once, from the
//       users of pairs.tsv
//
// In the two "once" modes (run as `wrk -tT … -s out.lua URL -- T`) thread k of T sends requests k, k+T, …, waits for
// their answers, notes itself in out.lua.done and stops; wrk then prints one RESULT line counting what came back:
// answered inline, "Working on it…", "busy" refusals, 503s. wrk itself runs for all of -d unless sent SIGINT, which
// wrk_once in bench/slack/host.sh does once every thread is done. Generate the script again before each run.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');

const ts = Math.floor(Date.now() / 1000).toString();
const sign = (secret, body) => 'v0=' + crypto.createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
const form = (fields) => new URLSearchParams({ token: 'benchmark', team_id: 'T0BENCH', team_domain: 'bench', api_app_id: 'A0BENCH', ...fields }).toString();
const pairs = (file) => fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => line.split('\t'));

function customerCommands(secret, namesFile) {
  const names = namesFile
    ? fs.readFileSync(namesFile, 'utf8').split('\n').map((s) => s.trim()).filter(Boolean).slice(0, 500)
    : Array.from({ length: 200 }, (_, i) => `Customer ${String(i * 487 % 100000).padStart(6, '0')}`);
  return names.map((name, i) => form({
    channel_id: 'C0BENCH', channel_name: 'sales', user_id: `U0BENCH${i % 50}`, user_name: `rep${i % 50}`, command: '/customer',
    text: name, response_url: 'https://hooks.slack.com/commands/T0BENCH/1/abc', trigger_id: `1.2.${i}`,
  }));
}

function visitCommands(pairsFile, count, first, responseBase) {
  const lines = pairs(pairsFile);
  return Array.from({ length: count }, (_, k) => {
    const i = first + k;
    const [user, name] = lines[i % lines.length];
    return form({
      channel_id: 'C0BENCH', channel_name: 'sales', user_id: user, user_name: user.toLowerCase(), command: '/visit',
      text: `${name}: bench visit ${i}`, response_url: `${responseBase}/response/${i}`, trigger_id: `1.3.${i}`,
    });
  });
}

function directMessages(pairsFile, count, first) {
  const lines = pairs(pairsFile);
  return Array.from({ length: count }, (_, k) => {
    const i = first + k;
    const [user, name] = lines[i % lines.length];
    const messageTs = `${ts}.${String(i).padStart(6, '0')}`;
    return JSON.stringify({
      token: 'benchmark', team_id: 'T0BENCH', api_app_id: 'A0BENCH', type: 'event_callback', event_id: `Ev0BENCH${i}`,
      event_time: Number(ts), authorizations: [{ team_id: 'T0BENCH', user_id: 'U0BENCHBOT', is_bot: true }],
      event: { type: 'message', channel_type: 'im', channel: `D${user.slice(1)}`, user, text: `customer ${name}`, ts: messageTs, event_ts: messageTs },
    });
  });
}

function lua(secret, bodies, contentType, once, out) {
  const head = [
    'local requests = {',
    ...bodies.map((body) => `  { body = ${JSON.stringify(body)}, sig = "${sign(secret, body)}" },`),
    '}',
    `local headers = { ["Content-Type"] = "${contentType}", ["X-Slack-Request-Timestamp"] = "${ts}" }`,
    'local function signed(r)',
    '  headers["X-Slack-Signature"] = r.sig',
    '  return wrk.format("POST", nil, headers, r.body)',
    'end',
  ];
  const result = (counts) => [
    'done = function(summary, latency, requests)',
    ...(counts ? [
      '  local c = { inline = 0, working = 0, busy = 0, s503 = 0 }',
      '  for _, t in ipairs(threads) do for k, _ in pairs(c) do c[k] = c[k] + t:get(k) end end',
    ] : []),
    '  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f seconds=%.2f",',
    '    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,',
    '    summary.errors.status, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,',
    '    latency.max / 1000, summary.duration / 1e6))',
    ...(counts ? ['  io.write(string.format(" inline=%d working=%d busy=%d status503=%d", c.inline, c.working, c.busy, c.s503))'] : []),
    '  io.write("\\n")',
    'end',
  ];
  if (!once) {
    return [...head, 'local i = 0', 'request = function()', '  i = (i % #requests) + 1', '  return signed(requests[i])', 'end', ...result(false), ''].join('\n');
  }

  return [
    ...head,
    'threads = {}',
    'local next_id = 0',
    'setup = function(thread)',
    '  thread:set("id", next_id)',
    '  next_id = next_id + 1',
    '  table.insert(threads, thread)',
    'end',
    // wrk starts each thread right after its setup, so the thread count comes as an argument: wrk … -- <threads>.
    'init = function(args)',
    '  stride = tonumber(args[1]) or 1',
    `  done_file = ${JSON.stringify(`${out}.done`)}`,
    'end',
    'inline, working, busy, s503 = 0, 0, 0, 0',
    'local scheduled, sent, received = 0, 0, 0',
    'local function mine() return math.floor((#requests - 1 - id) / stride) + 1 end',
    // wrk asks delay() before each request a connection sends (several connections may ask before any of them calls
    // request()); past its share a connection waits an hour: the thread stops when its last answer is in, or at -d.
    'delay = function()',
    '  if scheduled >= mine() then return 3600000 end',
    '  scheduled = scheduled + 1',
    '  return 0',
    'end',
    // wrk also calls request() once on its own, before any delay(), to check the script: that call sends nothing.
    'request = function()',
    '  if scheduled == 0 or sent >= mine() then return signed(requests[1]) end',
    '  sent = sent + 1',
    '  return signed(requests[id + (sent - 1) * stride + 1])',
    'end',
    'response = function(status, headers, body)',
    '  if status == 503 then s503 = s503 + 1',
    '  elseif status == 200 and body:find("too many requests", 1, true) then busy = busy + 1',
    '  elseif status == 200 and body:find("Working on it", 1, true) then working = working + 1',
    '  elseif status == 200 then inline = inline + 1 end',
    '  received = received + 1',
    '  if received >= mine() then finished() end',
    'end',
    // wrk's main thread sleeps for all of -d whatever its threads do; SIGINT ends that sleep, as Ctrl+C would.
    // bench/slack/host.sh's wrk_once sends it once every thread is listed here.
    'function finished()',
    '  local f = io.open(done_file, "a"); f:write(id, "\\n"); f:close()',
    '  wrk.thread:stop()',
    'end',
    ...result(true),
    '',
  ].join('\n');
}

const [mode] = process.argv.slice(2);
if (mode === 'visit' || mode === 'events') {
  const [, secret, out, pairsFile, count, first, responseBase] = process.argv.slice(2);
  const bodies = mode === 'visit'
    ? visitCommands(pairsFile, Number(count), Number(first), responseBase)
    : directMessages(pairsFile, Number(count), Number(first));
  fs.rmSync(`${out}.done`, { force: true });
  fs.writeFileSync(out, lua(secret, bodies, mode === 'visit' ? 'application/x-www-form-urlencoded' : 'application/json', true, out));
} else {
  const [secret, out, namesFile] = process.argv.slice(2);
  fs.writeFileSync(out, lua(secret, customerCommands(secret, namesFile), 'application/x-www-form-urlencoded', false));
}
