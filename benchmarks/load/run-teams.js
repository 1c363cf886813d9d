'use strict';
// Teams load benchmark: the Release host against a botbuilder-js bot, on loopback, in interleaved rounds, with a
// loopback fake Bot Connector that receives (and checks) every reply.
// Usage: node run-teams.js [--rounds 3] [--duration 10] [--warmup 5] [--connections 20] [--gc shipped|server|datas|concurrent] [--cpus 1] [--skip-build] [--out results.md]
// Every server binds 127.0.0.1; every request and every reply stays on loopback; each phase stops after --duration seconds.
const path = require('node:path');
const { spawn, fork } = require('node:child_process');
const autocannon = require('autocannon');
const teams = require('./teams');
const { facts, load: loadModel } = require('./peer-oncall');
const { cpuSeconds } = require('./proc');
const { opt, settings, hostDir, hostCommand, hostStdio, seedFile, scheduleFile, build, gcEnv, port, track, start, interleave, table } = require('./driver');

const route = '/api/messages';

/** The loopback Bot Connector (its own process), driven over IPC: reset its counters, read them. */
async function startConnector(email) {
  const p = port();
  const child = track(fork(path.join(__dirname, 'fake-connector.js'), [String(p), email], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] }));
  await new Promise((resolve) => child.once('message', resolve));
  const ask = (message) => new Promise((resolve) => { child.once('message', resolve); child.send(message); });
  return { child, serviceUrl: `http://127.0.0.1:${p}`, ask };
}

// Both bots without credentials: ours serves unauthenticated loopback requests only in Development and then talks
// only to loopback service URLs; botbuilder-js with an empty app id accepts any request and signs nothing.
// --cpus 1 pins both bots to the same CPU list (taskset), so a multi-threaded host gets no more cores than Node.
const pinned = (command, argv, options) => (opt('cpus', null) ? spawn('taskset', ['-c', opt('cpus'), command, ...argv], options) : spawn(command, argv, options));
const targets = {
  ours: (p, dir) => pinned(...hostCommand(['--urls', `http://127.0.0.1:${p}`]), {
    cwd: hostDir,
    env: { ...process.env, Store__Path: path.join(dir, 'oncall.db'), ASPNETCORE_ENVIRONMENT: 'Development', ...gcEnv() },
    stdio: hostStdio(dir),
  }),
  botbuilder: (p) => pinned('node', [path.join(__dirname, 'teams-bot.js'), String(p), seedFile, scheduleFile], { stdio: 'ignore' }),
};

/** Who the reply must name: the primary on call now for Aggregate Profit, from the exported schedule. */
function expectation() {
  const f = facts(loadModel(seedFile, scheduleFile), 'aggregate profit');
  return { name: f.primary, pipeline: f.pipeline.name };
}

/** Starts a target and waits for its first checked reply at the connector. */
async function startServer(connector, name) {
  await connector.ask({ cmd: 'reset', expect: expectation() });
  return start(name, targets[name], async (p) => {
    const r = await teams.send(p, route, connector.serviceUrl);
    return r.status === 200 && (await connector.ask({ cmd: 'count' })).good > 0;
  });
}

/**
 * One phase. Throughput counts the replies the connector received and found good, not the 200s on the inbound POST.
 * Latency is the inbound POST's round trip; both bots answer it only after the connector accepted the reply.
 */
async function load(connector, t, seconds, overallRate) {
  await connector.ask({ cmd: 'reset', expect: expectation() });
  const cpu0 = cpuSeconds(t.child.pid);
  const r = await autocannon({
    url: `http://127.0.0.1:${t.port}`,
    connections: settings.connections,
    duration: seconds,
    overallRate,
    requests: teams.requests(route, connector.serviceUrl),
  });
  const cpu = cpuSeconds(t.child.pid) - cpu0;
  const c = await connector.ask({ cmd: 'count' });
  return {
    rps: c.good / seconds,
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpuMsPerRequest: c.good ? (cpu * 1000) / c.good : NaN,
    errors: r.errors + r.timeouts + r.non2xx,
    missing: Math.max(0, r['2xx'] - c.good),
    badReplies: c.bad,
    lastBad: c.lastBad,
  };
}

async function main() {
  build();
  const connector = await startConnector('alex.chen@techflow.example');
  const result = await interleave('botbuilder', {
    startServer: (name) => startServer(connector, name),
    load: (t, seconds, rate) => load(connector, t, seconds, rate),
    fixedRate: (ours, peer) => Math.min(ours, peer),
  });
  connector.child.kill();
  const { rows } = result;
  const problems = (name) => rows[name].map((x) => [x.peak, x.fixed].map((p) => p.errors + p.missing + p.badReplies).reduce((a, b) => a + b)).join(', ');
  table(result, 'botbuilder', {
    title: `Teams${opt('cpus', null) ? ` (both bots pinned to CPU ${opt('cpus')})` : ''}`,
    header: '| Teams personal-chat message (medians) | ours | botbuilder-js 4.23.3 | ratio ours/botbuilder |',
    measures: [
      [`throughput, ${settings.connections} connections (replies/s)`, (x) => x.peak.rps, 0, 'higher is better'],
      [`throughput in the first ${settings.warmup} s of load (replies/s)`, (x) => x.firstSeconds.rps, 0, 'higher is better'],
      ['server CPU per reply at peak (ms)', (x) => x.peak.cpuMsPerRequest, 3, 'lower is better'],
      ['p50 at a fixed rate, half the lower peak (ms)', (x) => x.fixed.p50, 2, 'lower is better'],
      ['p99 at that rate (ms)', (x) => x.fixed.p99, 2, 'lower is better'],
      ['cold start to the first reply at the connector (ms)', (x) => x.coldMs, 0, 'lower is better'],
      ['idle RSS 5 s after the first reply (MiB)', (x) => x.idleMiB, 1, 'lower is better'],
    ],
    footer: `Fixed rates per round: ${rows.ours.map((x) => x.fixed.rate).join(', ')}/s. Problems at peak and fixed rate (non-2xx, timeouts, 200s without a good reply, wrong replies): ours ${problems('ours')}; botbuilder ${problems('botbuilder')}.`,
  });
}

main().catch((e) => { process.stderr.write(`${e.stack}\n`); process.exit(1); });
