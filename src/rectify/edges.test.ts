import { describe, expect, it } from 'vitest';
import { distance, fitEdge, intersect, robustLine } from './edges.ts';
import type { Point } from '../image/homography.ts';
import { asPage, blank, cameraHomography, flyer, photograph, projectQuad } from './testing/photo.ts';

describe('robustLine', () => {
  it('ignores a quarter of the points lying off the line', () => {
    // y = 0.05 x + 10, with a run of points pulled 6–14 px off (something lying across the edge).
    const points: Point[] = [];
    for (let i = 0; i < 80; i++) {
      const x = i * 10;
      const off = i >= 30 && i < 50 ? 6 + (i % 5) * 2 : (i % 3) * 0.1 - 0.1;
      points.push([x, 0.05 * x + 10 + off]);
    }
    const line = robustLine(points)!;
    expect(distance(line, [0, 10])).toBeLessThan(0.1);
    expect(distance(line, [790, 0.05 * 790 + 10])).toBeLessThan(0.1);
  });
});

describe('intersect', () => {
  it('meets two lines, and refuses parallel ones', () => {
    expect(intersect({ point: [0, 5], direction: [1, 0] }, { point: [3, 0], direction: [0, 1] })).toEqual([3, 5]);
    expect(intersect({ point: [0, 5], direction: [1, 0] }, { point: [0, 9], direction: [-1, 0] })).toBeNull();
  });
});

describe('fitEdge', () => {
  it('finds a page side to a tenth of a pixel from a guess 5 px off', () => {
    const page = flyer();
    const h = cameraHomography(page.width, page.height, 900, 1200, { tiltX: 12, tiltY: -8, roll: 5, fill: 0.7 });
    const truth = projectQuad(h, page.width, page.height);
    const photo = asPage(photograph(page, blank(900, 1200, [90, 70, 50]), h, { noise: 2 }));
    // The left side (BL → TL), moved 5 px outwards.
    const [tl, , , bl] = truth;
    const len = Math.hypot(tl[0] - bl[0], tl[1] - bl[1]);
    const inward: Point = [-(tl[1] - bl[1]) / len, (tl[0] - bl[0]) / len];
    const shift = (p: Point): Point => [p[0] - 5 * inward[0], p[1] - 5 * inward[1]];
    const fit = fitEdge(photo, shift(bl), shift(tl), inward, 8)!;
    expect(fit.support).toBeGreaterThan(0.95);
    expect(distance(fit.line, tl)).toBeLessThan(0.1);
    expect(distance(fit.line, bl)).toBeLessThan(0.1);
    expect(fit.contrast).toBeGreaterThan(100);
  });

  it('finds nothing where there is no edge', () => {
    const photo = asPage(blank(400, 400, [128, 128, 128]));
    expect(fitEdge(photo, [100, 300], [100, 100], [1, 0], 8)).toBeNull();
  });
});
