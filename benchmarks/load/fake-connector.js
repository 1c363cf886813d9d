'use strict';
// A loopback Bot Connector for the Teams load benchmark: accepts the bots' replies
// (POST /v3/conversations/{id}/activities/{replyToId}), answers a member lookup (GET .../members/{userId}) with the
// benchmark user's e-mail, and counts every reply, checking that it answers the activity named in its path with an
// Adaptive Card naming the expected person. Run by run-teams.js with fork(); talks to it over IPC.
// Usage (forked): node fake-connector.js PORT MEMBER_EMAIL
const http = require('node:http');

const [port, email] = process.argv.slice(2);
const card = 'application/vnd.microsoft.card.adaptive';
let expect = { name: '', pipeline: '' };
let counts = fresh();
let sample = null;

function fresh() {
  return { replies: 0, good: 0, bad: 0, members: 0, other: 0, connections: 0, lastBad: null };
}

/** A reply is good when it is a message answering the activity in its path, with an Adaptive Card naming the person. */
function check(raw, replyToId) {
  let a;
  try {
    a = JSON.parse(raw);
  } catch {
    return 'not JSON';
  }
  if (a.type !== 'message') return `type ${a.type}`;
  if (a.replyToId !== replyToId) return `replyToId ${a.replyToId} on the path of ${replyToId}`;
  const attachment = (a.attachments || [])[0];
  if (!attachment || attachment.contentType !== card || !attachment.content || attachment.content.type !== 'AdaptiveCard') return 'no Adaptive Card';
  const text = JSON.stringify(attachment.content);
  if (!text.includes(expect.name) || !text.includes(expect.pipeline)) return `the card does not name ${expect.name} for ${expect.pipeline}`;
  return null;
}

const server = http.createServer((req, res) => {
  let raw = '';
  req.setEncoding('utf8');
  req.on('data', (c) => { raw += c; });
  req.on('end', () => {
    const path = req.url.split('?')[0].split('/').map(decodeURIComponent);
    // ['', 'v3', 'conversations', id, 'activities', replyToId] or ['', 'v3', 'conversations', id, 'members', userId]
    if (req.method === 'POST' && path.length === 6 && path[1] === 'v3' && path[2] === 'conversations' && path[4] === 'activities') {
      counts.replies++;
      const problem = check(raw, path[5]);
      if (problem) {
        counts.bad++;
        counts.lastBad = problem;
      } else {
        counts.good++;
        if (!sample) sample = raw;
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ id: `reply-${counts.replies}` }));
      return;
    }
    if (req.method === 'GET' && path.length === 6 && path[4] === 'members') {
      counts.members++;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ id: path[5], name: 'Benchmark User', email, userPrincipalName: email }));
      return;
    }
    counts.other++;
    res.writeHead(404);
    res.end();
  });
});
server.keepAliveTimeout = 60e3;
server.on('connection', () => { counts.connections++; });

process.on('message', (m) => {
  if (m.cmd === 'reset') {
    expect = m.expect;
    counts = fresh();
  }
  process.send({ ...counts, sample: m.cmd === 'sample' ? sample : undefined });
});

server.listen(Number(port), '127.0.0.1', () => process.send({ listening: true }));
