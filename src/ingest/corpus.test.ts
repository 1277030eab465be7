// Real-world and hostile files from /work/shared/corpus (see its SOURCES.md), read in place: the
// corpus is not ours to redistribute, so it never enters the repository and these tests skip
// where it is absent.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from '../types.ts';
import { IngestError, type IngestErrorCode } from './errors.ts';
import type { IngestOptions } from './options.ts';
import { openDocument } from './open.ts';

const corpusDir = '/work/shared/corpus';
const filesIn = (folder: string): string[] => (existsSync(join(corpusDir, folder)) ? readdirSync(join(corpusDir, folder)).sort() : []);

// Rendering PDFs at 50 dpi keeps the run short; a page is still drawn completely.
const TEST_DPI = 50;
const SLOW_FILE_MS = 30_000;

type Outcome = 'renders' | IngestErrorCode;

/** Opens a file and renders its first page; any failure other than an IngestError fails the test. */
async function outcome(path: string, options: IngestOptions = {}): Promise<{ outcome: Outcome; page?: Page; pageCount?: number; error?: IngestError }> {
  try {
    const doc = await openDocument(path, { dpi: TEST_DPI, ...options });
    try {
      const page = await doc.renderPage(1);
      return { outcome: 'renders', page, pageCount: doc.pageCount };
    } finally {
      await doc.close();
    }
  } catch (err) {
    if (err instanceof IngestError) return { outcome: err.code, error: err };
    throw err;
  }
}

function expectWellFormed(page: Page): void {
  expect(page.index).toBe(1);
  expect(page.width).toBeGreaterThan(0);
  expect(page.height).toBeGreaterThan(0);
  expect(page.rgba).toBeInstanceOf(Uint8Array);
  expect(page.rgba.byteLength).toBe(page.width * page.height * 4);
}

function hasInk(page: Page): boolean {
  return page.rgba.some((v) => v !== 255);
}

function pixel(page: Page, x: number, y: number): number[] {
  const at = (y * page.width + x) * 4;
  return [...page.rgba.subarray(at, at + 4)];
}

/** What each hostile file does, and why that is the right answer. */
const HOSTILE: Record<string, Outcome> = {
  '65536-uint32-limit.png': 'too-large', // 4.29 Gpixel PNG bomb, refused from its header
  'AppleDouble_conference_a_l_ecole_42.pdf': 'unsupported-format', // macOS "._" metadata, not a PDF
  'Brotli-Prototype-FileA.pdf': 'renders', // pdf.js decodes BrotliDecode
  'ContentStreamCycleType3insideType3.pdf': 'renders', // pdf.js breaks the Type3 cycle
  'PDFBOX-3148-2-fuzzed.pdf': 'renders', // damaged content, structure recoverable
  'Pages-tree-refs.pdf': 'renders', // pdf.js detects the page-tree cycle
  'REDHAT-1531897-0.pdf': 'corrupt', // no usable Root
  'bomb_giant.pdf': 'renders', // 100000² JBIG2 images skipped by maxImageSize, the text still drawn
  'bug1020226.pdf': 'corrupt', // 184 bytes cut inside a dictionary
  'bug1980958.pdf': 'renders', // INT32_MAX object number, a tiny blank page
  'corrupt-header.jpg': 'corrupt', // EXIF segment runs past the end, no image data
  'empty_protected.pdf': 'renders', // empty user password opens it
  'giant-image.jpg': 'too-large', // 280 Mpixel, refused from its header
  'issue6069.pdf': 'renders', // junk before %PDF and an empty startxref are tolerated
  'poppler-85140-0.pdf': 'renders', // its absurd /Count is not believed
  'saslprep-r6.pdf': 'encrypted', // needs its password (see below)
  'scan-bad.pdf': 'renders', // xref rebuilt, truncated scan drawn as far as it goes
  'testimgl.jpg': 'renders', // lossless JPEG (SOF3): libjpeg-turbo decodes it
  'truncated.jpg': 'corrupt',
  'truncated.png': 'corrupt',
};

describe.skipIf(!existsSync(corpusDir))('corpus', () => {
  describe('images/: every file opens and renders page 1', () => {
    it.each(filesIn('images'))('%s', async (name) => {
      const { outcome: result, page } = await outcome(join(corpusDir, 'images', name));
      expect(result).toBe('renders');
      expectWellFormed(page!);
      expect(hasInk(page!)).toBe(true);
    });

    it('turns Landscape_6.jpg (EXIF orientation 6, stored 450 × 600) upright', async () => {
      const { page } = await outcome(join(corpusDir, 'images', 'Landscape_6.jpg'));
      expect([page!.width, page!.height]).toEqual([600, 450]);
    });

    it('shows the primary item of pitm.avif, the 4096 × 800 grid, not its first tile', async () => {
      const { page } = await outcome(join(corpusDir, 'images', 'pitm.avif'));
      expect([page!.width, page!.height]).toEqual([4096, 800]);
    });

    it('gives G31D_MULTI.TIF its two pages', async () => {
      const doc = await openDocument(join(corpusDir, 'images', 'G31D_MULTI.TIF'));
      try {
        expect(doc.pageCount).toBe(2);
        const second = await doc.renderPage(2);
        expect([second.index, second.dpi]).toEqual([2, 300]);
      } finally {
        await doc.close();
      }
    });

    it('converts the FOGRA39 CMYK TIFF (0/100/100/0) to an sRGB red', async () => {
      const { page } = await outcome(join(corpusDir, 'images', 'fogra-0-100-100-0.tif'));
      const [r, g, b] = pixel(page!, 500, 500);
      expect(r).toBeGreaterThan(200);
      expect(g).toBeLessThan(60);
      expect(b).toBeLessThan(60);
    });
  });

  describe(`pdf/: every file opens and renders page 1 at ${TEST_DPI} dpi`, () => {
    it.each(filesIn('pdf'))(
      '%s',
      async (name) => {
        const { outcome: result, page, pageCount } = await outcome(join(corpusDir, 'pdf', name));
        expect(result).toBe('renders');
        expect(pageCount).toBeGreaterThanOrEqual(1);
        expectWellFormed(page!);
        expect(page!.dpi).toBe(TEST_DPI);
        expect(hasInk(page!)).toBe(true);
      },
      SLOW_FILE_MS,
    );

    it('reads the French text layer of 160F-2019.pdf', async () => {
      const { page } = await outcome(join(corpusDir, 'pdf', '160F-2019.pdf'));
      const text = page!.textRuns.map((r) => r.text).join(' ');
      expect(text).toContain('modèle 160');
      for (const { bbox } of page!.textRuns) {
        expect(bbox[0]).toBeGreaterThan(-page!.width);
        expect(bbox[1]).toBeGreaterThan(-page!.height);
        expect(bbox[2]).toBeGreaterThanOrEqual(0);
        expect(bbox[3]).toBeGreaterThan(0);
      }
    });
  });

  describe('hostile/: each file renders or fails with the IngestError it deserves', () => {
    it('has an expectation for every file', () => {
      expect(filesIn('hostile')).toEqual(Object.keys(HOSTILE).sort());
    });

    it.each(filesIn('hostile'))(
      '%s',
      async (name) => {
        const path = join(corpusDir, 'hostile', name);
        const { outcome: result, page, error } = await outcome(path);
        expect(result).toBe(HOSTILE[name]);
        if (page) expectWellFormed(page);
        // A partner reads the message beside the file's name, in the report's language: a
        // sentence of its own, whatever the report around it.
        for (const message of error ? [error.messages.en, error.messages.fr] : []) {
          expect(message).toMatch(/^\p{Lu}.{10,}[.…]$/u);
          expect(message).not.toContain(path);
          expect(message).not.toMatch(/\[object|undefined/);
        }
        if (error) expect(error.messages.fr).not.toBe(error.messages.en);
      },
      SLOW_FILE_MS,
    );

    it('opens saslprep-r6.pdf with its password, applying SASLprep as AES-256 requires', async () => {
      const { outcome: result, page } = await outcome(join(corpusDir, 'hostile', 'saslprep-r6.pdf'), { password: 'S\u00aaSL\u00adprep' });
      expect(result).toBe('renders');
      expect(page!.textRuns.map((r) => r.text)).toEqual(['Hello pdf.js world']);
    });

    it('still refuses saslprep-r6.pdf with a wrong password', async () => {
      const { outcome: result, error } = await outcome(join(corpusDir, 'hostile', 'saslprep-r6.pdf'), { password: 'guess' });
      expect(result).toBe('encrypted');
      expect(error!.messages.en).toMatch(/the password given with --password does not open it/);
    });

    it('asks for the password of saslprep-r6.pdf, naming --password', async () => {
      const { error } = await outcome(join(corpusDir, 'hostile', 'saslprep-r6.pdf'));
      expect(error!.messages).toEqual({
        en: 'The file is password-protected; give its password with --password, or submit an unprotected copy.',
        fr: 'Le fichier est protégé par un mot de passe ; donnez-le avec --password, ou envoyez une copie non protégée.',
      });
    });

    it('draws the text of bomb_giant.pdf without decoding its giant images', async () => {
      const { page } = await outcome(join(corpusDir, 'hostile', 'bomb_giant.pdf'));
      expect(page!.textRuns.map((r) => r.text)).toContain('GIANT JBIG2 BOMB');
    });
  });
});
