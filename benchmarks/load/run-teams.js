'use strict';
// Teams load benchmark: the Release host against a botbuilder-js bot, on loopback, in interleaved rounds, with a
// loopback fake Bot Connector that receives (and checks) every reply.
// Usage: node run-teams.js [--rounds 3] [--duration 10] [--warmup 5] [--connections 20] [--gc shipped|server|datas|concurrent] [--cpus 1] [--skip-build] [--out results.md]
// Every server binds 127.0.0.1; every request and every reply stays on loopback; each phase stops after --duration seconds.
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { spawn, fork, execFileSync } = require('node:child_process');
const autocannon = require('autocannon');
const teams = require('./teams');
const { facts, load: loadModel } = require('./peer-oncall');
const { cpuSeconds, rssMiB } = require('./proc');

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const rounds = Number(opt('rounds', 3));
const duration = Number(opt('duration', 10));
const connections = Number(opt('connections', 20));
const warmup = Number(opt('warmup', 5));
const root = path.resolve(__dirname, '../..');
const out = path.join(__dirname, '.out');
const hostDir = path.join(out, 'host');
const seedFile = path.join(root, 'src/TechFlow.OnCallBot/seed/techflow.json');
const scheduleFile = path.join(out, 'schedule.json');
const route = '/api/messages';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function build() {
  fs.mkdirSync(out, { recursive: true });
  if (!args.includes('--skip-build')) {
    execFileSync('dotnet', ['publish', path.join(root, 'src/TechFlow.OnCallBot'), '-c', 'Release', '-r', 'linux-x64', '--self-contained', 'false', '-o', hostDir, '--nologo', '-v', 'q'], { stdio: 'inherit' });
  }
  // The peer answers from the same seed file and the schedule our planner made from it.
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-export-'));
  const json = execFileSync('dotnet', [path.join(hostDir, 'TechFlow.OnCallBot.dll'), 'schedule', '--from', new Date(Date.now() - 8 * 86400e3).toISOString().slice(0, 10), '--weeks', '6', '--format', 'json', `--Store:Path=${path.join(store, 'oncall.db')}`], { cwd: hostDir });
  fs.rmSync(store, { recursive: true, force: true });
  fs.writeFileSync(scheduleFile, json);
}

/** The loopback Bot Connector (its own process), driven over IPC: reset its counters, read them. */
async function startConnector(port, email) {
  const child = fork(path.join(__dirname, 'fake-connector.js'), [String(port), email], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise((resolve) => child.once('message', resolve));
  const ask = (message) => new Promise((resolve) => { child.once('message', resolve); child.send(message); });
  return { child, serviceUrl: `http://127.0.0.1:${port}`, ask };
}

// Both bots without credentials: ours serves unauthenticated loopback requests only in Development and then talks
// only to loopback service URLs; botbuilder-js with an empty app id accepts any request and signs nothing.
// --cpus 1 pins both bots to the same CPU list (taskset), so a multi-threaded host gets no more cores than Node.
const pinned = (command, argv, options) => (opt('cpus', null) ? spawn('taskset', ['-c', opt('cpus'), command, ...argv], options) : spawn(command, argv, options));
const targets = {
  ours: (port, dir) => pinned('dotnet', [path.join(hostDir, 'TechFlow.OnCallBot.dll'), '--urls', `http://127.0.0.1:${port}`], {
    cwd: hostDir,
    env: { ...process.env, Store__Path: path.join(dir, 'oncall.db'), ASPNETCORE_ENVIRONMENT: 'Development', ...gcEnv() },
    stdio: 'ignore',
  }),
  botbuilder: (port) => pinned('node', [path.join(__dirname, 'teams-bot.js'), String(port), seedFile, scheduleFile], { stdio: 'ignore' }),
};

/** GC settings to try for ours (as in run.js); default: the shipped ones. */
function gcEnv() {
  switch (opt('gc', 'shipped')) {
    case 'server': return { DOTNET_gcServer: '1', DOTNET_GCDynamicAdaptationMode: '0' };
    case 'datas': return { DOTNET_gcServer: '1', DOTNET_GCDynamicAdaptationMode: '1' };
    case 'concurrent': return { DOTNET_gcConcurrent: '1' };
    default: return {};
  }
}

let nextPort = 39700 + Math.floor(Math.random() * 500);
const children = new Set();
process.on('exit', () => { for (const c of children) c.kill('SIGKILL'); });

/** Who the reply must name: the primary on call now for Aggregate Profit, from the exported schedule. */
function expectation() {
  const f = facts(loadModel(seedFile, scheduleFile), 'aggregate profit');
  return { name: f.primary, pipeline: f.pipeline.name };
}

/** Starts a target and waits for its first checked reply at the connector; returns the process, port and cold start in ms. */
async function start(name, connector) {
  const port = nextPort++;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `oncall-${name}-`));
  await connector.ask({ cmd: 'reset', expect: expectation() });
  const t0 = process.hrtime.bigint();
  const child = targets[name](port, dir);
  children.add(child);
  child.on('exit', () => children.delete(child));
  const deadline = Date.now() + 60e3;
  while (Date.now() < deadline) {
    const r = await teams.send(port, route, connector.serviceUrl);
    if (r.status === 200 && (await connector.ask({ cmd: 'count' })).good > 0) {
      return { name, child, port, dir, coldMs: Number(process.hrtime.bigint() - t0) / 1e6 };
    }
    await sleep(5);
  }
  child.kill('SIGKILL');
  throw new Error(`${name} sent no good reply within 60 s: ${JSON.stringify(await connector.ask({ cmd: 'count' }))}`);
}

function stop(t) {
  t.child.kill('SIGTERM');
  setTimeout(() => t.child.kill('SIGKILL'), 5000).unref();
  fs.rmSync(t.dir, { recursive: true, force: true });
}

/**
 * One phase. Throughput counts the replies the connector received and found good, not the 200s on the inbound POST.
 * Latency is the inbound POST's round trip; both bots answer it only after the connector accepted the reply.
 */
async function load(t, connector, seconds, overallRate) {
  await connector.ask({ cmd: 'reset', expect: expectation() });
  const cpu0 = cpuSeconds(t.child.pid);
  const r = await autocannon({
    url: `http://127.0.0.1:${t.port}`,
    connections,
    duration: seconds,
    overallRate,
    requests: teams.requests(route, connector.serviceUrl),
  });
  const cpu = cpuSeconds(t.child.pid) - cpu0;
  const c = await connector.ask({ cmd: 'count' });
  const missing = Math.max(0, r['2xx'] - c.good);
  return {
    rps: c.good / seconds,
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpuMsPerRequest: c.good ? (cpu * 1000) / c.good : NaN,
    errors: r.errors + r.timeouts + r.non2xx,
    missing,
    badReplies: c.bad,
    lastBad: c.lastBad,
  };
}

async function main() {
  build();
  const connector = await startConnector(nextPort++, 'alex.chen@techflow.example');
  children.add(connector.child);
  const loads = [os.loadavg()[0]];
  const rows = { ours: [], botbuilder: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? ['botbuilder', 'ours'] : ['ours', 'botbuilder'];
    const running = {};
    const r = {};
    for (const name of order) {
      running[name] = await start(name, connector);
      await sleep(5000);
      r[name] = { coldMs: running[name].coldMs, idleMiB: rssMiB(running[name].child.pid) };
      // The first seconds under load (JIT tiering for ours), then more warm-up, not counted.
      r[name].firstSeconds = await load(running[name], connector, warmup);
      await load(running[name], connector, warmup);
      Object.assign(r[name], { peak: await load(running[name], connector, duration) });
      loads.push(os.loadavg()[0]);
    }
    const rate = Math.max(50, Math.floor(0.5 * Math.min(r.ours.peak.rps, r.botbuilder.peak.rps)));
    for (const name of order) {
      r[name].fixed = { rate, ...(await load(running[name], connector, duration, rate)) };
      stop(running[name]);
    }
    rows.ours.push(r.ours);
    rows.botbuilder.push(r.botbuilder);
    loads.push(os.loadavg()[0]);
    process.stderr.write(`round ${round + 1}/${rounds}: ${JSON.stringify(r)}\n`);
  }
  connector.child.kill();
  report(rows, loads);
}

function report(rows, loads) {
  const m = (name, f) => median(rows[name].map(f));
  const line = (label, f, digits, better) => {
    const a = m('ours', f);
    const b = m('botbuilder', f);
    return `| ${label} | ${a.toFixed(digits)} | ${b.toFixed(digits)} | ${(a / b).toFixed(2)} (${better}) |`;
  };
  const problems = (name) => rows[name].map((x) => [x.peak, x.fixed].map((p) => p.errors + p.missing + p.badReplies).reduce((a, b) => a + b)).join(', ');
  const text = [
    `Teams, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${rounds} interleaved rounds, ${os.cpus().length} cores, load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}, GC ${opt('gc', 'shipped')}${opt('cpus', null) ? `, both bots pinned to CPU ${opt('cpus')}` : ''}`,
    '',
    '| Teams personal-chat message (medians) | ours | botbuilder-js 4.23.3 | ratio ours/botbuilder |',
    '| --- | --- | --- | --- |',
    line(`throughput, ${connections} connections (replies/s)`, (x) => x.peak.rps, 0, 'higher is better'),
    line(`throughput in the first ${warmup} s of load (replies/s)`, (x) => x.firstSeconds.rps, 0, 'higher is better'),
    line('server CPU per reply at peak (ms)', (x) => x.peak.cpuMsPerRequest, 3, 'lower is better'),
    line('p50 at a fixed rate, half the lower peak (ms)', (x) => x.fixed.p50, 2, 'lower is better'),
    line('p99 at that rate (ms)', (x) => x.fixed.p99, 2, 'lower is better'),
    line('cold start to the first reply at the connector (ms)', (x) => x.coldMs, 0, 'lower is better'),
    line('idle RSS 5 s after the first reply (MiB)', (x) => x.idleMiB, 1, 'lower is better'),
    '',
    `Fixed rates per round: ${rows.ours.map((x) => x.fixed.rate).join(', ')}/s. Problems at peak and fixed rate (non-2xx, timeouts, 200s without a good reply, wrong replies): ours ${problems('ours')}; botbuilder ${problems('botbuilder')}.`,
  ].join('\n');
  process.stdout.write(text + '\n');
  const file = opt('out', null);
  if (file) fs.writeFileSync(file, text + '\n');
}

main().catch((e) => { process.stderr.write(`${e.stack}\n`); process.exit(1); });
