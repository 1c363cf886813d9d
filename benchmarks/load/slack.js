'use strict';
// Slack slash commands as Slack sends them: a form body signed with v0 HMAC-SHA256 over "v0:<timestamp>:<body>".
const crypto = require('node:crypto');
const http = require('node:http');

const body = new URLSearchParams({
  token: 'deprecated-verification-token',
  team_id: 'T0BENCH',
  team_domain: 'techflow',
  channel_id: 'C0BENCH',
  channel_name: 'oncall',
  user_id: 'U0BENCH',
  user_name: 'bench',
  command: '/oncall',
  text: 'aggregate profit',
  api_app_id: 'A0BENCH',
  // Loopback on the discard port: nothing would ever leave the machine, even if an answer went out late.
  response_url: 'http://127.0.0.1:9/commands/T0BENCH/1/bench',
  trigger_id: '1.2.bench',
}).toString();

function headers(secret) {
  const timestamp = Math.floor(Date.now() / 1000).toString();
  const signature = 'v0=' + crypto.createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return {
    'content-type': 'application/x-www-form-urlencoded',
    'x-slack-request-timestamp': timestamp,
    'x-slack-signature': signature,
  };
}

/** One signed request; resolves to { status, text }. */
function send(port, path, secret) {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers(secret), 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode, text }));
    });
    req.on('error', () => resolve({ status: 0, text: '' }));
    req.end(body);
  });
}

/**
 * The autocannon request list: every request signed at the moment it is sent. With worker threads the signing
 * function has to come from a file (sign-request.js), which reads the secret from ONCALL_LOAD_SECRET.
 */
function requests(path, secret, workers) {
  if (workers > 0) {
    process.env.ONCALL_LOAD_SECRET = secret;
    return [{ method: 'POST', path, body, setupRequest: require.resolve('./sign-request') }];
  }
  return [{ method: 'POST', path, body, setupRequest: (req) => ({ ...req, headers: headers(secret), body }) }];
}

module.exports = { send, requests, headers, body };
