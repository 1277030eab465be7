// The generator's pages that are not phone photos (test/synth: drawn, scanned, exported for the
// web, small logos, logos cut by the page edge), every page of every file as the checker opens
// it: none may be rectified. Rectifying an ordinary page would distort a logo that was fine.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDocument } from '../ingest/index.ts';
import { generateSet } from '../../test/synth/generate.ts';
import { attemptRectification } from './index.ts';

let dir = '';
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('generated pages that are not photos (seed 9: clean, scan, web, small, cut)', () => {
  it('are all left as they are', async () => {
    dir = await mkdtemp(join(tmpdir(), 'logo-check-rectify-'));
    const manifest = await generateSet({ seed: 9, count: 40, outDir: dir, conditions: ['clean', 'scan', 'web', 'small', 'cut'] });
    const rectified: string[] = [];
    let pages = 0;
    for (const file of manifest.files) {
      const doc = await openDocument(join(dir, file.path), {});
      try {
        for (let p = 1; p <= doc.pageCount; p++) {
          const r = attemptRectification(await doc.renderPage(p));
          pages++;
          if (!('reason' in r)) rectified.push(`${file.path} page ${p}`);
        }
      } finally {
        await doc.close();
      }
    }
    expect(rectified).toEqual([]);
    expect(pages).toBeGreaterThanOrEqual(manifest.files.length);
  }, 600_000);
});
