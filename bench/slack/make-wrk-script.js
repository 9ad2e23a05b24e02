// Writes a wrk Lua script that POSTs signed /customer slash commands, cycling through N customer names.
// Signatures use one timestamp taken now: valid for Slack's 5-minute window, longer than a run.
// Usage: node make-wrk-script.js <signing secret> <out.lua> [names file, one per line]
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');

const [secret, out, namesFile] = process.argv.slice(2);
const names = namesFile
  ? fs.readFileSync(namesFile, 'utf8').split('\n').map((s) => s.trim()).filter(Boolean).slice(0, 500)
  : Array.from({ length: 200 }, (_, i) => `Customer ${String(i * 487 % 100000).padStart(6, '0')}`);
const ts = Math.floor(Date.now() / 1000).toString();
const requests = names.map((name, i) => {
  const body = new URLSearchParams({
    token: 'benchmark', team_id: 'T0BENCH', team_domain: 'bench', channel_id: 'C0BENCH', channel_name: 'sales',
    user_id: `U0BENCH${i % 50}`, user_name: `rep${i % 50}`, command: '/customer', text: name,
    response_url: 'https://hooks.slack.com/commands/T0BENCH/1/abc', trigger_id: `1.2.${i}`, api_app_id: 'A0BENCH',
  }).toString();
  const sig = 'v0=' + crypto.createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
  return { body, sig };
});
const lua = [
  'local requests = {',
  ...requests.map((r) => `  { body = ${JSON.stringify(r.body)}, sig = "${r.sig}" },`),
  '}',
  'local i = 0',
  'request = function()',
  '  i = (i % #requests) + 1',
  '  local r = requests[i]',
  `  local headers = { ["Content-Type"] = "application/x-www-form-urlencoded", ["X-Slack-Request-Timestamp"] = "${ts}", ["X-Slack-Signature"] = r.sig }`,
  '  return wrk.format("POST", nil, headers, r.body)',
  'end',
  'done = function(summary, latency, requests)',
  '  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\\n",',
  '    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,',
  '    summary.errors.status, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))',
  'end',
  '',
];
fs.writeFileSync(out, lua.join('\n'));
