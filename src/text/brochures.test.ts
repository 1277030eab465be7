// French offer brochures made here, with every documentation item present or some missing, in a
// text layer or only drawn (a scan), checked by the real checker from file to findings.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawLogo } from '../artwork/draw.ts';
import { loadCharter } from '../charter/load.ts';
import { createChecker, type Checker } from '../check.ts';
import { openDocument } from '../ingest/index.ts';
import type { Charter, FileResult } from '../types.ts';

const COMPLETE = [
  'Pack Sérénité TPE – offre de base',
  "Installation et mise en service de votre poste : 350 € HT, durée d'intervention 2 heures.",
  'Frais de déplacement : 0,40 € par km au-delà de 20 km.',
  'En option : sauvegarde en ligne, 9,90 € HT par mois.',
  "Garantie pièces et main-d'œuvre 3 ans. Toute heure commencée est due.",
];

/** Only prices and the base offer; and the operation's name written from memory. */
const THIN = [
  'Offre de base : votre site vitrine à 990 € TTC.',
  'Partenaire « Entrepreneurs, faites le choix du numérique » depuis 2007.',
];

let dir: string;
let charter: Charter;
let logoPng: Buffer;
const checkers: Checker[] = [];

async function brochure(name: string, lines: string[], withLogo: boolean): Promise<string> {
  const pdf = await PDFDocument.create();
  pdf.setCreationDate(new Date('2008-03-01T10:00:00Z'));
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const page = pdf.addPage([595, 842]);
  lines.forEach((line, i) => page.drawText(line, { x: 50, y: 780 - i * 22, size: 12, font }));
  if (withLogo) page.drawImage(await pdf.embedPng(logoPng), { x: 150, y: 200, width: 300, height: 112.5 });
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, await pdf.save());
  return file;
}

/** The brochure as a scanner gives it: the page's pixels, no text layer. */
async function scan(pdfFile: string): Promise<string> {
  const doc = await openDocument(pdfFile, { dpi: 200 });
  const page = await doc.renderPage(1);
  await doc.close();
  const file = pdfFile.replace(/\.pdf$/, '.png');
  await sharp(page.rgba, { raw: { width: page.width, height: page.height, channels: 4 } }).png().toFile(file);
  return file;
}

async function checker(documentation: boolean): Promise<Checker> {
  const c = await createChecker({ charter, lang: 'fr', ...(documentation && { documentation: true }) });
  checkers.push(c);
  return c;
}

const ruleFindings = (result: FileResult, rule: string) => result.findings.filter((f) => f.rule === rule);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logo-check-brochures-'));
  charter = await loadCharter();
  const badge = charter.badges.find((b) => b.id === 'centre-competence-tpe')!;
  logoPng = await sharp(Buffer.from(drawLogo(charter, { badgeText: badge.text }))).resize({ width: 1200 }).png().toBuffer();
}, 60_000);

afterAll(async () => {
  for (const c of checkers) await c.close();
  await rm(dir, { recursive: true, force: true });
});

describe('offer documentation in brochures', () => {
  it('a brochure with the logo and every item: no documentation finding', async () => {
    const result = await (await checker(false)).checkFile(await brochure('complete', COMPLETE, true));
    expect(result.pages[0].logos).toHaveLength(1);
    expect(ruleFindings(result, 'documentation')).toEqual([]);
    expect(ruleFindings(result, 'name-text')).toEqual([]);
  }, 120_000);

  it('a brochure with the logo and few items: the missing ones listed, the name quoted altered', async () => {
    const result = await (await checker(false)).checkFile(await brochure('thin', THIN, true));
    const [doc] = ruleFindings(result, 'documentation');
    expect(doc.article).toBe('Annex 2.2');
    expect(doc.severity).toBe('warning');
    expect(doc.data?.missing).toEqual(['extra-costs', 'duration', 'options', 'guarantee', 'base-unit']);
    expect(doc.data?.found).toEqual([
      { item: 'prices', page: 1, quote: 'votre site vitrine à 990 € TTC' },
      { item: 'base-offers', page: 1, quote: 'Offre de base : votre site vitrine à 990 €' },
    ]);
    const names = ruleFindings(result, 'name-text');
    expect(names.map((f) => [f.article, f.measured])).toEqual([['Article II', 'Entrepreneurs, faites le choix du numérique']]);
  }, 120_000);

  it('without the logo, the documentation is judged only when asked', async () => {
    const file = await brochure('thin-no-logo', THIN, false);
    expect((await (await checker(false)).checkFile(file)).findings).toEqual([]);
    const asked = await (await checker(true)).checkFile(file);
    expect(ruleFindings(asked, 'documentation')[0].data?.missing).toEqual(['extra-costs', 'duration', 'options', 'guarantee', 'base-unit']);
  }, 120_000);

  it('a scanned brochure is read by OCR when asked, each item found quoted with its page', async () => {
    const file = await scan(await brochure('thin-scan', THIN, false));
    const result = await (await checker(true)).checkFile(file);
    const [doc] = ruleFindings(result, 'documentation');
    expect(doc.data?.missing).toEqual(['extra-costs', 'duration', 'options', 'guarantee', 'base-unit']);
    expect((doc.data?.found as Array<{ item: string; page: number }>).map((f) => [f.item, f.page])).toEqual([
      ['prices', 1],
      ['base-offers', 1],
    ]);
    expect(ruleFindings(result, 'name-text').map((f) => f.severity)).toEqual(['warning']);
  }, 180_000);

  it("a scanned brochure with the logo: the logo's words are blanked before OCR, not taken for the name", async () => {
    const file = await scan(await brochure('complete-scan', COMPLETE, true));
    const result = await (await checker(true)).checkFile(file);
    expect(result.pages[0].logos).toHaveLength(1);
    expect(ruleFindings(result, 'name-text')).toEqual([]);
    expect(ruleFindings(result, 'documentation')).toEqual([]);
  }, 180_000);
});
