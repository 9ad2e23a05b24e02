// Verifies signature test vectors with Bolt's own verifier (isValidSlackRequest from @slack/bolt).
// Input: a JSON file of [{ secret, timestamp, body, signature, nowMs }]. Output: a JSON array of booleans.
'use strict';
const fs = require('node:fs');
const { isValidSlackRequest } = require('@slack/bolt');

const vectors = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const verdicts = vectors.map((v) => isValidSlackRequest({
  signingSecret: v.secret,
  body: v.body,
  headers: { 'x-slack-signature': v.signature, 'x-slack-request-timestamp': Number(v.timestamp) },
  nowMilliseconds: v.nowMs,
}));
process.stdout.write(JSON.stringify(verdicts));
