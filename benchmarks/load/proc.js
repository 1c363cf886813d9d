'use strict';
// Process facts from /proc: CPU time (user + system) and resident memory.
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');

const ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU seconds used so far by the process and its threads. */
function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}

/** Resident memory in MiB. */
function rssMiB(pid) {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
  return Number(line.split(/\s+/)[1]) / 1024;
}

/** Resident memory split as the kernel counts it: anonymous (heaps), file-backed (mapped code) and shared memory, in MiB. */
function rssParts(pid) {
  const lines = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n');
  const kb = (name) => Number((lines.find((l) => l.startsWith(`${name}:`)) || '0 0').split(/\s+/)[1]) / 1024;
  return { anon: kb('RssAnon'), file: kb('RssFile'), shmem: kb('RssShmem') };
}

module.exports = { cpuSeconds, rssMiB, rssParts };
