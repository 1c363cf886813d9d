'use strict';
// Load benchmark: the Release host against a Bolt-js app, on loopback, in interleaved rounds.
// Usage: node run.js [--rounds 3] [--duration 10] [--warmup 5] [--connections 20] [--workers 0] [--fixed-of lower|ours] [--gc shipped|server|datas|concurrent] [--skip-build] [--out results.md]
// Every server binds 127.0.0.1; every request goes to loopback; each phase stops after --duration seconds.
const path = require('node:path');
const { spawn } = require('node:child_process');
const autocannon = require('autocannon');
const slack = require('./slack');
const { cpuSeconds } = require('./proc');
const { opt, settings, hostDir, hostCommand, hostStdio, seedFile, scheduleFile, build, gcEnv, start, interleave, table } = require('./driver');

// Load generator threads: 0 sends from this process's one thread (autocannon's default); N > 0 splits the connections
// over N worker threads, the same for both servers. The table reports the generator's CPU, to show when it saturates.
const workers = Number(opt('workers', 0));
// The fixed-rate phase runs at half the lower peak (default, a rate both can hold) or, with --fixed-of ours, at half of
// our peak (the p99 goal); either way both servers get the same rate.
const fixedOf = opt('fixed-of', 'lower');
const secret = 'load-benchmark-signing-secret';

const targets = {
  ours: (port, dir) => spawn(...hostCommand(['--urls', `http://127.0.0.1:${port}`]), {
    cwd: hostDir,
    env: { ...process.env, Store__Path: path.join(dir, 'oncall.db'), Slack__SigningSecret: secret, ...gcEnv() },
    stdio: hostStdio(dir),
  }),
  bolt: (port) => spawn('node', [path.join(__dirname, 'bolt-app.js'), String(port), secret, seedFile, scheduleFile], { stdio: 'ignore' }),
};
const paths = { ours: '/slack/commands', bolt: '/slack/events' };

/** Starts a target and waits for its first signed answer that names Aggregate Profit. */
const startServer = (name) => start(name, targets[name], async (port) => {
  const r = await slack.send(port, paths[name], secret);
  return r.status === 200 && r.text.includes('Aggregate Profit');
});

async function load(t, seconds, overallRate) {
  const cpu0 = cpuSeconds(t.child.pid);
  const driver0 = process.cpuUsage();
  const r = await autocannon({
    url: `http://127.0.0.1:${t.port}`,
    connections: settings.connections,
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
  const result = await interleave('bolt', {
    startServer,
    load,
    fixedRate: (ours, bolt) => (fixedOf === 'ours' ? ours : Math.min(ours, bolt)),
  });
  const { rows } = result;
  table(result, 'bolt', {
    title: 'Slack',
    header: '| Slack `/oncall aggregate profit` (medians) | ours | Bolt-js 5.1.0 | ratio ours/Bolt |',
    measures: [
      [`throughput, ${settings.connections} connections (answers/s)`, (x) => x.peak.rps, 0, 'higher is better'],
      [`throughput in the first ${settings.warmup} s of load (answers/s)`, (x) => x.firstSeconds.rps, 0, 'higher is better'],
      ['server CPU per answer at peak (ms)', (x) => x.peak.cpuMsPerRequest, 3, 'lower is better'],
      [`load generator CPU at peak (% of one core, ${workers || 'no'} worker threads)`, (x) => x.peak.driverCpuPct, 0, 'context, not a score'],
      [`p50 at a fixed rate, half ${fixedOf === 'ours' ? 'our' : 'the lower'} peak (ms)`, (x) => x.fixed.p50, 2, 'lower is better'],
      ['p99 at that rate (ms)', (x) => x.fixed.p99, 2, 'lower is better'],
      ['cold start to the first signed answer (ms)', (x) => x.coldMs, 0, 'lower is better'],
      ['idle RSS 5 s after the first answer (MiB)', (x) => x.idleMiB, 1, 'lower is better'],
    ],
    footer: `Fixed rates per round: ${rows.ours.map((x) => x.fixed.rate).join(', ')}/s. Errors (non-2xx, timeouts): ours ${rows.ours.map((x) => x.peak.errors + x.fixed.errors).join(', ')}; Bolt ${rows.bolt.map((x) => x.peak.errors + x.fixed.errors).join(', ')}.`,
  });
}

main().catch((e) => { process.stderr.write(`${e.stack}\n`); process.exit(1); });
