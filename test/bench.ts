// Speed of the checker against the two targets of the issue, measured in one process:
//   1. a 150-dpi A4 page holding a logo is checked in ≤ 1 s once OpenCV and OCR are loaded;
//   2. a page without a logo costs ≤ 1.5× its own decode/render time, one with a logo ≤ 3× (issue 6).
// `npm run bench -- [--files N] [--repeat R] [--stages] [--seed S] [--keep]`. It prints figures and
// never fails on them: timings depend on the machine, so a threshold here would only make CI flaky.
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { createChecker, type Checker } from '../src/check.ts';
import { loadCharter } from '../src/charter/load.ts';
import { createDetector, type Detector } from '../src/detect/index.ts';
import { rgbaToGray } from '../src/image/raster.ts';
import { openDocument } from '../src/ingest/index.ts';
import type { FileResult, Page } from '../src/types.ts';
import type { BenchFormat, BenchGroup, BenchInput, BenchSet, BenchSetOptions } from './bench/inputs.ts';
import { generateSet } from './synth/generate.ts';

const TARGET_LOGO_MS = 1000;
/** Issue 6 §4: a page without a logo ≤ 1.5× its decode/render alone, a page with one ≤ 3×. */
const TARGET_RATIO = 1.5;
const TARGET_LOGO_RATIO = 3;
/** A scanned page with a logo should cost at most this many times a clean one (issue 5). */
const TARGET_SCAN_RATIO = 1.5;
/** Capture conditions timed on the same generated pages (test/synth conditions). */
const CAPTURES = ['clean', 'scan', 'web', 'photo'] as const;
const REAL_PDFS = ['tracemonkey.pdf', 'TAMReview.pdf', '160F-2019.pdf', 'issue840.pdf', 'bug1703683_page2_reduced.pdf'];
const GENERATOR = join(import.meta.dirname, 'bench/inputs.ts');
const VIOLATIONS = ['rotation', 'badge-text'] as const;

const { values: args } = parseArgs({
  options: {
    files: { type: 'string', default: '12' },
    repeat: { type: 'string', default: '1' },
    seed: { type: 'string', default: '2026' },
    stages: { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
  },
});

/** The q-quantile by linear interpolation between closest ranks (type 7, as R and NumPy default). */
function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  return sorted[lo] + (sorted[Math.ceil(pos)] - sorted[lo]) * (pos - lo);
}
const median = (values: readonly number[]) => quantile(values, 0.5);

const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)}` : '–');
const times = (n: number) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : '–');
const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function wholeNumber(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    console.error(`--${name} must be a whole number ≥ ${min}, got "${text}"`);
    process.exit(2);
  }
  return n;
}
const perFormat = wholeNumber('files', args.files, 1);
const repeat = wholeNumber('repeat', args.repeat, 1);
const seed = wholeNumber('seed', args.seed, 0);

// The event loop only runs the sampler between synchronous OpenCV calls, so each file also takes
// a sample when it ends; maxRSS from the kernel catches what both miss.
let peakRss = process.memoryUsage.rss();
/** Highest RSS seen since the current file started. */
let filePeakRss = 0;
const sampleRss = () => {
  const rss = process.memoryUsage.rss();
  peakRss = Math.max(peakRss, rss);
  filePeakRss = Math.max(filePeakRss, rss);
  return rss;
};
setInterval(sampleRss, 25).unref();

/** Wall and CPU time of one call; CPU time counts every thread of the process (libvips, OCR worker). */
interface Timing {
  wallMs: number;
  cpuMs: number;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T } & Timing> {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const value = await work();
  const wallMs = performance.now() - t;
  const { user, system } = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (user + system) / 1000 };
}

/** Open and render every page, as the checker does before looking at them. */
async function decodeOnly(path: string): Promise<Page[]> {
  const doc = await openDocument(path);
  const pages: Page[] = [];
  try {
    for (let i = 1; i <= doc.pageCount; i++) pages.push(await doc.renderPage(i));
  } finally {
    await doc.close();
  }
  return pages;
}

interface Measured {
  input: BenchInput;
  pages: number;
  decode: Timing;
  check: Timing;
  /** Grey conversion + detection alone, with --stages. */
  detectMs?: number;
  logos: number;
  ocr: boolean;
  peakRss: number;
  error?: string;
}

const logosOf = (r: FileResult) => r.pages.flatMap((p) => p.logos);
const usedOcr = (r: FileResult) => logosOf(r).some((l) => l.measurement?.badge.source === 'ocr' || l.measurement?.tagline.source === 'ocr');
const medianTiming = (ts: Timing[]): Timing => ({ wallMs: median(ts.map((t) => t.wallMs)), cpuMs: median(ts.map((t) => t.cpuMs)) });

/** `order` picks which of decode and check goes first, alternating within a group. */
async function measure(checker: Checker, input: BenchInput, order: number, detector?: Detector): Promise<Measured> {
  const decodes: Timing[] = [];
  const checks: Timing[] = [];
  const detects: number[] = [];
  let result: FileResult | undefined;
  let pages = 1;
  let error: string | undefined;
  filePeakRss = 0;
  for (let r = 0; r < repeat; r++) {
    // Taking turns at going first cancels what the first of two reads of a file gains or loses.
    const decodeFirst = (order + r) % 2 === 0;
    const steps = [
      async () => {
        try {
          const d = await timed(() => decodeOnly(input.path));
          decodes.push(d);
          pages = d.value.length;
          if (detector) {
            const t = performance.now();
            for (const page of d.value) detector.detect(page, rgbaToGray(page.rgba, page.width, page.height));
            detects.push(performance.now() - t);
          }
        } catch (err) {
          error = (err as Error).message;
        }
      },
      async () => {
        const c = await timed(() => checker.checkFile(input.path));
        checks.push(c);
        result = c.value;
      },
    ];
    for (const step of decodeFirst ? steps : steps.reverse()) await step();
    sampleRss();
  }
  return {
    input,
    pages,
    decode: decodes.length ? medianTiming(decodes) : { wallMs: Number.NaN, cpuMs: Number.NaN },
    check: medianTiming(checks),
    ...(detector ? { detectMs: median(detects) } : {}),
    logos: result ? logosOf(result).length : 0,
    ocr: result ? usedOcr(result) : false,
    peakRss: filePeakRss,
    error: result?.error?.message ?? error,
  };
}

/**
 * Writes the set in a child process, so that what the generator keeps (decoded photos, libvips'
 * cache, pdf-lib documents) is not counted in the memory of the process being measured.
 */
function writeBenchSetApart(options: BenchSetOptions): Promise<BenchSet> {
  return new Promise((done, fail) => {
    const child = fork(GENERATOR, [JSON.stringify(options)], { stdio: 'inherit' });
    let set: BenchSet | undefined;
    child.on('message', (message) => {
      set = message as BenchSet;
    });
    child.on('error', fail);
    child.on('exit', (code, signal) => {
      if (set) done(set);
      else fail(new Error(`the input generator (${GENERATOR}) stopped with ${signal ?? `exit code ${code}`} before sending its file list`));
    });
  });
}

const load = () => loadavg().map((n) => n.toFixed(1)).join(' ');
const dir = await mkdtemp(join(tmpdir(), 'logo-check-bench-'));
try {
  const cores = availableParallelism();
  console.log(`logo-check bench: ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${cores} cores, Node ${process.version}, load average ${load()}`);
  let t = performance.now();
  const perViolation = Math.max(2, Math.round(perFormat / 4));
  const set = await writeBenchSetApart({ dir, seed, perFormat, perViolation, violations: [...VIOLATIONS], realPdfs: REAL_PDFS });
  console.log(`inputs: ${set.inputs.length} one-page files in ${ms(performance.now() - t)} ms (seed ${seed}, ${perFormat} logo files per format, repeat ${repeat})`);
  for (const s of set.skipped) console.log(`  skipped ${s}`);
  // The same pages (same seed) as drawn, scanned, exported for the web and photographed.
  t = performance.now();
  const captures = new Map<string, string[]>();
  for (const condition of CAPTURES) {
    const out = join(dir, `capture-${condition}`);
    const manifest = await generateSet({ seed, count: Math.max(6, perFormat * 2), negatives: 0, secondLogoRate: 0, conditions: [condition], formats: ['png', 'jpeg'], outDir: out });
    captures.set(condition, manifest.files.map((f) => join(out, f.path)));
  }
  console.log(`capture inputs: ${CAPTURES.length} × ${captures.get('clean')!.length} files in ${ms(performance.now() - t)} ms`);
  // Every file is read twice here but once in real use; libvips' operation cache would hand the
  // second read of an image the first one's work.
  sharp.cache(false);

  const charter = await loadCharter();
  const rssMarks: Array<[string, number]> = [];
  const markRss = (stage: string) => rssMarks.push([stage, sampleRss()]);
  markRss('start');
  const startup = await timed(() => createChecker({ charter, lang: 'fr' }));
  const checker = startup.value;
  markRss('checker');

  // Lazy costs (pdf.js modules and decoders, JIT, first allocations) go to warm-up runs, not to
  // the medians: the checker on one page, decoding on one file of each format and on each real PDF.
  const warmFirst = await timed(() => checker.checkFile(set.warmup));
  const warmAgain = await timed(() => checker.checkFile(set.warmup));
  const warmupUsedOcr = usedOcr(warmFirst.value);
  const decodeWarm = [set.warmup, ...new Map(set.inputs.map((i) => [i.group === 'real' ? i.path : i.format, i.path])).values()];
  for (const path of decodeWarm) await decodeOnly(path).catch(() => undefined);
  markRss('warm-up');

  // The OCR worker starts on the first read: one OCR page checked cold, then again warm in the
  // main loop, gives the start-up cost on the same page.
  const ocrProbe = set.inputs.find((i) => i.label === 'badge-text');
  const ocrCold = ocrProbe && !warmupUsedOcr ? await timed(() => checker.checkFile(ocrProbe.path)) : undefined;
  markRss('first OCR');

  // The checker keeps its detector to itself; a second one built the same way times detection alone.
  const detector = args.stages ? await createDetector(charter) : undefined;

  const measured: Measured[] = [];
  for (const [n, input] of set.inputs.entries()) {
    if (input.group === 'real' && set.inputs[n - 1]?.group !== 'real') markRss('synthetic pages');
    if (process.stderr.isTTY) process.stderr.write(`\r  ${n + 1}/${set.inputs.length} ${basename(input.path)}`.padEnd(72));
    // Counted within the group: logo pages and their twins alternate in the list.
    const order = measured.filter((m) => m.input.group === input.group).length;
    measured.push(await measure(checker, input, order, detector));
  }
  if (process.stderr.isTTY) process.stderr.write('\r'.padEnd(74) + '\r');
  markRss('all pages');
  const captureMs = new Map<string, number>();
  for (const [condition, files] of captures) {
    const walls: number[] = [];
    for (const file of files) walls.push((await timed(() => checker.checkFile(file))).wallMs);
    captureMs.set(condition, median(walls));
  }
  markRss('capture conditions');
  await checker.close();

  const of = (group: BenchGroup, format?: BenchFormat, label?: string) =>
    measured.filter((m) => m.input.group === group && (!format || m.input.format === format) && (!label || m.input.label === label));
  const perPage = (m: Measured[], pick: (x: Measured) => number) => m.map((x) => pick(x) / x.pages);
  const decodeWall = (m: Measured[]) => median(perPage(m, (x) => x.decode.wallMs));
  const checkWall = (m: Measured[]) => median(perPage(m, (x) => x.check.wallMs));
  const row = (name: string, m: Measured[]): string[] => {
    const check = perPage(m, (x) => x.check.wallMs);
    const decodeCpu = median(perPage(m, (x) => x.decode.cpuMs));
    const checkCpu = median(perPage(m, (x) => x.check.cpuMs));
    return [
      name,
      String(m.length),
      ms(decodeWall(m)),
      ...(args.stages ? [ms(median(perPage(m, (x) => x.detectMs ?? Number.NaN)))] : []),
      ms(median(check)),
      ms(quantile(check, 0.9)),
      ms(Math.max(...check)),
      times(median(check) / decodeWall(m)),
      ms(decodeCpu),
      ms(checkCpu),
      times(checkCpu / decodeCpu),
      String(m.reduce((s, x) => s + x.logos, 0)),
      String(m.filter((x) => x.ocr).length),
      String(Math.round(Math.max(...m.map((x) => x.peakRss)) / 2 ** 20)),
    ];
  };
  const formats: BenchFormat[] = ['png', 'jpeg', 'pdf-vector', 'pdf-image'];
  const rows: string[][] = [];
  for (const group of ['logo', 'no-logo'] as const) {
    rows.push(row(group, of(group)));
    for (const f of formats) if (of(group, f).length) rows.push(row(`  ${f}`, of(group, f)));
  }
  for (const v of VIOLATIONS) rows.push(row(`violation ${v}`, of('violation', undefined, v)));
  if (of('real').length) {
    rows.push(row('real PDF, page 1', of('real')));
    for (const m of of('real')) rows.push(row(`  ${m.input.label}`, [m]));
  }
  console.log(
    '\nms per page, medians unless said (decode = openDocument + renderPage; check = checker.checkFile' +
      (args.stages ? '; detect = grey + detector.detect on the decoded page, outside the check' : '') +
      ';\ncpu = CPU time of all threads; logos = logos found; ocr = files read by OCR; RSS = highest sampled while checking the group)\n',
  );
  const header = ['group', 'n', 'decode', ...(args.stages ? ['detect'] : []), 'check', 'p90', 'max', 'chk÷dec', 'cpu dec', 'cpu chk', 'cpu ÷', 'logos', 'ocr', 'RSS MiB'];
  console.log(table(header, rows));

  const errors = measured.filter((m) => m.error);
  if (errors.length) console.log(`\nunreadable:\n  ${errors.map((m) => `${basename(m.input.path)}: ${m.error}`).join('\n  ')}`);

  console.log('\nstartup and memory');
  console.log(`  createChecker (OpenCV + reference model): ${ms(startup.wallMs)} ms`);
  console.log(`  warm-up page: first check ${ms(warmFirst.wallMs)} ms, same page again ${ms(warmAgain.wallMs)} ms${warmupUsedOcr ? ' (read by OCR)' : ''}`);
  if (ocrCold && ocrProbe) {
    const warm = measured.find((m) => m.input === ocrProbe)!;
    const note = warm.ocr ? '' : ' — the page was not read by OCR, so this is not the worker start';
    console.log(`  first OCR page: ${ms(ocrCold.wallMs)} ms cold, ${ms(warm.check.wallMs)} ms warm → OCR worker start ≈ ${ms(ocrCold.wallMs - warm.check.wallMs)} ms${note}`);
  }
  console.log(`  RSS after ${rssMarks.map(([stage, bytes]) => `${stage} ${mib(bytes)}`).join(', ')}`);
  console.log(`  peak RSS: sampled ${mib(peakRss)}, maxRSS (kernel) ${mib(process.resourceUsage().maxRSS * 1024)}`);
  console.log(`  load average now ${load()} on ${cores} cores${loadavg()[0] > cores ? ': other processes shared the CPU, wall times are inflated; the cpu columns are less so' : ''}`);

  const logoPages = perPage(of('logo'), (x) => x.check.wallMs);
  const free = [...of('no-logo'), ...of('real')];
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const ratioOf = (m: Measured[]) => checkWall(m) / decodeWall(m);
  // Images decode in tens of ms and PDFs in hundreds, so a pooled median sits between two
  // clusters; the median of each page's own ratio is given beside it.
  const pageRatios = free.map((x) => x.check.wallMs / x.decode.wallMs);
  console.log('\ntargets');
  console.log(
    `  1. logo page median ${ms(median(logoPages))} ms, p90 ${ms(quantile(logoPages, 0.9))} ms, n=${logoPages.length} ` +
      `(target ≤ ${TARGET_LOGO_MS} ms): ${verdict(median(logoPages) <= TARGET_LOGO_MS)}`,
  );
  console.log(
    `  2. logo-free page check ÷ decode ${times(ratioOf(free))} = ${ms(checkWall(free))} ÷ ${ms(decodeWall(free))} ms, n=${free.length} ` +
      `(synthetic ${times(ratioOf(of('no-logo')))}, real ${times(ratioOf(of('real')))}; median of per-page ratios ${times(median(pageRatios))}, ` +
      `${pageRatios.filter((r) => r <= TARGET_RATIO).length}/${pageRatios.length} pages within) (target ≤ ${TARGET_RATIO}×): ${verdict(ratioOf(free) <= TARGET_RATIO)}`,
  );
  const withLogo = of('logo');
  const logoRatios = withLogo.map((x) => x.check.wallMs / x.decode.wallMs);
  console.log(
    `  2b. logo page check ÷ decode ${times(ratioOf(withLogo))} = ${ms(checkWall(withLogo))} ÷ ${ms(decodeWall(withLogo))} ms, n=${withLogo.length} ` +
      `(median of per-page ratios ${times(median(logoRatios))}, ${logoRatios.filter((r) => r <= TARGET_LOGO_RATIO).length}/${logoRatios.length} pages within) ` +
      `(target ≤ ${TARGET_LOGO_RATIO}×): ${verdict(ratioOf(withLogo) <= TARGET_LOGO_RATIO)}`,
  );
  const scanRatio = captureMs.get('scan')! / captureMs.get('clean')!;
  console.log(
    `  3. scanned page with a logo ÷ the same page clean ${times(scanRatio)} = ${ms(captureMs.get('scan')!)} ÷ ${ms(captureMs.get('clean')!)} ms ` +
      `(web ${ms(captureMs.get('web')!)} ms, phone photo ${ms(captureMs.get('photo')!)} ms; medians of ${captures.get('clean')!.length} files each) ` +
      `(target ≤ ${TARGET_SCAN_RATIO}×): ${verdict(scanRatio <= TARGET_SCAN_RATIO)}`,
  );
  console.log(`\nbench took ${(performance.now() / 1000).toFixed(0)} s`);
} finally {
  if (args.keep) console.log(`kept ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}
