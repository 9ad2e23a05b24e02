// The #11 kill check, driven by bench/slack/kill-dm.sh: Slack DMs acknowledged by the host must each be answered,
// and each visit stored exactly once, even when the host is killed (SIGKILL) between the ack and the answer. Runs the
// Slack Web API stand-in (web-api-stand-in.js) the host talks to, on loopback only.
//
//   node kill-dm.js send   --url URL --api-port PORT --secret S --count N --acked FILE --ready FILE
//       sends N signed Events API DMs "visit Acme: kill check <n>" (user U0KILL<n>, DM channel D0KILL<n>) at once,
//       with chat.postMessage held (read, never answered); writes the <n> of every DM acknowledged with 200 to FILE
//       and then touches the ready FILE once half of them (at least) have an answer on the way, or 5 s after the first
//       answer was held, or after 20 s; then
//       keeps holding until SIGTERM (the host is killed meanwhile, with its answers in flight)
//   node kill-dm.js answer --api-port PORT --acked FILE [--timeout S]
//       answers chat.postMessage; exit 0 once every acknowledged DM's channel got an answer, 1 after S s (default 120)
//   node kill-dm.js check  --acked FILE --touches touches.csv
//       every acknowledged visit stored exactly once (from the export after a clean stop)
'use strict';
const http = require('node:http');
const crypto = require('node:crypto');
const fs = require('node:fs');
const { standIn } = require('./web-api-stand-in');

const args = Object.fromEntries(process.argv.slice(3).reduce((pairs, a, i, all) =>
  (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const NOTE = 'kill check';
const channelOf = (n) => `D0KILL${n}`;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function dm(base, secret, n) {
  const ts = Math.floor(Date.now() / 1000);
  const messageTs = `${ts}.${String(n).padStart(6, '0')}`;
  const body = JSON.stringify({
    token: 'kill', team_id: 'T0KILL', api_app_id: 'A0KILL', type: 'event_callback', event_id: `Ev0KILL${n}`, event_time: ts,
    authorizations: [{ team_id: 'T0KILL', user_id: 'U0KILLBOT', is_bot: true }],
    event: { type: 'message', channel_type: 'im', channel: channelOf(n), user: `U0KILL${n}`, text: `visit Acme: ${NOTE} ${n}`, ts: messageTs, event_ts: messageTs },
  });
  const signature = 'v0=' + crypto.createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
  return new Promise((resolve) => {
    const req = http.request(`${base}/slack/events`, {
      method: 'POST', agent: false, timeout: 10_000,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-slack-request-timestamp': ts, 'x-slack-signature': signature },
    }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

async function send() {
  const count = Number(args.count ?? 50);
  const held = new Set();
  let firstHeld = 0;
  await standIn(Number(args['api-port']), new Set(), {}, { holdPosts: () => true, onPost: (channel) => { firstHeld ||= Date.now(); held.add(channel); } });
  await sleep(200); // the stand-in's port is open before the first DM reaches the host
  const statuses = await Promise.all(Array.from({ length: count }, (_, i) => dm(args.url, args.secret, i + 1)));
  const acked = statuses.map((s, i) => (s === 200 ? i + 1 : null)).filter((n) => n !== null);
  fs.writeFileSync(args.acked, acked.join('\n') + '\n');
  // Killed before the host's own 10 s timeout of a chat.postMessage ends the oldest held call (the host then takes
  // the answer as failed for good: not the case under test).
  const deadline = Date.now() + 20_000;
  while (held.size * 2 < acked.length && Date.now() < deadline && !(firstHeld && Date.now() - firstHeld > 5_000)) await sleep(10);
  console.log(`DMs: ${count} sent, ${acked.length} acknowledged (200), ${count - acked.length} refused; answers held in flight at the kill: ${held.size}`);
  fs.writeFileSync(args.ready, `${held.size}\n`);
  process.on('SIGTERM', () => process.exit(0));
}

async function answer() {
  const acked = fs.readFileSync(args.acked, 'utf8').split('\n').filter(Boolean).map(Number);
  const answered = new Map();
  const server = await standIn(Number(args['api-port']), new Set(), {}, { onPost: (channel, text) => answered.set(channel, (answered.get(channel) ?? []).concat(text)) });
  const deadline = Date.now() + Number(args.timeout ?? 120) * 1000;
  const missing = () => acked.filter((n) => !answered.has(channelOf(n)));
  while (missing().length > 0 && Date.now() < deadline) await sleep(100);
  await sleep(1000); // answers still on their way would show up as doubles
  server.close();
  const again = acked.filter((n) => (answered.get(channelOf(n)) ?? []).some((t) => t.includes('just before a restart'))).length;
  const doubles = acked.filter((n) => (answered.get(channelOf(n)) ?? []).length > 1).length;
  console.log(`after the restart: ${acked.length - missing().length} of ${acked.length} acknowledged DMs answered (${again} of them "handled just before a restart"), ${doubles} answered more than once; never answered: ${missing().length}`);
  process.exitCode = missing().length === 0 ? 0 : 1;
}

function check() {
  const acked = new Set(fs.readFileSync(args.acked, 'utf8').split('\n').filter(Boolean).map(Number));
  const counts = new Map();
  for (const m of fs.readFileSync(args.touches, 'utf8').matchAll(new RegExp(`${NOTE} (\\d+)`, 'g'))) {
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  const lost = [...acked].filter((n) => !counts.has(n));
  const twice = [...counts].filter(([, c]) => c > 1).map(([n]) => n);
  console.log(`visits: ${acked.size} acknowledged, ${counts.size} stored; lost ${lost.length}, stored twice ${twice.length}`);
  process.exitCode = lost.length === 0 && twice.length === 0 ? 0 : 1;
}

const mode = { send, answer, check }[process.argv[2]];
if (!mode) {
  console.error('usage: node kill-dm.js send|answer|check ...');
  process.exit(2);
}
mode();
