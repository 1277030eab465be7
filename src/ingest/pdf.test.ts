import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { degrees, PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BBox, Page } from '../types.ts';
import { trianglesPdf } from '../../test/batch/triangles.ts';
import { IngestError } from './errors.ts';
import { openDocument } from './open.ts';
import { MAX_PAGE_OPERATIONS } from './pdf.ts';

const A4: [number, number] = [595.28, 841.89];
const CREATED = new Date('2024-03-15T10:30:00Z');
const MODIFIED = new Date('2024-04-01T08:00:00Z');

let dir: string;
let brochure: string;
let textWidthPt: number;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logo-check-ingest-pdf-'));
  // Page 1: one line of a standard font; page 2: the same, on a page turned a quarter.
  const pdf = await PDFDocument.create();
  const helvetica = await pdf.embedFont(StandardFonts.Helvetica);
  textWidthPt = helvetica.widthOfTextAtSize('offre référencée', 24);
  pdf.addPage(A4).drawText('offre référencée', { x: 72, y: 700, size: 24, font: helvetica });
  const turned = pdf.addPage(A4);
  turned.setRotation(degrees(90));
  turned.drawText('deuxième page', { x: 72, y: 700, size: 24, font: helvetica });
  pdf.setCreationDate(CREATED);
  pdf.setModificationDate(MODIFIED);
  brochure = await file('brochure.pdf', await pdf.save());
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

/** Smallest box holding every pixel darker than mid-grey, or null on a blank page. */
function inkBox(page: Page): BBox | null {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -1, -1];
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      if (page.rgba[(y * page.width + x) * 4]! < 128) {
        x0 = Math.min(x0, x);
        y0 = Math.min(y0, y);
        x1 = Math.max(x1, x);
        y1 = Math.max(y1, y);
      }
    }
  }
  return x1 < 0 ? null : [x0, y0, x1 - x0 + 1, y1 - y0 + 1];
}

function expectBoxAround(outer: BBox, inner: BBox, slack: number): void {
  expect(outer[0]).toBeLessThanOrEqual(inner[0] + slack);
  expect(outer[1]).toBeLessThanOrEqual(inner[1] + slack);
  expect(outer[0] + outer[2]).toBeGreaterThanOrEqual(inner[0] + inner[2] - slack);
  expect(outer[1] + outer[3]).toBeGreaterThanOrEqual(inner[1] + inner[3] - slack);
}

describe('PDF', () => {
  it('opens with its page count and the Info dictionary dates', async () => {
    const doc = await openDocument(brochure);
    try {
      expect(doc.kind).toBe('pdf');
      expect(doc.pageCount).toBe(2);
      expect(doc.metadata).toEqual({ created: CREATED, modified: MODIFIED });
    } finally {
      await doc.close();
    }
  });

  it('renders a page at 150 dpi by default, standard-font text in dark ink on white', async () => {
    const doc = await openDocument(brochure);
    try {
      const page = await doc.renderPage(1);
      expect([page.index, page.dpi, page.width, page.height]).toEqual([1, 150, 1240, 1754]);
      expect(page.rgba).toBeInstanceOf(Uint8Array);
      expect(page.rgba.byteLength).toBe(page.width * page.height * 4);
      expect([...page.rgba.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
      const ink = inkBox(page);
      expect(ink, 'the standard font must render').not.toBeNull();
      // Baseline 700 pt up from the bottom: (841.89 - 700) × 150/72 ≈ 296 px down; cap height of 24 pt ≈ 36 px.
      expect(ink![1]).toBeGreaterThan(240);
      expect(ink![1] + ink![3]).toBeLessThan(310);
      expect(ink![0]).toBeGreaterThanOrEqual(148);
    } finally {
      await doc.close();
    }
  });

  it('places the text layer in raster pixels, over the ink', async () => {
    const doc = await openDocument(brochure);
    try {
      const page = await doc.renderPage(1);
      expect(page.textRuns.map((r) => r.text)).toEqual(['offre référencée']);
      const [x, y, w, h] = page.textRuns[0]!.bbox;
      const scale = 150 / 72;
      expect(x).toBeCloseTo(72 * scale, -1);
      expect(w).toBeCloseTo(textWidthPt * scale, -1);
      // From the font's ascent above the baseline to its descent below: about one em (24 pt).
      expect(h).toBeGreaterThan(0.9 * 24 * scale);
      expect(h).toBeLessThan(1.4 * 24 * scale);
      expectBoxAround([x, y, w, h], inkBox(page)!, 2);
    } finally {
      await doc.close();
    }
  });

  it('follows page rotation in both pixels and text boxes', async () => {
    const doc = await openDocument(brochure, { dpi: 72 });
    try {
      const page = await doc.renderPage(2);
      // Landscape: the page is shown turned 90°.
      expect([page.width, page.height]).toEqual([842, 595]);
      expect(page.textRuns.map((r) => r.text)).toEqual(['deuxième page']);
      const box = page.textRuns[0]!.bbox;
      // The text now runs down the page: its box is taller than wide.
      expect(box[3]).toBeGreaterThan(box[2]);
      expectBoxAround(box, inkBox(page)!, 2);
    } finally {
      await doc.close();
    }
  });

  it('renders at a lower dpi rather than exceed maxPixels, and says which', async () => {
    const doc = await openDocument(brochure, { maxPixels: 100_000 });
    try {
      const page = await doc.renderPage(1);
      expect(page.width * page.height).toBeLessThanOrEqual(100_000);
      expect(page.dpi).toBeLessThan(150);
      expect(page.width).toBeCloseTo((A4[0] * page.dpi!) / 72, -1);
      expect(inkBox(page)).not.toBeNull();
    } finally {
      await doc.close();
    }
  });

  it('gives up on a page that renders longer than timeoutMs', async () => {
    const pdf = await PDFDocument.create();
    const busy = pdf.addPage(A4);
    for (let i = 0; i < 5_000; i++) {
      busy.drawCircle({ x: (i * 7) % 595, y: (i * 13) % 842, size: 3, color: rgb(0, 0, (i % 255) / 255) });
    }
    const doc = await openDocument(await file('busy.pdf', await pdf.save()), { timeoutMs: 1 });
    try {
      const error = await doc.renderPage(1).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(IngestError);
      expect(error).toMatchObject({ code: 'timeout', message: 'The file took longer than 0.001 s to render its page 1; simplify the page or render it at a lower dpi.' });
    } finally {
      await doc.close();
    }
  });

  it(
    'refuses a page of a million vector triangles as too-complex, and still renders the other pages',
    async () => {
      const pdf = await PDFDocument.load(await trianglesPdf(1_000_000));
      pdf.addPage(A4).drawText('page ordinaire', { x: 72, y: 700, size: 24, font: await pdf.embedFont(StandardFonts.Helvetica) });
      const doc = await openDocument(await file('triangles.pdf', await pdf.save()));
      try {
        const error = await doc.renderPage(1).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(IngestError);
        expect(error).toMatchObject({ code: 'too-complex', message: expect.stringMatching(new RegExp(`^The file has more than ${MAX_PAGE_OPERATIONS.toLocaleString('en')} drawing operations .* on its page 1, too many to check;`)) });
        expect((error as IngestError).messages.fr).toMatch(new RegExp(`^Le fichier a plus de ${MAX_PAGE_OPERATIONS.toLocaleString('fr')} opérations de dessin .* sur sa page 1, trop pour la vérifier ;`));
        const ordinary = await doc.renderPage(2);
        expect(ordinary.textRuns.map((run) => run.text)).toEqual(['page ordinaire']);
      } finally {
        await doc.close();
      }
    },
    60_000,
  );

  it('rejects page numbers outside the document and use after close', async () => {
    const doc = await openDocument(brochure);
    await expect(doc.renderPage(0)).rejects.toThrow(RangeError);
    await expect(doc.renderPage(3)).rejects.toThrow(RangeError);
    await doc.close();
    await expect(doc.renderPage(1)).rejects.toThrow(/after close/);
    await doc.close();
  });

  it('reports a broken PDF as corrupt', async () => {
    const path = await file('broken.pdf', '%PDF-1.4\nthis is not a PDF body\n');
    await expect(openDocument(path)).rejects.toMatchObject({ name: 'IngestError', code: 'corrupt', file: path });
  });

  // pdf.js prefetches the page dictionaries listed in /Kids and leaves those it does not reach
  // rejected and unawaited; without the catch the rejection ends the process.
  describe('damage pdf.js meets in promises nobody awaits', () => {
    /** Three one-word pages, each object at the offset its xref entry gives. */
    async function threePages(): Promise<{ text: string; pageObjects: number[] }> {
      const pdf = await PDFDocument.create();
      const font = await pdf.embedFont(StandardFonts.Helvetica);
      for (const word of ['un', 'deux', 'trois']) pdf.addPage([200, 200]).drawText(word, { x: 20, y: 100, size: 20, font });
      const text = Buffer.from(await pdf.save({ useObjectStreams: false })).toString('latin1');
      return { text, pageObjects: pdf.getPages().map((p) => p.ref.objectNumber) };
    }

    it('reports as corrupt a PDF whose first two page objects are garbage, unheard by unhandledRejection listeners', async () => {
      const { text, pageObjects } = await threePages();
      let damaged = text;
      for (const n of pageObjects.slice(0, 2)) {
        // Same length, so every other offset in the xref stays right.
        damaged = damaged.replace(`\n${n} 0 obj\n<<`, `\n${n} 0 obj\n))`);
      }
      expect(damaged).not.toBe(text);
      const path = await file('garbage-pages.pdf', Buffer.from(damaged, 'latin1'));
      // OpenCV's WebAssembly glue listens like this and aborts the process on whatever it hears.
      const heard: unknown[] = [];
      const listener = (reason: unknown): number => heard.push(reason);
      process.on('unhandledRejection', listener);
      try {
        await expect(openDocument(path)).rejects.toMatchObject({
          name: 'IngestError',
          code: 'corrupt',
          message: expect.stringContaining('Illegal character: 41'),
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
      } finally {
        process.off('unhandledRejection', listener);
      }
      expect(heard).toEqual([]);
    });

    it('reports as corrupt a PDF whose xref points past the end for two pages', async () => {
      const { text, pageObjects } = await threePages();
      const xref = text.lastIndexOf('\nxref\n');
      const pastEnd = String(text.length + 100_000).padStart(10, '0');
      let object = -1;
      const table = text
        .slice(xref)
        .split('\n')
        .map((line) => {
          if (!/^\d{10} \d{5} [nf]/.test(line)) return line;
          object++;
          return pageObjects.slice(1).includes(object) ? pastEnd + line.slice(10) : line;
        })
        .join('\n');
      const path = await file('xref-past-end.pdf', Buffer.from(text.slice(0, xref) + table, 'latin1'));
      await expect(openDocument(path)).rejects.toMatchObject({
        name: 'IngestError',
        code: 'corrupt',
        message: expect.stringContaining('Bad (uncompressed) XRef entry'),
      });
    });

    it('still opens and renders the intact three pages', async () => {
      const doc = await openDocument(await file('three-pages.pdf', Buffer.from((await threePages()).text, 'latin1')), { dpi: 36 });
      try {
        for (let index = 1; index <= 3; index++) expect((await doc.renderPage(index)).width).toBe(100);
      } finally {
        await doc.close();
      }
    });
  });

  it('falls back to the XMP CreateDate when the Info dictionary has none', async () => {
    const pdf = await PDFDocument.create({ updateMetadata: false });
    pdf.addPage(A4);
    const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
      + '<rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreateDate="2022-06-07T08:09:10+02:00"/></rdf:RDF></x:xmpmeta>';
    const stream = pdf.context.stream(xmp, { Type: 'Metadata', Subtype: 'XML' });
    pdf.catalog.set(pdf.context.obj('Metadata'), pdf.context.register(stream));
    const doc = await openDocument(await file('xmp.pdf', await pdf.save()));
    try {
      expect(doc.metadata).toEqual({ created: new Date('2022-06-07T06:09:10Z') });
    } finally {
      await doc.close();
    }
  });
});
