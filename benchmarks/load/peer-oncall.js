'use strict';
// What a team would write by hand in Node: the seed team and an exported schedule held in memory, one function that
// answers "who is on call for <pipeline>". Shared by the Bolt-js peer (Block Kit) and the botbuilder-js peer
// (Adaptive Card) of the load benchmark.
const fs = require('node:fs');

function load(seedFile, scheduleFile) {
  const seed = JSON.parse(fs.readFileSync(seedFile, 'utf8'));
  const schedule = JSON.parse(fs.readFileSync(scheduleFile, 'utf8'));
  const engineers = new Map(seed.engineers.map((e) => [e.id, e]));
  const stakeholders = new Map(seed.stakeholders.map((s) => [s.id, s]));
  const keys = new Map();
  for (const p of seed.pipelines) {
    for (const k of [p.id, p.name, ...(p.aliases || [])]) keys.set(normalize(k), p);
  }
  const shifts = schedule.map((s) => ({ ...s, startMs: Date.parse(s.start), endMs: Date.parse(s.end) }));
  return { seed, engineers, stakeholders, keys, shifts };
}

function normalize(text) {
  return text.toLowerCase().replace(/&/g, ' and ').replace(/[-_/\t]/g, ' ').replace(/[^a-z0-9 ]/g, '').split(' ').filter(Boolean).join(' ');
}

/** What both peers say, from the in-memory model: the shift holding now and the pipeline's facts; null when nobody is scheduled. */
function facts(model, text, now = Date.now()) {
  const pipeline = model.keys.get(normalize(text || ''));
  const shift = model.shifts.find((s) => s.startMs <= now && s.endMs > now);
  if (!shift) return null;
  const name = (id) => (model.engineers.get(id) || { name: id }).name;
  const primary = shift.primary ? name(shift.primary.id) : 'uncovered';
  const secondary = shift.secondary ? name(shift.secondary.id) : 'uncovered';
  const f = { pipeline, primary, secondary, from: new Date(shift.startMs).toUTCString(), until: new Date(shift.endMs).toUTCString() };
  if (pipeline) {
    f.owners = `${name(pipeline.primaryOwner)} (primary), ${name(pipeline.secondaryOwner)} (secondary)`;
    f.stakeholders = (pipeline.stakeholders || []).map((id) => (model.stakeholders.get(id) || { name: id }).name).join(', ');
    f.chain = model.seed.escalation.map((l) => {
      const who = l.target === 'PrimaryOnCall' ? primary : l.target === 'SecondaryOnCall' ? secondary
        : l.target === 'OwnerOrSenior' ? name(pipeline.primaryOwner) : (model.seed.engineers.find((e) => e.isManager) || {}).name;
      return `${l.level}. ${who} (${l.waitMinutes} min)`;
    }).join(' → ');
  }
  return f;
}

/** The answer as Block Kit: header, primary/secondary, shift, owners, SLA, stakeholders, escalation chain. */
function answer(model, text, now = Date.now()) {
  const f = facts(model, text, now);
  if (!f) return { response_type: 'ephemeral', text: 'Nobody is scheduled right now.' };
  const { pipeline, primary, secondary, until } = f;
  const blocks = [
    { type: 'header', text: { type: 'plain_text', text: pipeline ? `${pipeline.name}: on call now` : 'On call now' } },
    { type: 'section', text: { type: 'mrkdwn', text: `*Primary:* ${primary} until ${until}\n*Secondary:* ${secondary} until ${until}` } },
  ];
  if (pipeline) {
    blocks.push({
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*Owners*\n${f.owners}` },
        { type: 'mrkdwn', text: `*Criticality*\n${pipeline.criticality}` },
        { type: 'mrkdwn', text: `*Audience*\n${pipeline.audience}` },
        { type: 'mrkdwn', text: `*SLA*\nready by ${pipeline.readyBy}, freshness ${pipeline.freshness}, resolve within ${pipeline.resolutionHours} hours` },
        { type: 'mrkdwn', text: `*Stakeholders*\n${f.stakeholders}` },
      ],
    });
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: `*Escalation:* ${f.chain}` } });
    if (pipeline.audience === 'Investors') {
      blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Investor-facing: its numbers are reported to investors.' }] });
    }
  }
  return { response_type: 'ephemeral', text: `${pipeline ? pipeline.name + ': ' : ''}primary ${primary}, secondary ${secondary}`, blocks };
}

module.exports = { load, normalize, facts, answer };
