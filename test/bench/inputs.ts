// The benchmark's input files, written into a temporary folder at every run. Each logo page has a
// twin drawn from the same seed and layout without the logo, so the two groups differ by the logo
// alone and "check ÷ decode" on the twins says what looking for a logo costs on a page without one.
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { DEFAULT_CORPUS } from '../synth/generate.ts';
import { CHARTER } from '../synth/logo.ts';
import { availablePhotos, buildPdf, designPage, encodePage, LAYOUTS, type PageDesign, type PdfLogoMode } from '../synth/page.ts';
import { hashSeed, Rng } from '../synth/random.ts';
import { sampleLogo, type ViolationId } from '../synth/violations.ts';

export type BenchGroup = 'logo' | 'no-logo' | 'violation' | 'real';
export type BenchFormat = 'png' | 'jpeg' | 'pdf-vector' | 'pdf-image' | 'pdf';

export interface BenchInput {
  path: string;
  group: BenchGroup;
  format: BenchFormat;
  /** Violation class, or the corpus file a real page comes from. */
  label?: string;
}

export interface BenchSetOptions {
  dir: string;
  seed: number;
  /** Logo files per format family (PNG, JPEG, PDF); as many logo-free twins. */
  perFormat: number;
  /** Files per violation class. */
  perViolation: number;
  violations: ViolationId[];
  /** Real documents whose first page is benchmarked; missing ones are skipped. */
  realPdfs: string[];
  corpusDir?: string;
  concurrency?: number;
}

export interface BenchSet {
  inputs: BenchInput[];
  /** A compliant vector-PDF page used only to warm the checker up. */
  warmup: string;
  /** Real documents that were asked for but could not be used, with why. */
  skipped: string[];
}

const FAMILIES = ['png', 'jpeg', 'pdf'] as const;

// Alternating the PDF logo mode keeps both pdf.js paths (vector fill, image draw) in the median.
const formatOf = (family: (typeof FAMILIES)[number], i: number): BenchFormat =>
  family === 'pdf' ? (i % 2 === 0 ? 'pdf-vector' : 'pdf-image') : family;

const EXTENSION: Record<BenchFormat, string> = { png: 'png', jpeg: 'jpg', 'pdf-vector': 'pdf', 'pdf-image': 'pdf', pdf: 'pdf' };

async function encode(design: PageDesign, format: BenchFormat, seed: number): Promise<Uint8Array> {
  if (format === 'png' || format === 'jpeg') return encodePage(design, format, { quality: 85 });
  const logoMode: PdfLogoMode = format === 'pdf-image' ? 'image' : 'vector';
  // A date inside the operation's period keeps the validity rule quiet on compliant pages.
  return buildPdf([design], { title: `bench ${seed}`, created: new Date('2008-03-01T10:00:00Z'), logoMode });
}

async function pool<T>(items: T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** The first page of a real PDF on its own, so that checking it renders one page, as decoding it does. */
async function firstPageOf(source: string, target: string): Promise<void> {
  const src = await PDFDocument.load(await readFile(source), { ignoreEncryption: true, updateMetadata: false });
  const out = await PDFDocument.create({ updateMetadata: false });
  const [page] = await out.copyPages(src, [0]);
  out.addPage(page);
  await writeFile(target, await out.save());
}

export async function writeBenchSet(options: BenchSetOptions): Promise<BenchSet> {
  const corpusDir = options.corpusDir ?? DEFAULT_CORPUS;
  const photos = availablePhotos(corpusDir);
  const jobs: Array<{ input: BenchInput; design: () => PageDesign; seed: number }> = [];
  const pad = (n: number) => String(n).padStart(3, '0');

  for (const family of FAMILIES) {
    for (let i = 0; i < options.perFormat; i++) {
      const seed = hashSeed(options.seed, family, i);
      const layout = LAYOUTS[i % LAYOUTS.length];
      const format = formatOf(family, i);
      const logo = sampleLogo('compliant', new Rng(seed).fork('logo'), { charter: CHARTER });
      const name = `${family}-${pad(i)}-${layout}`;
      jobs.push({
        input: { path: join(options.dir, `${name}-logo.${EXTENSION[format]}`), group: 'logo', format },
        design: () => designPage(new Rng(seed), { logos: [logo], layout, photos }),
        seed,
      });
      jobs.push({
        input: { path: join(options.dir, `${name}-none.${EXTENSION[format]}`), group: 'no-logo', format },
        design: () => designPage(new Rng(seed), { layout, photos }),
        seed,
      });
    }
  }
  for (const id of options.violations) {
    for (let i = 0; i < options.perViolation; i++) {
      const seed = hashSeed(options.seed, id, i);
      const format = formatOf(FAMILIES[i % FAMILIES.length], Math.floor(i / FAMILIES.length));
      const logo = sampleLogo(id, new Rng(seed).fork('logo'), { charter: CHARTER });
      jobs.push({
        input: { path: join(options.dir, `${id}-${pad(i)}.${EXTENSION[format]}`), group: 'violation', format, label: id },
        design: () => designPage(new Rng(seed), { logos: [logo], layout: LAYOUTS[i % LAYOUTS.length], photos }),
        seed,
      });
    }
  }
  const warmSeed = hashSeed(options.seed, 'warmup');
  const warmup = join(options.dir, 'warmup.pdf');
  const warmLogo = sampleLogo('compliant', new Rng(warmSeed).fork('logo'), { charter: CHARTER });
  jobs.push({
    input: { path: warmup, group: 'logo', format: 'pdf-vector' },
    design: () => designPage(new Rng(warmSeed), { logos: [warmLogo], layout: 'text', photos }),
    seed: warmSeed,
  });

  await pool(jobs, options.concurrency ?? 2, async (job) => {
    await writeFile(job.input.path, await encode(job.design(), job.input.format, job.seed));
  });

  const inputs = jobs.filter((j) => j.input.path !== warmup).map((j) => j.input);
  const skipped: string[] = [];
  for (const file of options.realPdfs) {
    const source = join(corpusDir, 'pdf', file);
    if (!existsSync(source)) {
      skipped.push(`${file}: not in ${join(corpusDir, 'pdf')}`);
      continue;
    }
    const target = join(options.dir, `real-${file}`);
    try {
      await firstPageOf(source, target);
      inputs.push({ path: target, group: 'real', format: 'pdf', label: file });
    } catch (err) {
      skipped.push(`${file}: pdf-lib cannot copy its first page (${(err as Error).message})`);
    }
  }
  return { inputs, warmup, skipped };
}

// bench.ts runs this file as a child process (see writeBenchSetApart there).
if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename && process.send) {
  const set = await writeBenchSet(JSON.parse(process.argv[2]) as BenchSetOptions);
  process.send(set, () => process.disconnect());
}
