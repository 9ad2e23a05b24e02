// Baseline for the Slack slash command benchmark: a minimal Bolt for JavaScript app that verifies the signature
// (Bolt's HTTPReceiver) and acknowledges /customer with a small Block Kit card from an in-memory map.
// Run: NODE_PATH=../../tools/slack-check/node_modules SLACK_SIGNING_SECRET=… PORT=3100 node bolt-app.js
'use strict';
const { App, LogLevel } = require('@slack/bolt');

const customers = new Map();
for (let i = 0; i < 100000; i++) {
  const name = `Customer ${String(i).padStart(6, '0')}`;
  customers.set(name.toLowerCase(), { name, tier: ['A', 'B', 'C'][i % 3], owner: `Rep ${i % 50}`, lastTouch: '2026-11-12' });
}

const app = new App({
  signingSecret: process.env.SLACK_SIGNING_SECRET,
  token: 'xoxb-benchmark',
  botId: 'B0BENCH',
  botUserId: 'U0BENCH',
  tokenVerificationEnabled: false,
  logLevel: LogLevel.ERROR,
});

app.command('/customer', async ({ command, ack }) => {
  const c = customers.get(command.text.trim().toLowerCase());
  if (!c) {
    await ack({ response_type: 'ephemeral', text: `No customer matches '${command.text}'` });
    return;
  }
  await ack({
    response_type: 'ephemeral',
    text: `${c.name}: ${c.tier} customer`,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: c.name } },
      { type: 'section', fields: [
        { type: 'mrkdwn', text: `*Tier*\n${c.tier}` },
        { type: 'mrkdwn', text: `*Owner*\n${c.owner}` },
        { type: 'mrkdwn', text: `*Last touch*\n${c.lastTouch}` },
      ] },
      { type: 'actions', elements: [
        { type: 'button', action_id: 'log', text: { type: 'plain_text', text: 'Log visit' }, value: `log|c=${c.name}` },
      ] },
    ],
  });
});

(async () => {
  await app.start(Number(process.env.PORT || 3100));
  process.stdout.write(`bolt baseline listening on ${process.env.PORT || 3100}\n`);
})();
