'use strict';
// The Bolt-js peer: `/oncall <pipeline>` answered inline with Block Kit, signature checked by Bolt.
// Usage: node bolt-app.js PORT SIGNING_SECRET SEED_FILE SCHEDULE_FILE
const { App, LogLevel } = require('@slack/bolt');
const { load, answer } = require('./peer-oncall');

const [port, signingSecret, seedFile, scheduleFile] = process.argv.slice(2);
const model = load(seedFile, scheduleFile);
const app = new App({
  signingSecret,
  // A fixed authorization, so Bolt never calls auth.test; its Web API client points at loopback besides.
  authorize: async () => ({ botToken: 'xoxb-benchmark-not-used', botId: 'B0BENCH', botUserId: 'U0BENCHBOT' }),
  clientOptions: { slackApiUrl: 'http://127.0.0.1:9/api/' },
  processBeforeResponse: true,
  logLevel: process.env.BOLT_DEBUG ? LogLevel.DEBUG : LogLevel.ERROR,
});

app.command('/oncall', async ({ command, ack }) => {
  await ack(answer(model, command.text));
});

app.start({ port: Number(port), host: '127.0.0.1' }).then(() => process.stdout.write('listening\n'));
