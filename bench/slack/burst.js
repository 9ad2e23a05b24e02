// The #11 burst check, driven by bench/slack/burst.sh: N concurrent signed /visit commands from N users the bot has
// never seen (each must be linked: a users.info call and a store write), while /healthz is polled every 100 ms.
// Also runs the Slack Web API stand-in the host talks to (web-api-stand-in.js), on loopback only.
//
//   node burst.js load  --url URL --api-port PORT --secret S --users N --out FILE   (prints the verdict, exit 1 = missed)
//   node burst.js check --admitted FILE --touches touches.csv                      (no lost write, nothing refused stored)
'use strict';
const http = require('node:http');
const crypto = require('node:crypto');
const fs = require('node:fs');
const { standIn } = require('./web-api-stand-in');

const args = Object.fromEntries(process.argv.slice(3).reduce((pairs, a, i, all) =>
  (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const BUSY = 'I have too many requests to handle right now';
const WORKING = 'Working on it';
const NOTE = 'burst check';

function post(url, body, headers, timeoutMs) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = http.request(url, { method: 'POST', headers, agent: false, timeout: timeoutMs }, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode, text, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, text: e.message, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    req.end(body);
  });
}

function get(url, timeoutMs) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ status: 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
  });
}

function command(base, secret, n) {
  const user = `U0BURST${String(n).padStart(5, '0')}`;
  const body = new URLSearchParams({
    team_id: 'T0BURST', team_domain: 'burst', channel_id: 'C0BURST', channel_name: 'sales', user_id: user, user_name: user.toLowerCase(),
    command: '/visit', text: `Acme: ${NOTE} ${n}`, response_url: `http://127.0.0.1:${args['api-port']}/response/${n}`, trigger_id: `${n}.1.1`,
  }).toString();
  const ts = String(Math.floor(Date.now() / 1000));
  const signature = 'v0=' + crypto.createHmac('sha256', secret).update(`v0:${ts}:${body}`).digest('hex');
  return post(`${base}/slack/commands`, body, {
    'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body),
    'x-slack-request-timestamp': ts, 'x-slack-signature': signature,
  }, 10_000);
}

async function load() {
  const users = Math.min(Number(args.users ?? 1000), 5000);
  const responseUrlPosts = new Set();
  const server = await standIn(Number(args['api-port']), responseUrlPosts);
  const health = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      health.push(await get(`${args.url}/healthz`, 5_000));
      await new Promise((r) => setTimeout(r, 100));
    }
  })();

  const results = await Promise.all(Array.from({ length: users }, (_, i) => command(args.url, args.secret, i + 1)
    .then((r) => ({ n: i + 1, ...r }))));
  const working = results.filter((r) => r.status === 200 && r.text.includes(WORKING));
  const deadline = Date.now() + 180_000;
  while (working.some((r) => !responseUrlPosts.has(r.n)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
  }
  polling = false;
  await poller;
  server.close();

  const busy = results.filter((r) => r.status === 200 && r.text.includes(BUSY));
  const failed = results.filter((r) => r.status !== 200);
  const admitted = results.filter((r) => r.status === 200 && !r.text.includes(BUSY));
  const slow = results.filter((r) => r.ms > 3000);
  const pct = (xs, p) => (xs.length ? xs.sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] : 0);
  const healthMax = Math.max(...health.map((h) => h.ms));
  const healthBad = health.filter((h) => h.status !== 200 || h.ms > 1000);
  const lateMissing = working.filter((r) => !responseUrlPosts.has(r.n));
  fs.writeFileSync(args.out, admitted.map((r) => r.n).join('\n') + '\n');

  console.log(`commands: ${users}; answered inline ${admitted.length - working.length}, working-on-it ${working.length}, busy ${busy.length}, failed ${failed.length}`);
  console.log(`ack latency ms: p50 ${pct(results.map((r) => r.ms), 0.5).toFixed(0)}, p99 ${pct(results.map((r) => r.ms), 0.99).toFixed(0)}, max ${Math.max(...results.map((r) => r.ms)).toFixed(0)}; over 3 s: ${slow.length}`);
  console.log(`/healthz: ${health.length} polls, max ${healthMax.toFixed(0)} ms, over 1 s or not 200: ${healthBad.length}`);
  console.log(`late answers missing at response_url: ${lateMissing.length}`);
  const ok = failed.length === 0 && slow.length === 0 && healthBad.length === 0 && lateMissing.length === 0;
  console.log(ok ? 'BURST OK' : 'BURST MISSED');
  process.exitCode = ok ? 0 : 1;
}

function check() {
  const admitted = new Set(fs.readFileSync(args.admitted, 'utf8').split('\n').filter(Boolean).map(Number));
  const counts = new Map();
  for (const m of fs.readFileSync(args.touches, 'utf8').matchAll(new RegExp(`${NOTE} (\\d+)`, 'g'))) {
    counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  }
  const lost = [...admitted].filter((n) => !counts.has(n));
  const twice = [...counts].filter(([, c]) => c > 1).map(([n]) => n);
  const unasked = [...counts.keys()].filter((n) => !admitted.has(n));
  console.log(`writes: ${admitted.size} admitted, ${counts.size} stored; lost ${lost.length}, stored twice ${twice.length}, stored though refused ${unasked.length}`);
  const ok = lost.length === 0 && twice.length === 0 && unasked.length === 0;
  console.log(ok ? 'WRITES OK' : 'WRITES MISSED');
  process.exitCode = ok ? 0 : 1;
}

const mode = { load, check }[process.argv[2]];
if (!mode) {
  console.error('usage: node burst.js load|check ...');
  process.exit(2);
}
mode();
