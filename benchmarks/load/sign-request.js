'use strict';
// autocannon's setupRequest as a module (worker threads can only load functions from a file): signs each request at
// the moment it is sent with the secret in ONCALL_LOAD_SECRET, exactly as slack.js does in the main thread.
const { headers, body } = require('./slack');

module.exports = (req) => ({ ...req, headers: headers(process.env.ONCALL_LOAD_SECRET), body });
