// Logos cut by the page's trim: the detector must still find them and place the whole artwork,
// the part beyond the page included. Pages are built from the approved artwork pasted partly off
// a white page, so the truth is exact; the cuts take the @ (its disc cut or gone) or the badge box
// (cut, or gone), on each edge of the page.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { artworkPath, loadCharter } from '../charter/load.ts';
import { isolateGroups } from '../charter/reference.ts';
import type { Charter, ElementId } from '../charter/schema.ts';
import { project, type Matrix } from '../image/homography.ts';
import type { Page } from '../types.ts';
import { createDetector, type Detector } from './index.ts';

const PAGE: [number, number] = [1000, 700];

interface CutCase {
  name: string;
  edge: 'left' | 'right' | 'top' | 'bottom';
  /** Where the page edge crosses the artwork, in artwork units along the axis it cuts. */
  at: number;
  /** Logo width on the page, px. */
  width: number;
  /** Turned half a turn (so that the @ faces the right edge). */
  turned?: boolean;
  /** Artwork groups drawn (all by default). */
  only?: ElementId[];
  /** Badge variant drawn (the charter's first by default). */
  variant?: string;
  /** Printed in greys (Rec. 601 luma). */
  greyscale?: boolean;
}

const CUTS: CutCase[] = [
  { name: 'left edge, @ and arrow beyond it, badge whole against it', edge: 'left', at: 296, width: 480 },
  { name: 'left edge, @ gone, badge and tagline cut', edge: 'left', at: 430, width: 480 },
  { name: 'right edge, logo turned, @ gone, badge cut', edge: 'right', at: 400, width: 400, turned: true },
  { name: 'top edge, tagline gone, @ cut', edge: 'top', at: 170, width: 480 },
  { name: 'bottom edge, badge gone, @ cut', edge: 'bottom', at: 150, width: 480 },
  { name: 'left edge, small logo, @ gone, badge cut', edge: 'left', at: 400, width: 240 },
  // Two lines of words fill the badge: the edges of its letters split its inside, and in greys no
  // ink mask holds it; its dark fill does.
  { name: 'left edge, greyscale, two-line badge cut, @ gone', edge: 'left', at: 420, width: 320, variant: 'centre-competence-tpe', greyscale: true },
];

let charter: Charter;
let detector: Detector;

beforeAll(async () => {
  charter = await loadCharter();
  detector = await createDetector(charter);
}, 60_000);

/** The artwork (or some of its groups) pasted on a white page so that the edge crosses it at `at`. */
async function cutPage(c: CutCase): Promise<{ page: Page; pageFromArtwork: Matrix }> {
  const { width: aw, height: ah } = charter.artwork;
  const s = c.width / aw;
  const [lw, lh] = [c.width, Math.round(ah * s)];
  const svg = await readFile(artworkPath(charter, c.variant ?? charter.badges[0].id), 'utf8');
  const source = c.only ? isolateGroups(svg, c.only) : svg;
  const logo = await sharp(Buffer.from(source), { density: 72 * s }).resize(lw, lh, { fit: 'fill' }).ensureAlpha().raw().toBuffer();
  const [W, H] = PAGE;
  // Offsets of the (possibly turned) logo raster on the page, in whole pixels.
  const along = c.turned ? aw - c.at : c.at;
  const alongY = c.turned ? ah - c.at : c.at;
  const dx = c.edge === 'left' ? -Math.round(along * s) : c.edge === 'right' ? W - Math.round(along * s) : Math.round((W - lw) / 2);
  const dy = c.edge === 'top' ? -Math.round(alongY * s) : c.edge === 'bottom' ? H - Math.round(alongY * s) : Math.round((H - lh) / 2);
  const rgba = new Uint8Array(W * H * 4).fill(255);
  for (let j = 0; j < lh; j++) {
    for (let i = 0; i < lw; i++) {
      const [x, y] = c.turned ? [dx + lw - 1 - i, dy + lh - 1 - j] : [dx + i, dy + j];
      if (x < 0 || y < 0 || x >= W || y >= H) continue;
      const a = logo[(j * lw + i) * 4 + 3] / 255;
      const [r, g, b] = [0, 1, 2].map((ch) => logo[(j * lw + i) * 4 + ch]);
      const ink = c.greyscale ? [0.299 * r + 0.587 * g + 0.114 * b].flatMap((v) => [v, v, v]) : [r, g, b];
      for (let ch = 0; ch < 3; ch++) rgba[(y * W + x) * 4 + ch] = Math.round(ink[ch] * a + 255 * (1 - a));
    }
  }
  const pageFromArtwork = c.turned ? [-s, 0, dx + lw, 0, -s, dy + lh, 0, 0, 1] : [s, 0, dx, 0, s, dy, 0, 0, 1];
  return { page: { index: 1, width: W, height: H, rgba, dpi: 150, textRuns: [] }, pageFromArtwork };
}

function cornerErrors(found: Matrix, truth: Matrix): number[] {
  const { width, height } = charter.artwork;
  return [
    [0, 0],
    [width, 0],
    [width, height],
    [0, height],
  ].map(([x, y]) => {
    const [fx, fy] = project(found, x, y);
    const [tx, ty] = project(truth, x, y);
    return Math.hypot(fx - tx, fy - ty);
  });
}

describe('logos cut by the page edge', () => {
  for (const c of CUTS) {
    it(`finds and places the whole logo: ${c.name}`, async () => {
      const { page, pageFromArtwork } = await cutPage(c);
      const detections = detector.detect(page);
      expect(detections).toHaveLength(1);
      // Every artwork corner, on the page or beyond it, within 3 px of where it truly is.
      expect(Math.max(...cornerErrors(detections[0].homography, pageFromArtwork))).toBeLessThan(3);
    });
  }

  it('takes a badge alone cut by the edge for no logo (one element cannot be confirmed)', async () => {
    const { page } = await cutPage({ name: 'badge alone', edge: 'left', at: 430, width: 480, only: ['badge'] });
    expect(detector.detect(page)).toEqual([]);
  });
});
