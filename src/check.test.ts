// The checker as a batch uses it: rules that judge the document (its date, Article IX) apply only
// to documents that show the logo.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker } from './check.ts';
import { loadCharter } from './charter/load.ts';
import { logoSpec, writeSingleLogoPage } from '../test/synth/single.ts';

const SAMPLES = join(import.meta.dirname, '../samples');

// One checker with the default options, and one folder for the files the tests write, shared by
// the file's tests (those that need other limits make their own).
let checker: Checker;
let dir: string;
beforeAll(async () => {
  checker = await createChecker({ charter: await loadCharter(), lang: 'en' });
  dir = await mkdtemp(join(tmpdir(), 'logo-check-checker-'));
}, 60_000);
afterAll(async () => {
  await checker?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('document rules', () => {
  it('a PDF without the logo, created after the operation ended, passes with no finding', async () => {
    const doc = await PDFDocument.create();
    doc.setCreationDate(new Date('2015-03-02T10:00:00Z'));
    const page = doc.addPage([595, 842]);
    page.drawText('Tarifs 2015 — maintenance informatique', { x: 60, y: 760, size: 18, font: await doc.embedFont(StandardFonts.Helvetica) });
    const file = join(dir, 'tarifs-2015.pdf');
    await writeFile(file, await doc.save());

    const result = await checker.checkFile(file);
    expect(result.pages.map((p) => p.logos.length)).toEqual([0]);
    expect(result.date).toBe('2015-03-02T10:00:00.000Z');
    expect(result.findings).toEqual([]);
    expect(result.status).toBe('pass');
  }, 60_000);

  it('the same date on a document with the logo is a validity error', async () => {
    const result = await checker.checkFile(join(SAMPLES, 'brochure-2010.pdf'));
    expect(result.pages.some((p) => p.logos.length > 0)).toBe(true);
    expect(result.findings.map((f) => f.rule)).toEqual(['validity']);
    expect(result.status).toBe('fail');
  }, 60_000);
});

describe('limits of one file', () => {
  let limited: Checker;
  beforeAll(async () => {
    limited = await createChecker({ charter: await loadCharter(), lang: 'en', limits: { maxFileBytes: 1_000_000, maxPages: 2 } });
  }, 60_000);
  afterAll(async () => {
    await limited?.close();
  });

  it('refuses a file larger than maxFileBytes before reading it, with code too-large', async () => {
    const file = join(SAMPLES, 'brochure-2010.pdf');
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(file));
    const small = await createChecker({ charter: await loadCharter(), lang: 'fr', limits: { maxFileBytes: size - 1 } });
    try {
      const result = await small.checkFile(file);
      expect(result).toMatchObject({ status: 'error', error: { code: 'too-large' }, pages: [] });
      expect(result.error!.message).toBe(`Le fichier fait 0,4 Mo, plus que la limite de 0,4 Mo ; compressez-le ou découpez-le.`);
    } finally {
      await small.close();
    }
  }, 60_000);

  it('refuses a document with more pages than maxPages, with code too-large', async () => {
    const result = await limited.checkFile(join(SAMPLES, 'brochure-2010.pdf'));
    expect(result).toMatchObject({ status: 'error', error: { code: 'too-large', message: 'The document has 3 pages, more than the limit of 2; split it.' } });
  }, 60_000);

  it('checks a document within the limits as usual', async () => {
    expect((await limited.checkFile(join(SAMPLES, 'flyer-conforme.png'))).status).toBe('pass');
  }, 60_000);
});

describe('which shapes are taken for the logo', () => {
  it('a logo cut in half by the page edge, its arrow also removed, is found from its @ and the slivers of its texts', async () => {
    const file = join(dir, 'cut-without-arrow.png');
    // The left 48 % of the logo at the page's right edge: the @ whole, a tenth or so of each text.
    await writeSingleLogoPage(logoSpec(240, { violation: 'missing-arrow', omit: ['arrow'] }), file, { size: [600, 400], shownFraction: 0.48 });
    const result = await checker.checkFile(file);
    const logos = result.pages.flatMap((p) => p.logos);
    expect(logos).toHaveLength(1);
    const rules = logos[0].findings.filter((f) => f.severity === 'error').map((f) => f.rule).sort();
    expect(rules).toEqual(['cropped', 'missing-element']);
  }, 60_000);
});

describe('logos that hold fewer clues', () => {
  const errorRules = (result: Awaited<ReturnType<Checker['checkFile']>>) =>
    result.pages.flatMap((p) => p.logos).map((logo) => [...new Set(logo.findings.filter((f) => f.severity === 'error').map((f) => f.rule))].sort());

  it('a logo whose @ the page edge cut off and whose tagline was reworded is found upright, with both findings', async () => {
    const file = join(dir, 'cut-reworded.png');
    // Its right 63 %: the badge whole, the tagline lacking its last word, nothing of the @.
    const spec = logoSpec(215, { violation: 'tagline-text', taglineLines: ['Entrepreneurs', 'faites le choix de', "l'économie"] });
    await writeSingleLogoPage(spec, file, { size: [600, 400], shownFraction: 0.63, cutSide: 'left' });
    const result = await checker.checkFile(file);
    expect(result.pages[0].logos.map((l) => l.measurement.detection.mirrored)).toEqual([false]);
    expect(errorRules(result)).toEqual([['cropped', 'tagline-text']]);
  }, 60_000);

  it('an inverted logo on a scan reads its badge from the artwork: its colours are the only error', async () => {
    const drawn = join(dir, 'inverted.png');
    await writeSingleLogoPage(logoSpec(250, { violation: 'colour-invert', colourOp: 'invert', variant: 'centre-competence-tpe', badgeText: 'centre de compétence TPE' }), drawn, { size: [600, 400], at: [170, 130] });
    const file = join(dir, 'inverted-scan.jpg');
    await sharp(drawn).blur(1.1).jpeg({ quality: 50 }).toFile(file);
    const result = await checker.checkFile(file);
    const [logo] = result.pages[0].logos;
    expect(logo.measurement.badge).toMatchObject({ source: 'artwork', match: 'centre-competence-tpe' });
    expect(errorRules(result)).toEqual([['colour']]);
  }, 60_000);
});
