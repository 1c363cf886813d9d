'use strict';
// Teams personal-chat messages as the Bot Connector delivers them: a Bot Framework `message` activity, JSON, one
// fresh activity id per request, and a loopback serviceUrl (the fake connector) where the reply must go.
// No Authorization header: both bots run in their no-credential mode (see docs/performance.md).
const http = require('node:http');

const text = 'who is on call for aggregate profit';
const tenant = '00000000-0000-0000-0000-0000000000b1';
const conversationId = 'a:1bench-personal-chat';
let next = 0;

function activity(serviceUrl) {
  next++;
  return JSON.stringify({
    type: 'message',
    id: `1765000000${String(next).padStart(6, '0')}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: '29:1bench-user', name: 'Benchmark User', aadObjectId: '00000000-0000-0000-0000-0000000000a1' },
    recipient: { id: '28:00000000-0000-0000-0000-0000000000b0', name: 'OnCall' },
    conversation: { conversationType: 'personal', tenantId: tenant, id: conversationId },
    text,
    textFormat: 'plain',
    locale: 'en-US',
    entities: [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'America/New_York' }],
    channelData: { tenant: { id: tenant } },
  });
}

const headers = { 'content-type': 'application/json; charset=utf-8' };

/** One activity; resolves to { status, text }. */
function send(port, path, serviceUrl) {
  const body = activity(serviceUrl);
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
      let t = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { t += c; });
      res.on('end', () => resolve({ status: res.statusCode, text: t }));
    });
    req.on('error', () => resolve({ status: 0, text: '' }));
    req.end(body);
  });
}

/** The autocannon request list: a new activity (new id) for every request. */
function requests(path, serviceUrl) {
  return [{ method: 'POST', path, headers, setupRequest: (req) => ({ ...req, body: activity(serviceUrl) }) }];
}

module.exports = { send, requests, text };
