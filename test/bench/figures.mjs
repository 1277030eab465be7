// Preloaded (node --import) into the built CLI by batch.ts, so that the bench measures the command
// a user runs, not a wrapper: on exit, the last line of stderr gets the exit code, the process's
// peak memory and CPU time, and the CPU time of each thread. Plain JavaScript, no TypeScript
// runner: the CLI runs as installed.
//
// Node 20 has no per-thread CPU clock, so on Linux the main thread reads /proc/self/task/*/stat
// every 50 ms; worker threads name their thread id through a BroadcastChannel (a preload runs in
// every worker thread too): the pool's (their workerData holds the checker's options) and the
// others (tesseract.js runs OCR in a worker thread of its own). A thread's last 50 ms before it ends can be missed; the process total
// (resourceUsage) counts everything.
import { readdirSync, readFileSync } from 'node:fs';
import { BroadcastChannel, isMainThread, workerData } from 'node:worker_threads';

const CHANNEL = 'logo-check-bench-threads';
const SAMPLE_MS = 50;

/** This thread's kernel id, or undefined off Linux. */
function ownTid() {
  try {
    return Number(readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0]);
  } catch {
    return undefined;
  }
}

/** User + system CPU of each live thread of this process, in ms, by kernel thread id. */
function threadTimes() {
  const times = new Map();
  const tick = 10; // USER_HZ is 100 on every Linux Node supports
  for (const tid of readdirSync('/proc/self/task')) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      times.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * tick);
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return times;
}

if (isMainThread) {
  const mainTid = ownTid();
  const pool = new Set();
  const workers = new Set();
  const last = new Map();
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event) => (event.data.pool ? pool : workers).add(event.data.tid);
  channel.unref();
  const sample = () => {
    for (const [tid, ms] of threadTimes()) last.set(tid, ms);
  };
  let timer;
  if (mainTid !== undefined) {
    sample();
    timer = setInterval(sample, SAMPLE_MS);
    timer.unref();
  }
  process.on('exit', (code) => {
    clearInterval(timer);
    const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
    let threads;
    if (mainTid !== undefined) {
      sample();
      const sum = (values) => values.reduce((a, b) => a + b, 0);
      const poolMs = [...pool].map((tid) => last.get(tid) ?? 0);
      const mainMs = last.get(mainTid) ?? 0;
      const workerMs = sum([...workers].map((tid) => last.get(tid) ?? 0));
      threads = { mainMs, poolMs, workerMs, otherMs: sum([...last.values()]) - mainMs - sum(poolMs) - workerMs };
    }
    const figures = { code: process.exitCode ?? code, maxRssBytes: maxRSS * 1024, cpuMs: (userCPUTime + systemCPUTime) / 1000, ...(threads && { threads }) };
    process.stderr.write(`\n${JSON.stringify(figures)}\n`);
  });
} else {
  const tid = ownTid();
  if (tid !== undefined) {
    const channel = new BroadcastChannel(CHANNEL);
    channel.postMessage({ tid, pool: workerData?.options !== undefined });
    channel.close();
  }
}
