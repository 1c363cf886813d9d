'use strict';
// Memory soak: the published host (benchmarks/load/.out/host, made by run.js) idles and takes light load in turns, and
// its resident memory is sampled throughout.
// Usage: node soak.js [--minutes 10] [--sample 10] [--rate 20] [--burst 10] [--every 60] [--out soak.md]
// Every --every seconds a burst of --burst seconds at --rate signed slash commands per second; RSS every --sample seconds.
// Binds 127.0.0.1 only; the store is a fresh temp file, removed at the end.
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { spawn } = require('node:child_process');
const autocannon = require('autocannon');
const slack = require('./slack');
const { cpuSeconds, rssMiB, rssParts } = require('./proc');

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const minutes = Number(opt('minutes', 10));
const sampleSeconds = Number(opt('sample', 10));
const rate = Number(opt('rate', 20));
const burst = Number(opt('burst', 10));
const every = Number(opt('every', 60));
const { hostBuild, hostDir, hostCommand } = require('./driver');
const secret = 'load-benchmark-signing-secret';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const [command, argv] = hostCommand([]);
  if (!fs.existsSync(hostBuild === 'native' ? command : argv[0])) throw new Error(`no ${hostBuild} build in ${hostDir}: run "node run.js --rounds 1 --build ${hostBuild}" once to publish it`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-soak-'));
  const port = 29100 + Math.floor(Math.random() * 200); // below the ephemeral range, as in driver.js
  const child = spawn(...hostCommand(['--urls', `http://127.0.0.1:${port}`]), {
    cwd: hostDir,
    env: { ...process.env, Store__Path: path.join(dir, 'oncall.db'), Slack__SigningSecret: secret },
    stdio: 'ignore',
  });
  process.on('exit', () => { child.kill('SIGKILL'); fs.rmSync(dir, { recursive: true, force: true }); });
  const t0 = Date.now();
  for (;;) {
    const r = await slack.send(port, '/slack/commands', secret);
    if (r.status === 200 && r.text.includes('Aggregate Profit')) break;
    if (Date.now() - t0 > 60e3) throw new Error('no answer within 60 s');
    await sleep(20);
  }

  const samples = [];
  const sample = (s) => ({ s, rss: rssMiB(child.pid), ...rssParts(child.pid), cpu: cpuSeconds(child.pid), load: os.loadavg()[0] });
  let answered = 0;
  let errors = 0;
  const start = Date.now();
  const end = start + minutes * 60e3;
  const sampler = setInterval(() => {
    samples.push(sample(Math.round((Date.now() - start) / 1000)));
  }, sampleSeconds * 1000);
  samples.push(sample(0));
  while (Date.now() + burst * 1000 < end) {
    const r = await autocannon({ url: `http://127.0.0.1:${port}`, connections: 2, duration: burst, overallRate: rate, requests: slack.requests('/slack/commands', secret) });
    answered += r['2xx'];
    errors += r.errors + r.timeouts + r.non2xx;
    await sleep(Math.max(0, Math.min(end - Date.now(), (every - burst) * 1000)));
  }
  await sleep(Math.max(0, end - Date.now()));
  clearInterval(sampler);
  samples.push(sample(Math.round((Date.now() - start) / 1000)));
  report(samples, answered, errors);
}

function report(samples, answered, errors) {
  const rss = samples.map((x) => x.rss);
  const firstMinute = samples.filter((x) => x.s <= 60).map((x) => x.rss);
  const lastMinute = samples.filter((x) => x.s >= samples[samples.length - 1].s - 60).map((x) => x.rss);
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const lines = [
    `Soak, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${minutes} min, a ${burst} s burst at ${rate}/s every ${every} s, ${os.cpus().length} cores, load average ${Math.min(...samples.map((x) => x.load)).toFixed(1)}–${Math.max(...samples.map((x) => x.load)).toFixed(1)}`,
    '',
    `answers ${answered}, errors ${errors}; RSS MiB: min ${Math.min(...rss).toFixed(1)}, max ${Math.max(...rss).toFixed(1)}, mean of the first minute ${mean(firstMinute).toFixed(1)}, mean of the last minute ${mean(lastMinute).toFixed(1)}; CPU ${(samples[samples.length - 1].cpu - samples[0].cpu).toFixed(1)} s`,
    '',
    '| s | RSS (MiB) | anonymous | file-backed | shared (double-mapped code) | CPU (s) | load average |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...samples.map((x) => `| ${x.s} | ${x.rss.toFixed(1)} | ${x.anon.toFixed(1)} | ${x.file.toFixed(1)} | ${x.shmem.toFixed(1)} | ${x.cpu.toFixed(1)} | ${x.load.toFixed(1)} |`),
  ];
  process.stdout.write(lines.join('\n') + '\n');
  const file = opt('out', null);
  if (file) fs.writeFileSync(file, lines.join('\n') + '\n');
}

main().then(() => process.exit(0), (e) => { process.stderr.write(`${e.stack}\n`); process.exit(1); });
