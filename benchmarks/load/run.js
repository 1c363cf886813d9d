'use strict';
// Load benchmark: the Release host against a Bolt-js app, on loopback, in interleaved rounds.
// Usage: node run.js [--rounds 3] [--duration 10] [--warmup 5] [--connections 20] [--workers 0] [--fixed-of lower|ours] [--gc shipped|server|datas|concurrent] [--skip-build] [--out results.md]
// Every server binds 127.0.0.1; every request goes to loopback; each phase stops after --duration seconds.
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { spawn, execFileSync } = require('node:child_process');
const autocannon = require('autocannon');
const slack = require('./slack');
const { cpuSeconds, rssMiB } = require('./proc');

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const rounds = Number(opt('rounds', 3));
const duration = Number(opt('duration', 10));
const connections = Number(opt('connections', 20));
const warmup = Number(opt('warmup', 5));
// Load generator threads: 0 sends from this process's one thread (autocannon's default); N > 0 splits the connections
// over N worker threads, the same for both servers. The table reports the generator's CPU, to show when it saturates.
const workers = Number(opt('workers', 0));
// The fixed-rate phase runs at half the lower peak (default, a rate both can hold) or, with --fixed-of ours, at half of
// our peak (the p99 goal); either way both servers get the same rate.
const fixedOf = opt('fixed-of', 'lower');
const root = path.resolve(__dirname, '../..');
const out = path.join(__dirname, '.out');
const hostDir = path.join(out, 'host');
const secret = 'load-benchmark-signing-secret';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

function build() {
  fs.mkdirSync(out, { recursive: true });
  if (!args.includes('--skip-build')) {
    execFileSync('dotnet', ['publish', path.join(root, 'src/TechFlow.OnCallBot'), '-c', 'Release', '-r', 'linux-x64', '--self-contained', 'false', '-o', hostDir, '--nologo', '-v', 'q'], { stdio: 'inherit' });
  }
  // The peers answer from the same seed file and the schedule our planner made from it.
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-export-'));
  const json = execFileSync('dotnet', [path.join(hostDir, 'TechFlow.OnCallBot.dll'), 'schedule', '--from', new Date(Date.now() - 8 * 86400e3).toISOString().slice(0, 10), '--weeks', '6', '--format', 'json', `--Store:Path=${path.join(store, 'oncall.db')}`], { cwd: hostDir });
  fs.rmSync(store, { recursive: true, force: true });
  fs.writeFileSync(path.join(out, 'schedule.json'), json);
}

const targets = {
  ours: (port, dir) => spawn('dotnet', [path.join(hostDir, 'TechFlow.OnCallBot.dll'), '--urls', `http://127.0.0.1:${port}`], {
    cwd: hostDir,
    env: { ...process.env, Store__Path: path.join(dir, 'oncall.db'), Slack__SigningSecret: secret, ...gcEnv() },
    stdio: 'ignore',
  }),
  bolt: (port) => spawn('node', [path.join(__dirname, 'bolt-app.js'), String(port), secret, path.join(root, 'src/TechFlow.OnCallBot/seed/techflow.json'), path.join(out, 'schedule.json')], { stdio: 'ignore' }),
};
const paths = { ours: '/slack/commands', bolt: '/slack/events' };

/** GC settings to try for ours, e.g. --gc datas (Server GC with DATAS) or --gc server; default: the shipped ones. */
function gcEnv() {
  switch (opt('gc', 'shipped')) {
    case 'server': return { DOTNET_gcServer: '1', DOTNET_GCDynamicAdaptationMode: '0' };
    case 'datas': return { DOTNET_gcServer: '1', DOTNET_GCDynamicAdaptationMode: '1' };
    case 'concurrent': return { DOTNET_gcConcurrent: '1' };
    default: return {};
  }
}

let nextPort = 39100 + Math.floor(Math.random() * 500);
const children = new Set();
process.on('exit', () => { for (const c of children) c.kill('SIGKILL'); });

/** Starts a target and waits for its first good answer; returns the process, port and cold start in ms. */
async function start(name) {
  const port = nextPort++;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `oncall-${name}-`));
  const t0 = process.hrtime.bigint();
  const child = targets[name](port, dir);
  children.add(child);
  child.on('exit', () => children.delete(child));
  const deadline = Date.now() + 60e3;
  while (Date.now() < deadline) {
    const r = await slack.send(port, paths[name], secret);
    if (r.status === 200 && r.text.includes('Aggregate Profit')) {
      return { name, child, port, dir, coldMs: Number(process.hrtime.bigint() - t0) / 1e6 };
    }
    await sleep(5);
  }
  child.kill('SIGKILL');
  throw new Error(`${name} gave no answer within 60 s`);
}

function stop(t) {
  t.child.kill('SIGTERM');
  setTimeout(() => t.child.kill('SIGKILL'), 5000).unref();
  fs.rmSync(t.dir, { recursive: true, force: true });
}

async function load(t, seconds, overallRate) {
  const cpu0 = cpuSeconds(t.child.pid);
  const driver0 = process.cpuUsage();
  const r = await autocannon({
    url: `http://127.0.0.1:${t.port}`,
    connections,
    duration: seconds,
    // autocannon applies the overall rate per worker thread.
    overallRate: overallRate && workers > 0 ? Math.max(1, Math.round(overallRate / workers)) : overallRate,
    ...(workers > 0 ? { workers } : {}),
    requests: slack.requests(paths[t.name], secret, workers),
  });
  const cpu = cpuSeconds(t.child.pid) - cpu0;
  const driver = process.cpuUsage(driver0);
  const ok = r['2xx'];
  return {
    rps: ok / seconds,
    p50: r.latency.p50,
    p99: r.latency.p99,
    cpuMsPerRequest: ok ? (cpu * 1000) / ok : NaN,
    // This process's CPU (all its threads) over the phase, in % of one core: near 100 with one thread means the
    // generator, not the server, set the pace.
    driverCpuPct: ((driver.user + driver.system) / 1e6 / seconds) * 100,
    errors: r.errors + r.timeouts + r.non2xx,
  };
}

async function main() {
  build();
  const loads = [os.loadavg()[0]];
  const rows = { ours: [], bolt: [] };
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 ? ['bolt', 'ours'] : ['ours', 'bolt'];
    const running = {};
    const r = {};
    for (const name of order) {
      running[name] = await start(name);
      await sleep(5000);
      r[name] = { coldMs: running[name].coldMs, idleMiB: rssMiB(running[name].child.pid) };
      // The first seconds under load (JIT tiering for ours), then more warm-up, not counted.
      r[name].firstSeconds = await load(running[name], warmup);
      await load(running[name], warmup);
      Object.assign(r[name], { peak: await load(running[name], duration) });
    }
    const rate = Math.max(50, Math.floor(0.5 * (fixedOf === 'ours' ? r.ours.peak.rps : Math.min(r.ours.peak.rps, r.bolt.peak.rps))));
    for (const name of order) {
      r[name].fixed = { rate, ...(await load(running[name], duration, rate)) };
      stop(running[name]);
    }
    rows.ours.push(r.ours);
    rows.bolt.push(r.bolt);
    loads.push(os.loadavg()[0]);
    process.stderr.write(`round ${round + 1}/${rounds}: ${JSON.stringify(r)}\n`);
  }
  report(rows, loads);
}

function report(rows, loads) {
  const m = (name, f) => median(rows[name].map(f));
  const line = (label, f, digits, better) => {
    const a = m('ours', f);
    const b = m('bolt', f);
    return `| ${label} | ${a.toFixed(digits)} | ${b.toFixed(digits)} | ${(a / b).toFixed(2)} (${better}) |`;
  };
  const text = [
    `Slack, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${rounds} interleaved rounds, ${os.cpus().length} cores, load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}, GC ${opt('gc', 'shipped')}`,
    '',
    '| Slack `/oncall aggregate profit` (medians) | ours | Bolt-js 5.1.0 | ratio ours/Bolt |',
    '| --- | --- | --- | --- |',
    line(`throughput, ${connections} connections (answers/s)`, (x) => x.peak.rps, 0, 'higher is better'),
    line(`throughput in the first ${warmup} s of load (answers/s)`, (x) => x.firstSeconds.rps, 0, 'higher is better'),
    line('server CPU per answer at peak (ms)', (x) => x.peak.cpuMsPerRequest, 3, 'lower is better'),
    line(`load generator CPU at peak (% of one core, ${workers || 'no'} worker threads)`, (x) => x.peak.driverCpuPct, 0, 'context, not a score'),
    line(`p50 at a fixed rate, half ${fixedOf === 'ours' ? 'our' : 'the lower'} peak (ms)`, (x) => x.fixed.p50, 2, 'lower is better'),
    line(`p99 at that rate (ms)`, (x) => x.fixed.p99, 2, 'lower is better'),
    line('cold start to the first signed answer (ms)', (x) => x.coldMs, 0, 'lower is better'),
    line('idle RSS 5 s after the first answer (MiB)', (x) => x.idleMiB, 1, 'lower is better'),
    '',
    `Fixed rates per round: ${rows.ours.map((x) => x.fixed.rate).join(', ')}/s. Errors (non-2xx, timeouts): ours ${rows.ours.map((x) => x.peak.errors + x.fixed.errors).join(', ')}; Bolt ${rows.bolt.map((x) => x.peak.errors + x.fixed.errors).join(', ')}.`,
  ].join('\n');
  process.stdout.write(text + '\n');
  const file = opt('out', null);
  if (file) fs.writeFileSync(file, text + '\n');
}

main().catch((e) => { process.stderr.write(`${e.stack}\n`); process.exit(1); });
