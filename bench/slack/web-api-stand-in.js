// The Slack Web API as the benchmarks need it, on loopback only: users.info (every user is alice@demo.example, a rep
// of the demo data), chat.postMessage, conversations.open, and response_url posts at /response/<n>.
//
//   node web-api-stand-in.js <port>     serves until SIGTERM, then prints what it was sent as one STAND-IN line;
//                                       GET /counts[?from=A&to=B] answers the same figures as JSON meanwhile
//                                       (distinct_response_urls: those with A <= n < B)
//   require('./web-api-stand-in').standIn(port, responseUrlPosts[, calls[, { holdPosts, onPost }]])
//       responseUrlPosts: a Set that collects the <n> of response_url posts; onPost(channel, text) sees every
//       chat.postMessage; with holdPosts() true a chat.postMessage is read and then never answered (a process killed
//       while its answer is on the way, as bench/slack/kill-dm.sh needs)
'use strict';
const http = require('node:http');

function standIn(port, responseUrlPosts, calls = {}, { holdPosts = () => false, onPost = () => {} } = {}) {
  const count = (name) => { calls[name] = (calls[name] ?? 0) + 1; };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const reply = (o) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(JSON.stringify(o)); };
      if (req.method === 'GET' && req.url.startsWith('/counts')) {
        const range = new URLSearchParams(req.url.split('?')[1] ?? '');
        const [from, to] = [Number(range.get('from') ?? 0), Number(range.get('to') ?? Infinity)];
        const inRange = [...responseUrlPosts].filter((n) => n >= from && n < to).length;
        return reply({ distinct_response_urls: inRange, ...calls });
      }
      const m = req.url.match(/^\/response\/(\d+)/);
      if (m) {
        count('response_url');
        responseUrlPosts.add(Number(m[1]));
        return reply({ ok: true });
      }
      const method = req.url.split('/').pop().split('?')[0];
      count(method);
      if (method === 'users.info') {
        const user = new URLSearchParams(body).get('user') ?? (body.startsWith('{') ? JSON.parse(body).user : '');
        return reply({ ok: true, user: { id: user, profile: { email: 'alice@demo.example' } } });
      }
      if (method === 'chat.postMessage') {
        const form = new URLSearchParams(body);
        onPost(form.get('channel'), form.get('text'));
        if (holdPosts()) return undefined;
        return reply({ ok: true, ts: '1700000001.000100' });
      }
      if (method === 'conversations.open') return reply({ ok: true, channel: { id: 'D0BURST' } });
      return reply({ ok: true });
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

module.exports = { standIn };

if (require.main === module) {
  const responseUrlPosts = new Set();
  const calls = {};
  standIn(Number(process.argv[2]), responseUrlPosts, calls).then((server) => {
    const stop = () => {
      const sent = Object.entries(calls).map(([k, v]) => `${k}=${v}`).join(' ');
      console.log(`STAND-IN distinct_response_urls=${responseUrlPosts.size} ${sent}`);
      server.close();
      process.exit(0);
    };
    process.on('SIGTERM', stop);
    process.on('SIGINT', stop);
  });
}
