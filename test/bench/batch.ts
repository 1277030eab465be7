// Batch figures of issue 6, each from the command as a user runs it (a child process running the
// CLI, worker pool included): throughput of --jobs 2 against --jobs 1 on a 40-file batch, peak
// memory on a 300-page PDF and on a 40-megapixel image, and the time to the first verdict.
// `npm run bench:batch -- [--files N] [--pages P] [--seed S] [--parts 1,2,3] [--keep]`; prints figures, never fails on them.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { generateSet } from '../synth/generate.ts';

const ROOT = join(import.meta.dirname, '../..');
const RUNNER = join(import.meta.dirname, 'run-cli.ts');
const TSX = join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const SAMPLES = join(ROOT, 'samples');

const { values: args } = parseArgs({
  options: {
    files: { type: 'string', default: '40' },
    pages: { type: 'string', default: '300' },
    seed: { type: 'string', default: '2026' },
    parts: { type: 'string', default: '1,2,3' },
    keep: { type: 'boolean', default: false },
  },
});
const parts = new Set(args.parts.split(',').map((p) => p.trim()));

interface CliRun {
  code: number;
  wallMs: number;
  maxRssBytes: number;
  /** CPU time of every thread of the process. */
  cpuMs: number;
  /** From the start of the command to the first file line of --format jsonl on stdout. */
  firstVerdictMs?: number;
}

/** The CLI in a child process; stdout is read as JSON Lines when the run asks for them. */
function runCli(cliArgs: string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [TSX, RUNNER, ...cliArgs], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
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
        const { code, maxRssBytes, cpuMs } = JSON.parse(last) as { code: number; maxRssBytes: number; cpuMs: number };
        resolve({ code, wallMs, maxRssBytes, cpuMs, ...(firstVerdictMs !== undefined && { firstVerdictMs }) });
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
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const load = () => loadavg().map((n) => n.toFixed(1)).join(' ');

const dir = await mkdtemp(join(tmpdir(), 'logo-check-bench-batch-'));
try {
  const files = Number(args.files);
  const pages = Number(args.pages);
  console.log(`logo-check batch bench: ${availableParallelism()} cores, Node ${process.version}, load average ${load()}`);

  // 1. Throughput: a batch of distinct generated files (PNG, JPEG, PDF; every capture condition).
  if (parts.has('1')) {
    const batch = join(dir, 'batch');
    const manifest = await generateSet({ seed: Number(args.seed), count: files, negatives: 0, formats: ['png', 'jpeg', 'pdf'], outDir: batch });
    await rm(join(batch, 'manifest.json'), { force: true });
    console.log(`\n1. ${manifest.files.length} generated files (seed ${args.seed}); the whole command each time, worker start-up included`);
    const runs: Record<number, CliRun> = {};
    for (const jobs of [1, 2]) {
      runs[jobs] = await runCli(['--jobs', String(jobs), '--format', 'json', '--output', join(dir, `batch-${jobs}.json`), '--quiet', batch]);
      const report = JSON.parse(await readFile(join(dir, `batch-${jobs}.json`), 'utf8'));
      console.log(
        `   --jobs ${jobs}: ${s(runs[jobs].wallMs)}, ${(report.summary.files / (runs[jobs].wallMs / 1000)).toFixed(2)} files/s, CPU ${s(runs[jobs].cpuMs)}, ` +
          `peak RSS ${mib(runs[jobs].maxRssBytes)}, ${report.summary.files} files (${report.summary.errors} unreadable), exit ${runs[jobs].code}`,
      );
    }
    console.log(`   throughput --jobs 2 ÷ --jobs 1: ${(runs[1].wallMs / runs[2].wallMs).toFixed(2)}× (target ≥ 1.8×; load average now ${load()})`);
    // On a machine others share, wall time says little; CPU time per file shows what a second
    // worker costs in itself (contention for memory bandwidth and caches, its own start-up).
    console.log(`   CPU time --jobs 2 ÷ --jobs 1: ${(runs[2].cpuMs / runs[1].cpuMs).toFixed(2)}× (1.00× = no work lost to running two at once)`);
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

  // 3. Start-up: from the command to the first verdict on one file.
  if (parts.has('3')) {
    const first: number[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await runCli(['--jobs', '1', '--format', 'jsonl', join(SAMPLES, 'flyer-conforme.png')]);
      if (r.firstVerdictMs !== undefined) first.push(r.firstVerdictMs);
    }
    first.sort((a, b) => a - b);
    console.log(`\n3. first verdict on one file (samples/flyer-conforme.png), from the command: ${first.map(s).join(', ')}; median ${s(first[1] ?? Number.NaN)} (target < 1.5 s)`);
  }
  console.log(`\nbatch bench took ${s(performance.now())}`);
} finally {
  if (args.keep) console.log(`kept ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}
