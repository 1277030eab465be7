// Batch figures of issue 6, each from the command as a user runs it: the built CLI
// (dist/cli/run.js, rebuilt first when missing or older than the sources) in a child process,
// worker pool included. Throughput of --jobs 2 against --jobs 1 on a 40-file batch, with the CPU
// time of each thread; peak memory on a 300-page PDF and on a 40-megapixel image; the time from
// the command to the first verdict, on one file and in a --jobs 2 batch.
// `npm run bench:batch -- [--files N] [--pages P] [--seed S] [--parts 1,2,3] [--repeat R] [--starts S] [--keep]`;
// prints figures, never fails on them.
import { spawn, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { globSync } from 'tinyglobby';
import { generateSet } from '../synth/generate.ts';

const ROOT = join(import.meta.dirname, '../..');
const CLI = join(ROOT, 'dist/cli/run.js');
const FIGURES = pathToFileURL(join(import.meta.dirname, 'figures.mjs')).href;
const SAMPLES = join(ROOT, 'samples');
/** What the build reads: a change to any of these makes dist/ stale. */
const BUILD_INPUTS = ['src/**/*', 'charter/**/*', 'scripts/build.mjs', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

const { values: args } = parseArgs({
  options: {
    files: { type: 'string', default: '40' },
    pages: { type: 'string', default: '300' },
    seed: { type: 'string', default: '2026' },
    parts: { type: 'string', default: '1,2,3' },
    /** Rounds of --jobs 1 and --jobs 2, run in turn so that both see the same load. */
    repeat: { type: 'string', default: '3' },
    /** Single-file runs timed for the start-up figure. */
    starts: { type: 'string', default: '7' },
    keep: { type: 'boolean', default: false },
  },
});
const parts = new Set(args.parts.split(',').map((p) => p.trim()));

/** Builds dist/ when a source is newer than the CLI it would compile to: the bench times what a user installs. */
function ensureBuilt(): void {
  const built = statSync(CLI, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  const newer = globSync(BUILD_INPUTS, { cwd: ROOT, ignore: ['**/*.test.ts'] }).filter((f) => statSync(join(ROOT, f)).mtimeMs > built);
  if (built > 0 && newer.length === 0) return;
  console.log(built === 0 ? 'building dist/ (missing)' : `building dist/ (${newer.length} sources newer than it, e.g. ${newer[0]})`);
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status}): the bench would time an old dist/`);
}

/** CPU time of the process's threads, from test/bench/figures.mjs (Linux only). */
interface ThreadCpu {
  mainMs: number;
  /** One entry per pool worker thread. */
  poolMs: number[];
  /** Other JavaScript worker threads: tesseract.js's OCR worker. */
  workerMs: number;
  /** V8's compiler and garbage-collector threads, libuv's and libvips' thread pools. */
  otherMs: number;
}

interface CliRun {
  code: number;
  wallMs: number;
  maxRssBytes: number;
  /** CPU time of every thread of the process. */
  cpuMs: number;
  threads?: ThreadCpu;
  /** From the start of the command to the first file line of --format jsonl on stdout. */
  firstVerdictMs?: number;
  /** Lines of --format jsonl on stdout. */
  lines: string[];
}

/** The built CLI in a child process, as `logo-check …` runs it; stdout is read as JSON Lines when the run asks for them. */
function runCli(cliArgs: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', FIGURES, CLI, ...cliArgs], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    let firstVerdictMs: number | undefined;
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (firstVerdictMs === undefined && stdout.includes('"type":"file"')) firstVerdictMs = performance.now() - start;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', () => {
      const wallMs = performance.now() - start;
      const last = stderr.trim().split('\n').at(-1) ?? '';
      try {
        const figures = JSON.parse(last) as Omit<CliRun, 'wallMs' | 'firstVerdictMs' | 'lines'>;
        const lines = stdout.split('\n').filter((l) => l.startsWith('{'));
        resolve({ ...figures, wallMs, lines, ...(firstVerdictMs !== undefined && { firstVerdictMs }) });
      } catch {
        reject(new Error(`logo-check ${cliArgs.join(' ')} ended without its figures:\n${stderr.slice(-2000)}`));
      }
    });
  });
}

/** A brochure of `pages` A4 pages, each with a paragraph and one of the samples' flyers (a logo on most). */
async function longPdf(path: string, pages: number): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const images = await Promise.all(
    ['flyer-conforme.png', 'flyer-logo-etire.png', 'flyer-sans-logo.png'].map(async (name) => doc.embedPng(await readFile(join(SAMPLES, name)))),
  );
  for (let i = 0; i < pages; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Catalogue des offres — page ${i + 1}`, { x: 50, y: 790, size: 18, font });
    const image = images[i % images.length]!;
    const width = 420;
    page.drawImage(image, { x: 85, y: 120, width, height: (width * image.height) / image.width });
  }
  await writeFile(path, await doc.save());
}

/** A 40-megapixel photo-sized JPEG (7300 × 5480) with a compliant logo in it. */
async function bigImage(path: string): Promise<void> {
  const flyer = await sharp(join(SAMPLES, 'flyer-conforme.png')).resize({ width: 3000 }).png().toBuffer();
  await sharp({ create: { width: 7300, height: 5480, channels: 3, background: '#f4f1ea' } })
    .composite([{ input: flyer, left: 2100, top: 1200 }])
    .jpeg({ quality: 85 })
    .toFile(path);
}

const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const load = () => loadavg().map((n) => n.toFixed(1)).join(' ');
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** The summary a --format jsonl run ends with. */
function summaryOf(run: CliRun): { files: number; errors: number } {
  const end = run.lines.map((l) => JSON.parse(l) as { type: string; summary?: { files: number; errors: number } }).find((r) => r.type === 'end');
  if (!end?.summary) throw new Error(`the run (exit ${run.code}) wrote no summary line`);
  return end.summary;
}

/** CPU per thread, where /proc gives it: the main thread, each pool worker, OCR, the rest. */
function threadLine(run: CliRun): string {
  const t = run.threads;
  if (!t) return '';
  return `; CPU main thread ${s(t.mainMs)}, pool worker${t.poolMs.length > 1 ? 's' : ''} ${t.poolMs.map(s).join(' + ')}, OCR ${s(t.workerMs)}, V8/libuv/libvips threads ${s(t.otherMs)}`;
}

ensureBuilt();
const dir = await mkdtemp(join(tmpdir(), 'logo-check-bench-batch-'));
try {
  const files = Number(args.files);
  const pages = Number(args.pages);
  console.log(`logo-check batch bench: the built CLI (node dist/cli/run.js), ${availableParallelism()} cores, Node ${process.version}, load average ${load()}`);
  /** First verdicts of --jobs 2 batches, for part 3. */
  const batchFirst: number[] = [];

  // 1. Throughput: a batch of distinct generated files (PNG, JPEG, PDF; every capture condition).
  if (parts.has('1')) {
    const batch = join(dir, 'batch');
    const manifest = await generateSet({ seed: Number(args.seed), count: files, negatives: 0, formats: ['png', 'jpeg', 'pdf'], outDir: batch });
    await rm(join(batch, 'manifest.json'), { force: true });
    const rounds = Number(args.repeat);
    console.log(`\n1. ${manifest.files.length} generated files (seed ${args.seed}), --format jsonl; the whole command each time, worker start-up included; ${rounds} rounds, --jobs 1 and 2 in turn`);
    const runs: Record<1 | 2, CliRun[]> = { 1: [], 2: [] };
    const ratios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      // Alternating which goes first spreads a neighbour's load over both.
      const order = round % 2 === 0 ? ([1, 2] as const) : ([2, 1] as const);
      for (const jobs of order) {
        const before = load();
        const run = await runCli(['--jobs', String(jobs), '--format', 'jsonl', '--quiet', batch]);
        const summary = summaryOf(run);
        runs[jobs].push(run);
        if (jobs === 2 && run.firstVerdictMs !== undefined) batchFirst.push(run.firstVerdictMs);
        console.log(
          `   --jobs ${jobs}: ${s(run.wallMs)}, CPU ${s(run.cpuMs)} (${(run.cpuMs / run.wallMs).toFixed(2)} cores busy)${threadLine(run)}; ` +
            `first verdict ${run.firstVerdictMs === undefined ? '—' : s(run.firstVerdictMs)}, peak RSS ${mib(run.maxRssBytes)}, ${summary.files} files (${summary.errors} unreadable), exit ${run.code}; load ${before} → ${load()}`,
        );
      }
      ratios.push(runs[1][round].wallMs / runs[2][round].wallMs);
    }
    const wall = (jobs: 1 | 2) => median(runs[jobs].map((r) => r.wallMs));
    const cpu = (jobs: 1 | 2) => median(runs[jobs].map((r) => r.cpuMs));
    console.log(`   median wall: --jobs 1 ${s(wall(1))}, --jobs 2 ${s(wall(2))}; ${(files / (wall(2) / 1000)).toFixed(2)} files/s with two workers`);
    console.log(
      `   throughput --jobs 2 ÷ --jobs 1: ${(wall(1) / wall(2)).toFixed(2)}× of the medians; by round ${ratios.map((r) => r.toFixed(2)).join(', ')} (target ≥ 1.8×; load average now ${load()})`,
    );
    // On a machine others share, wall time says little; CPU time shows what a second worker costs
    // in itself (its own start-up and JIT compilation, contention for memory bandwidth and caches).
    console.log(`   CPU time --jobs 2 ÷ --jobs 1: ${(cpu(2) / cpu(1)).toFixed(2)}× (1.00× = no work lost to running two at once)`);
    // One worker is not one core: V8's background compiler and garbage collector, libvips' and
    // tesseract's threads work beside it. What it keeps busy bounds what a second worker can add.
    const busy = cpu(1) / wall(1);
    const cores = Math.min(2, availableParallelism());
    console.log(
      `   --jobs 1 keeps ${busy.toFixed(2)} cores busy: two workers on ${cores} cores can reach at most ${cores} ÷ ${busy.toFixed(2)} = ${(cores / busy).toFixed(2)}× it, with no work lost to running two at once`,
    );
  }

  // 2. Memory of one worker: the process with --jobs 1 is the main thread and one worker.
  if (parts.has('2')) {
    const idle = join(dir, 'one');
    await mkdir(idle);
    await copyFile(join(SAMPLES, 'flyer-sans-logo.png'), join(idle, 'flyer-sans-logo.png'));
    const cache = join(dir, 'cache');
    const baseline = await runCli(['--jobs', '1', '--cache', cache, '--format', 'json', '--output', join(dir, 'one.json'), idle]);
    // Run again, everything comes from the cache and no worker starts: the main thread alone.
    const mainThread = await runCli(['--jobs', '1', '--cache', cache, '--format', 'json', '--output', join(dir, 'one.json'), idle]);
    const pdf = join(dir, `brochure-${pages}-pages.pdf`);
    await longPdf(pdf, pages);
    const image = join(dir, 'photo-40mp.jpg');
    await bigImage(image);
    console.log(
      `\n2. peak RSS of the process with --jobs 1 (main thread + one worker); one small logo-free file: ${mib(baseline.maxRssBytes)}; ` +
        `the main thread alone (result from the cache, no worker): ${mib(mainThread.maxRssBytes)}`,
    );
    for (const [label, file] of [[`${pages}-page PDF`, pdf], ['40-megapixel JPEG (7300 × 5480)', image]] as const) {
      const out = join(dir, 'memory.json');
      const r = await runCli(['--jobs', '1', '--timeout', '3600', '--format', 'json', '--output', out, file]);
      const report = JSON.parse(await readFile(out, 'utf8'));
      const result = report.files[0];
      const logos = result.pages.reduce((n: number, p: { logos: unknown[] }) => n + p.logos.length, 0);
      console.log(
        `   ${label}: peak RSS ${mib(r.maxRssBytes)}, worker ≈ ${mib(r.maxRssBytes - mainThread.maxRssBytes)}, in ${s(r.wallMs)} (${result.pages.length} pages, ${logos} logos${result.error ? `, error ${result.error.code}: ${result.error.message}` : ''}) (target ≤ 600 MiB per worker)`,
      );
    }
  }

  // 3. Start-up: from the command to the first verdict, on one file and in a --jobs 2 batch.
  if (parts.has('3')) {
    const one = join(SAMPLES, 'flyer-conforme.png');
    const first: number[] = [];
    const walls: number[] = [];
    const before = load();
    for (let i = 0; i < Number(args.starts); i++) {
      const r = await runCli(['--format', 'jsonl', one]);
      if (r.firstVerdictMs !== undefined) first.push(r.firstVerdictMs);
      walls.push(r.wallMs);
    }
    console.log(
      `\n3. first verdict on one file (logo-check --format jsonl samples/flyer-conforme.png), from the command: median ${s(median(first))} ` +
        `(${first.map(s).join(', ')}); whole command median ${s(median(walls))} (target < 1.5 s; load ${before} → ${load()})`,
    );
    if (batchFirst.length) console.log(`   first verdict in the --jobs 2 batch of part 1: median ${s(median(batchFirst))} (${batchFirst.map(s).join(', ')})`);
  }
  console.log(`\nbatch bench took ${(performance.now() / 1000).toFixed(0)} s`);
} finally {
  if (args.keep) console.log(`kept ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}
