// `npm run fuzz`: damages the shared corpus into FUZZ_FILES files (default 1,000) and checks them
// with the real checker in a child process, which a crash or a stall cannot take the run down
// with it: the file it was on is recorded as lost and a new child goes on after it.
// Exits 1 if a file is missing from the results, lost, or reported with a message nobody can act on.
// FUZZ_FILES, FUZZ_SEED, FUZZ_DPI, FUZZ_FILE_LIMIT_MS change the run; FUZZ_OUTPUT=file.json keeps
// every outcome, FUZZ_KEEP=1 the damaged files.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fuzzSources, writeFuzzSet } from './fuzz-set.ts';
import { judge, type FuzzOutcome, type FuzzVerdict } from './verdict.ts';
import type { Report } from '../../src/types.ts';

const FILES = Number(process.env.FUZZ_FILES ?? 1000);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
// 72 dpi keeps a thousand files, some of 14 pages, within the hour on two cores; damage is in
// the bytes, not the resolution.
const DPI = Number(process.env.FUZZ_DPI ?? 72);
/** A file that takes longer than this has hung: ingest's own limit is 60 s per page. */
const FILE_LIMIT_MS = Number(process.env.FUZZ_FILE_LIMIT_MS ?? 180_000);
const CHILD = join(import.meta.dirname, 'check-files.ts');
const CLI = join(import.meta.dirname, '../../src/cli/bin.mjs');
/** Then the same files through the command line, a batch as an auditor runs it; 0 skips it. */
const CLI_JOBS = Number(process.env.FUZZ_CLI_JOBS ?? 2);

const { from, files: sources } = await fuzzSources();
/** The largest peak resident memory of a checker process that finished its files. */
let peakRssMb = 0;
const dir = await mkdtemp(join(tmpdir(), 'logo-check-fuzz-'));
const began = performance.now();
try {
  const cases = await writeFuzzSet(dir, sources, FILES, SEED);
  const paths = cases.map((c) => c.path);
  const listFile = join(dir, 'files.json');
  await writeFile(listFile, JSON.stringify(paths));
  console.log(`fuzz: ${cases.length} files damaged from ${sources.length} ${from} files (seed ${SEED}) in ${dir}, checked at ${DPI} dpi`);

  const outcomes: FuzzOutcome[] = [];
  let next = 0;
  let children = 0;
  while (next < paths.length) {
    children++;
    next = await checkFrom(next, paths, listFile, outcomes);
  }
  const verdict = judge(paths, outcomes);
  const elapsed = (performance.now() - began) / 1000;
  const cli = CLI_JOBS > 0 ? await checkWithCli(paths, dir) : undefined;
  const byMutation: Record<string, Record<string, number>> = {};
  for (const [i, c] of cases.entries()) {
    const outcome = outcomes.find((o) => o.path === paths[i]);
    const code = outcome?.result?.error?.code ?? outcome?.result?.status ?? outcome?.lost ?? 'missing';
    (byMutation[c.mutation] ??= {})[code] = ((byMutation[c.mutation] ??= {})[code] ?? 0) + 1;
  }
  console.log(`files: ${verdict.files}, in ${elapsed.toFixed(0)} s (checking ${(verdict.totalMs / 1000).toFixed(0)} s, ${children} child process${children > 1 ? 'es' : ''})`);
  console.log(`codes: ${JSON.stringify(verdict.codes)}`);
  for (const [mutation, codes] of Object.entries(byMutation)) console.log(`  ${mutation}: ${JSON.stringify(codes)}`);
  if (verdict.worst) console.log(`slowest file: ${(verdict.worst.ms / 1000).toFixed(1)} s, ${verdict.worst.path}`);
  if (peakRssMb) console.log(`peak memory of the checker process: ${peakRssMb} MB`);
  for (const line of verdict.missing) console.log(`LOST ${line}`);
  for (const line of verdict.unclear) console.log(`UNCLEAR ${line}`);
  if (process.env.FUZZ_OUTPUT) {
    await writeFile(process.env.FUZZ_OUTPUT, JSON.stringify({ verdict, cases, outcomes }, null, 1));
    console.log(`outcomes written to ${process.env.FUZZ_OUTPUT}`);
  }
  if (cli) {
    console.log(`the CLI, --jobs ${CLI_JOBS}: exit ${cli.exit}, ${cli.verdict.files} files in ${cli.seconds.toFixed(0)} s`);
    console.log(`codes: ${JSON.stringify(cli.verdict.codes)}`);
    if (cli.verdict.worst) console.log(`slowest file: ${(cli.verdict.worst.ms / 1000).toFixed(1)} s, ${cli.verdict.worst.path}`);
    for (const line of cli.verdict.missing) console.log(`CLI LOST ${line}`);
    for (const line of cli.verdict.unclear) console.log(`CLI UNCLEAR ${line}`);
  }
  const cliFailed = cli !== undefined && (cli.verdict.missing.length > 0 || cli.verdict.unclear.length > 0 || ![0, 1, 2].includes(cli.exit ?? -1));
  process.exitCode = verdict.missing.length || verdict.unclear.length || cliFailed ? 1 : 0;
} finally {
  if (process.env.FUZZ_KEEP) console.log(`kept ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}

/** Runs one child from `start`; returns the index to go on from (past a file that was lost). */
function checkFrom(start: number, paths: string[], listFile: string, outcomes: FuzzOutcome[]): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, listFile, String(start), String(DPI)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let current: number | undefined;
    let startedAt = performance.now();
    let lost: 'crash' | 'hang' = 'crash';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    const watchdog = setInterval(() => {
      if (current !== undefined && performance.now() - startedAt > FILE_LIMIT_MS) {
        lost = 'hang';
        child.kill('SIGKILL');
      }
    }, 1000);
    createInterface({ input: child.stdout }).on('line', (line) => {
      // pdf.js or a native library may print to stdout; only our lines are JSON objects with these keys.
      let message: { start?: number; done?: number; ms?: number; result?: FuzzOutcome['result']; maxRssMb?: number };
      try {
        message = JSON.parse(line);
      } catch {
        return;
      }
      if (message.start !== undefined) {
        current = message.start;
        startedAt = performance.now();
        if ((current + 1) % 50 === 0) process.stdout.write(`  ${current + 1}/${paths.length}\n`);
      } else if (message.maxRssMb !== undefined) {
        peakRssMb = Math.max(peakRssMb, message.maxRssMb);
      } else if (message.done !== undefined) {
        outcomes.push({ path: paths[message.done]!, result: message.result, ms: message.ms ?? 0 });
        current = undefined;
      }
    });
    child.on('close', (code, signal) => {
      clearInterval(watchdog);
      if (current === undefined) {
        // Ended between files: done, or died before starting one (then nothing can go on).
        if (code !== 0) {
          console.error(`fuzz: the checker process ended (${signal ?? code}) outside any file:\n${stderr}`);
          process.exit(2);
        }
        resolve(paths.length);
        return;
      }
      const cause = lost === 'hang' ? `no result after ${FILE_LIMIT_MS} ms` : stderr.trim().split('\n').slice(-6).join(' | ');
      outcomes.push({ path: paths[current]!, lost, ms: performance.now() - startedAt, cause });
      resolve(current + 1);
    });
  });
}

/**
 * Every file named on the command line must come out in the report, whatever happened to the
 * others; exit 0, 1 or 2 (not a crash, 7, or a signal). Times are the receipts'.
 */
async function checkWithCli(paths: string[], dir: string): Promise<{ exit: number | null; seconds: number; verdict: FuzzVerdict }> {
  const output = join(dir, 'report.json');
  const began = performance.now();
  const args = [CLI, '--format', 'json', '--output', output, '--lang', 'en', '--dpi', String(DPI), '--jobs', String(CLI_JOBS), '--quiet'];
  const exit = await new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, [...args, ...paths], { stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => resolve(code));
  });
  const seconds = (performance.now() - began) / 1000;
  const report = await readFile(output, 'utf8').then((text) => JSON.parse(text) as Report, () => undefined);
  const outcomes: FuzzOutcome[] = (report?.files ?? []).map((file) => ({
    path: file.path,
    result: { path: file.path, status: file.status, ...(file.error && { error: file.error }) },
    ms: file.receipt?.ms ?? 0,
  }));
  return { exit, seconds, verdict: judge(paths, outcomes) };
}
