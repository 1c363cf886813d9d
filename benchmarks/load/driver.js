'use strict';
// What the Slack (run.js) and Teams (run-teams.js) load drivers share: options, publishing the host and exporting the
// schedule the peers answer from, starting and stopping servers on loopback, interleaved rounds and the ratio table.
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');
const { execFileSync } = require('node:child_process');

const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const settings = {
  rounds: Number(opt('rounds', 3)),
  duration: Number(opt('duration', 10)),
  connections: Number(opt('connections', 20)),
  warmup: Number(opt('warmup', 5)),
  gc: opt('gc', 'shipped'),
};
const root = path.resolve(__dirname, '../..');
const out = path.join(__dirname, '.out');
// Which build of ours runs: the native executable (default, the single-instance deployment, docs/operations.md) or, with
// --build jit, the framework-dependent ReadyToRun publish run by `dotnet` (the build PostgreSQL replicas use).
const hostBuild = opt('build', 'native');
if (!['native', 'jit'].includes(hostBuild)) throw new Error(`--build must be native or jit, not ${hostBuild}`);
const hostDir = path.join(out, hostBuild === 'native' ? 'host-native' : 'host');
const hostDll = path.join(hostDir, 'TechFlow.OnCallBot.dll');
/** The command and arguments that run our host (or its CLI) with argv, for the build chosen with --build. */
const hostCommand = (argv) => (hostBuild === 'native' ? [path.join(hostDir, 'TechFlow.OnCallBot'), argv] : ['dotnet', [hostDll, ...argv]]);
const seedFile = path.join(root, 'src/TechFlow.OnCallBot/seed/techflow.json');
const scheduleFile = path.join(out, 'schedule.json');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

/** Publishes the Release host (unless --skip-build) and exports the schedule our planner makes from the seed file. */
function build() {
  fs.mkdirSync(out, { recursive: true });
  if (!args.includes('--skip-build')) {
    const kind = hostBuild === 'native' ? ['-p:PublishAot=true'] : ['--self-contained', 'false'];
    execFileSync('dotnet', ['publish', path.join(root, 'src/TechFlow.OnCallBot'), '-c', 'Release', '-r', 'linux-x64', ...kind, '-o', hostDir, '--nologo', '-v', 'q'], { stdio: 'inherit' });
  }
  const store = fs.mkdtempSync(path.join(os.tmpdir(), 'oncall-export-'));
  const json = execFileSync(...hostCommand(['schedule', '--from', new Date(Date.now() - 8 * 86400e3).toISOString().slice(0, 10), '--weeks', '6', '--format', 'json', `--Store:Path=${path.join(store, 'oncall.db')}`]), { cwd: hostDir });
  fs.rmSync(store, { recursive: true, force: true });
  fs.writeFileSync(scheduleFile, json);
}

/** GC settings to try for our host, e.g. --gc datas (Server GC with DATAS) or --gc server; default: the shipped ones. */
function gcEnv() {
  switch (settings.gc) {
    case 'server': return { DOTNET_gcServer: '1', DOTNET_GCDynamicAdaptationMode: '0' };
    case 'datas': return { DOTNET_gcServer: '1', DOTNET_GCDynamicAdaptationMode: '1' };
    case 'concurrent': return { DOTNET_gcConcurrent: '1' };
    default: return {};
  }
}

// Below Linux's ephemeral range (32768-60999 by default): a port in it can be taken as the local end of one of the
// thousands of connections a load phase opens (and leaves in TIME_WAIT), and the next server could not listen there
// (most likely why a Teams round once failed with "ours gave no answer within 60 s"; its output is now kept to tell).
let nextPort = 21000 + Math.floor(Math.random() * 8000);
const port = () => nextPort++;
const children = new Set();
process.on('exit', () => { for (const c of children) c.kill('SIGKILL'); });

/** Kills the child when this process exits, however it exits. */
function track(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

/** stdio for our host: its output (both streams) in its temporary folder's host.log, read back if it fails to start. */
function hostStdio(dir) {
  const log = fs.openSync(path.join(dir, 'host.log'), 'a');
  return ['ignore', log, log];
}

/**
 * Starts a server (spawn(port, dir) with a fresh temporary folder) and polls ready(port) every 5 ms until it is true;
 * returns the process, its port and folder, and the cold start in ms. Gives up after 60 s.
 */
async function start(name, spawn, ready) {
  const p = port();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `oncall-${name}-`));
  const t0 = process.hrtime.bigint();
  const child = track(spawn(p, dir));
  const deadline = Date.now() + 60e3;
  while (Date.now() < deadline) {
    if (await ready(p)) {
      return { name, child, port: p, dir, coldMs: Number(process.hrtime.bigint() - t0) / 1e6 };
    }
    await sleep(5);
  }
  child.kill('SIGKILL');
  const log = path.join(dir, 'host.log');
  const tail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').split('\n').slice(-40).join('\n') : '(no output kept)';
  throw new Error(`${name} gave no answer within 60 s (exit code ${child.exitCode}, signal ${child.signalCode}); the last of its output:\n${tail}`);
}

function stop(t) {
  t.child.kill('SIGTERM');
  setTimeout(() => t.child.kill('SIGKILL'), 5000).unref();
  fs.rmSync(t.dir, { recursive: true, force: true });
}

/**
 * Interleaved rounds of ours against one peer, alternating who goes first: start (cold start), idle RSS 5 s later,
 * the first seconds under load, more warm-up, the peak, then both at one fixed rate (fixedRate(peaks)).
 * load(t, seconds, rate) runs one phase. Returns each server's rows and the load averages seen.
 */
async function interleave(peer, { startServer, load, fixedRate }) {
  const { rssMiB } = require('./proc');
  const loads = [os.loadavg()[0]];
  const rows = { ours: [], [peer]: [] };
  for (let round = 0; round < settings.rounds; round++) {
    const order = round % 2 ? [peer, 'ours'] : ['ours', peer];
    const running = {};
    const r = {};
    for (const name of order) {
      running[name] = await startServer(name);
      await sleep(5000);
      r[name] = { coldMs: running[name].coldMs, idleMiB: rssMiB(running[name].child.pid) };
      // The first seconds under load (JIT tiering for ours), then more warm-up, not counted.
      r[name].firstSeconds = await load(running[name], settings.warmup);
      await load(running[name], settings.warmup);
      r[name].peak = await load(running[name], settings.duration);
      loads.push(os.loadavg()[0]);
    }
    const rate = Math.max(50, Math.floor(0.5 * fixedRate(r.ours.peak.rps, r[peer].peak.rps)));
    for (const name of order) {
      r[name].fixed = { rate, ...(await load(running[name], settings.duration, rate)) };
      stop(running[name]);
    }
    rows.ours.push(r.ours);
    rows[peer].push(r[peer]);
    loads.push(os.loadavg()[0]);
    process.stderr.write(`round ${round + 1}/${settings.rounds}: ${JSON.stringify(r)}\n`);
  }
  return { rows, loads };
}

/** The Markdown table: a heading line, then one row per measure with the medians and the ratio ours/peer. */
function table({ rows, loads }, peer, { title, header, measures, footer }) {
  const m = (name, f) => median(rows[name].map(f));
  const line = ([label, f, digits, better]) => {
    const a = m('ours', f);
    const b = m(peer, f);
    return `| ${label} | ${a.toFixed(digits)} | ${b.toFixed(digits)} | ${(a / b).toFixed(2)} (${better}) |`;
  };
  const text = [
    `${title}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${settings.rounds} interleaved rounds, ${os.cpus().length} cores, load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}, our ${hostBuild} build, GC ${settings.gc}`,
    '',
    header,
    '| --- | --- | --- | --- |',
    ...measures.map(line),
    '',
    footer,
  ].join('\n');
  process.stdout.write(text + '\n');
  const file = opt('out', null);
  if (file) fs.writeFileSync(file, text + '\n');
}

module.exports = { args, opt, settings, hostBuild, hostDir, hostDll, hostCommand, hostStdio, seedFile, scheduleFile, sleep, build, gcEnv, port, track, start, stop, interleave, table };
