'use strict';
// The botbuilder-js peer: a plain CloudAdapter bot on Express (as Microsoft's samples write it) that answers
// "who is on call for <pipeline>" with an Adaptive Card through the Bot Connector, from the same in-memory model as
// the Bolt-js peer. No app id or password, so the adapter accepts requests without a token and sends its reply
// without one (botbuilder's emulator/Agents Playground mode), like our host in the same benchmark.
// Usage: node teams-bot.js PORT SEED_FILE SCHEDULE_FILE
const express = require('express');
const { ActivityHandler, CardFactory, CloudAdapter, ConfigurationBotFrameworkAuthentication, MessageFactory } = require('botbuilder');
const { load, facts } = require('./peer-oncall');

const [port, seedFile, scheduleFile] = process.argv.slice(2);
const model = load(seedFile, scheduleFile);
const question = /^\s*(?:who(?:'s| is) on ?call)(?:\s+(?:for|on))?\s*(.*?)[\s?]*$/i;

/** The answer as an Adaptive Card 1.5 with the fields of ours: heading, primary/secondary, escalation, facts. */
function card(text) {
  const f = facts(model, text);
  if (!f) return { card: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Nobody is scheduled right now.', wrap: true }] }, text: 'Nobody is scheduled right now.' };
  const { pipeline } = f;
  const heading = pipeline ? `${pipeline.name}: on call now` : 'On call now';
  const lines = [`Primary: ${f.primary} until ${f.until}`, `Secondary: ${f.secondary} until ${f.until}`];
  const body = [{ type: 'TextBlock', text: heading, wrap: true, style: 'heading', size: 'Large', weight: 'Bolder' }];
  const factList = [];
  if (pipeline) {
    lines.push(`Escalation: ${f.chain}`);
    factList.push(
      { title: 'Shift', value: `${f.from} → ${f.until}` },
      { title: 'Owners', value: f.owners },
      { title: 'Criticality', value: pipeline.criticality },
      { title: 'Audience', value: pipeline.audience },
      { title: 'SLA', value: `ready by ${pipeline.readyBy}, freshness ${pipeline.freshness}, resolve within ${pipeline.resolutionHours} hours` },
      { title: 'Stakeholders', value: f.stakeholders },
    );
  }
  for (const line of lines) body.push({ type: 'TextBlock', text: line, wrap: true });
  if (factList.length) body.push({ type: 'FactSet', facts: factList });
  if (pipeline && pipeline.audience === 'Investors') {
    body.push({ type: 'TextBlock', text: 'Investor-facing: its numbers are reported to investors.', wrap: true, isSubtle: true, size: 'Small', spacing: 'Small' });
  }
  const plain = [heading, ...lines, ...factList.map((x) => `${x.title}: ${x.value}`)].join('\n');
  return { card: { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body }, text: plain };
}

class OnCallBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const match = question.exec(context.activity.text || '');
      const answer = card(match ? match[1] : context.activity.text);
      const reply = MessageFactory.attachment(CardFactory.adaptiveCard(answer.card), answer.text);
      reply.summary = answer.text.split('\n')[0];
      await context.sendActivity(reply);
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  process.stderr.write(`turn failed: ${error.stack || error}\n`);
};
const bot = new OnCallBot();
const app = express();
app.use(express.json());
app.post('/api/messages', (req, res) => adapter.process(req, res, (context) => bot.run(context)));
app.listen(Number(port), '127.0.0.1', () => process.stdout.write('listening\n'));
