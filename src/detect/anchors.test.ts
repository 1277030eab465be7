import { describe, expect, it } from 'vitest';
import { getCv, MatScope } from '../image/opencv.ts';
import { rgbaToGray } from '../image/raster.ts';
import type { Page } from '../types.ts';
import { findAnchors, saturationHasEdges, type AnchorLimits, type EllipseAnchor } from './anchors.ts';

const LIMITS: AnchorLimits = { minSize: 24, maxSize: 20000, rectangleAspect: [2, 9], ellipseAspect: 1.7, inks: [[0, 85, 164]] };

/**
 * A mid-grey box (a pale recolour) holding white bars (its letters) on a panel of nearly its own grey: the step
 * at its outline is too faint for an edge, so only its dark fill shows where it is.
 */
function faintBoxPage(): Page {
  const [width, height] = [400, 300];
  const rgba = new Uint8Array(width * height * 4).fill(255);
  const paint = (x0: number, y0: number, w: number, h: number, level: number) => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) rgba.set([level, level, level], (y * width + x) * 4);
  };
  paint(40, 40, 320, 220, 156);
  paint(120, 130, 160, 40, 142);
  for (let x = 128; x < 272; x += 12) paint(x, 138, 6, 24, 255);
  return { index: 1, width, height, rgba, textRuns: [] };
}

describe('anchors of a logo drawn in other inks than the charter', () => {
  it('take a mid-grey box whole, its letters as holes, away from the page edge and without edges around it', () => {
    const boxes = findAnchors(faintBoxPage(), LIMITS).filter((a) => a.shape === 'rectangle');
    const whole = boxes.filter((a) => {
      const xs = a.corners.map((p) => p[0]);
      const ys = a.corners.map((p) => p[1]);
      return Math.abs(Math.min(...xs) - 120) < 2 && Math.abs(Math.max(...xs) - 280) < 2 && Math.abs(Math.min(...ys) - 130) < 2 && Math.abs(Math.max(...ys) - 170) < 2;
    });
    expect(whole).toHaveLength(1);
  });
});

type Rgb = [number, number, number];

/** A page of one colour on which shapes are painted. */
function blankPage(width: number, height: number, [r, g, b]: Rgb): Page {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < rgba.length; i += 4) rgba.set([r, g, b, 255], i);
  return { index: 1, width, height, rgba, textRuns: [] };
}

function paint(page: Page, inside: (x: number, y: number) => boolean, [r, g, b]: Rgb): void {
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) if (inside(x, y)) page.rgba.set([r, g, b], (y * page.width + x) * 4);
  }
}

const disc = (cx: number, cy: number, radius: number) => (x: number, y: number) => (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
const anchorsOf = (page: Page) => findAnchors(page, LIMITS, rgbaToGray(page.rgba, page.width, page.height));
const ellipses = (page: Page) => anchorsOf(page).filter((a): a is EllipseAnchor => a.shape === 'ellipse');

describe('findAnchors', () => {
  it('finds a grey disc on a grey page, which has no saturation for a second edge image', () => {
    const page = blankPage(400, 300, [200, 200, 200]);
    paint(page, disc(150, 120, 40), [60, 60, 60]);
    const [found, ...others] = ellipses(page);
    expect(others).toEqual([]);
    expect(found.cx).toBeCloseTo(150, 0);
    expect(found.cy).toBeCloseTo(120, 0);
    expect(Math.abs(found.width - 81)).toBeLessThan(3);
    expect(found.touchesEdge).toBe(false);
  });

  it('finds on a page over 10 megapixels, whose edges come in strips, the very anchor it finds on a small page', () => {
    // Strips of 2 Mpx on a 3400-pixel-wide page are 588 rows: the disc straddles the first join.
    const big = blankPage(3400, 3000, [240, 235, 225]);
    paint(big, disc(1700, 588, 45), [0, 85, 164]);
    paint(big, disc(1700, 588, 20), [250, 250, 250]);
    const small = blankPage(400, 300, [240, 235, 225]);
    paint(small, disc(200, 150, 45), [0, 85, 164]);
    paint(small, disc(200, 150, 20), [250, 250, 250]);
    const shifted = ellipses(small).map((a) => ({ ...a, cx: a.cx + 1500, cy: a.cy + 438 }));
    const found = ellipses(big);
    expect(shifted.length).toBeGreaterThan(0);
    expect(found).toHaveLength(shifted.length);
    // Equal up to OpenCV's single-precision fits, which see other coordinates.
    found.forEach((a, i) => {
      for (const key of ['cx', 'cy', 'width', 'height', 'angle'] as const) expect(a[key]).toBeCloseTo(shifted[i][key], 3);
      expect(a.touchesEdge).toBe(shifted[i].touchesEdge);
    });
  });
});

describe('saturationHasEdges', () => {
  /** Squared Sobel gradient at the centre of a 3×3 window, as Canny's L2 gradient takes it. */
  function sobel2(a: number[]): number {
    const dx = a[2] + 2 * a[5] + a[8] - (a[0] + 2 * a[3] + a[6]);
    const dy = a[6] + 2 * a[7] + a[8] - (a[0] + 2 * a[1] + a[2]);
    return dx * dx + dy * dy;
  }

  it('rests on the steepest 3×3 window of values 0..m having dx² + dy² = 20·m²', () => {
    // The squared gradient is convex in each value, so its largest is at a window of 0s and ms.
    let steepest = 0;
    for (let bits = 0; bits < 512; bits++) steepest = Math.max(steepest, sobel2(Array.from({ length: 9 }, (_, i) => (bits >> i) & 1)));
    expect(steepest).toBe(20);
  });

  it('says no edge up to saturation 22, where Canny finds none even on the steepest pattern, and maybe from 23', () => {
    const cv = getCv();
    // The steepest window tiled: a quarter of each 2×2 block at the level, diagonal steps everywhere.
    const edgesAt = (level: number) => {
      const mats = new MatScope();
      try {
        const src = mats.track(new cv.Mat(40, 40, cv.CV_8UC1));
        const d = src.data as Uint8Array;
        for (let i = 0; i < d.length; i++) d[i] = Math.floor(i / 40) % 2 && i % 2 ? level : 0;
        const out = mats.track(new cv.Mat());
        cv.Canny(src, out, 40, 100, 3, true);
        return cv.countNonZero(out) as number;
      } finally {
        mats.release();
      }
    };
    expect(saturationHasEdges(22)).toBe(false);
    expect(edgesAt(22)).toBe(0);
    expect(saturationHasEdges(23)).toBe(true);
    // The same pattern brighter does give edges: the test image is steep enough to tell.
    expect(edgesAt(40)).toBeGreaterThan(0);
  });
});
