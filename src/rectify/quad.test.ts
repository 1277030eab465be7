import { describe, expect, it } from 'vitest';
import type { Point } from '../image/homography.ts';
import { clockwiseFromTopLeft, dominantSides, findPageOutline, largestInscribedQuad } from './quad.ts';
import { asPage, blank, busyBackground, cameraHomography, fillRect, flyer, photograph, projectQuad } from './testing/photo.ts';
import { whitenessPlane } from './whiteness.ts';

/** Outline points of a polygon, one per unit of length, as findContours would trace them. */
function outlineOf(corners: Point[]): Point[] {
  const out: Point[] = [];
  corners.forEach((a, i) => {
    const b = corners[(i + 1) % corners.length];
    const n = Math.ceil(Math.hypot(b[0] - a[0], b[1] - a[1]));
    for (let k = 0; k < n; k++) out.push([Math.round(a[0] + ((b[0] - a[0]) * k) / n), Math.round(a[1] + ((b[1] - a[1]) * k) / n)]);
  });
  return out;
}

describe('clockwiseFromTopLeft', () => {
  it('orders corners TL, TR, BR, BL whatever order they come in', () => {
    const tl: Point = [10, 20];
    const tr: Point = [300, 5];
    const br: Point = [320, 400];
    const bl: Point = [0, 380];
    expect(clockwiseFromTopLeft([br, tl, bl, tr])).toEqual([tl, tr, br, bl]);
    expect(clockwiseFromTopLeft([bl, br, tr, tl])).toEqual([tl, tr, br, bl]);
  });
});

describe('largestInscribedQuad', () => {
  it('picks the four corners of a hull whose corners were cut', () => {
    const hull: Point[] = [
      [4, 0],
      [207, 0],
      [210, 3],
      [210, 306],
      [206, 310],
      [3, 310],
      [0, 307],
      [0, 4],
    ];
    const quad = largestInscribedQuad(hull)!;
    expect(quad).toHaveLength(4);
    // Each within a cut's length of a true corner: a starting point for the sides' fit.
    const truth: Point[] = [
      [0, 0],
      [210, 0],
      [210, 310],
      [0, 310],
    ];
    clockwiseFromTopLeft(quad).forEach((c, i) => expect(Math.hypot(c[0] - truth[i][0], c[1] - truth[i][1])).toBeLessThanOrEqual(5));
  });
});

describe('dominantSides', () => {
  it('keeps the page sides when clutter touching the page bulges the outline', () => {
    const page: Point[] = [
      [100, 60],
      [400, 40],
      [430, 460],
      [90, 470],
    ];
    // A 60 × 60 object stuck to the right side, halfway down.
    const bump: Point[] = [page[0], page[1], [414, 230], [470, 226], [474, 290], [418, 292], page[2], page[3]];
    const corners = clockwiseFromTopLeft(dominantSides(outlineOf(bump), 500)!);
    corners.forEach((c, i) => expect(Math.hypot(c[0] - page[i][0], c[1] - page[i][1])).toBeLessThan(1.5));
  });
});

describe('findPageOutline', () => {
  it('finds the page among light clutter to within a fraction of a pixel', () => {
    const page = flyer();
    const background = busyBackground(900, 1200);
    // A light grey box touching the page's right side: the paper segment swallows it.
    const h = cameraHomography(page.width, page.height, 900, 1200, { tiltX: -10, tiltY: 18, roll: -8, fill: 0.7 });
    const truth = projectQuad(h, page.width, page.height);
    const right = Math.round(Math.max(truth[1][0], truth[2][0]));
    fillRect(background, right - 40, 560, 120, 90, [225, 225, 220]);
    const photo = asPage(photograph(page, background, h));
    const outline = findPageOutline(photo, whitenessPlane(photo))!;
    expect(outline).not.toBeNull();
    outline.quad.forEach((c, i) => expect(Math.hypot(c[0] - truth[i][0], c[1] - truth[i][1])).toBeLessThan(0.5));
    expect(outline.fill).toBeGreaterThan(0.97);
  });

  it('returns null when nothing bright and large is there', () => {
    const photo = asPage(blank(800, 600, [60, 50, 40]));
    expect(findPageOutline(photo, whitenessPlane(photo))).toBeNull();
  });
});
