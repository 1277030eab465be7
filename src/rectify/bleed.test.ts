import { describe, expect, it } from 'vitest';
import { extendOverBleed } from './bleed.ts';
import { findPageOutline } from './quad.ts';
import {
  asPage,
  busyBackground,
  cameraHomography,
  fillRect,
  flyer,
  greyBackground,
  photograph,
  projectQuad,
  woodBackground,
  type Camera,
  type Raster,
} from './testing/photo.ts';
import { whitenessPlane } from './whiteness.ts';

const W = 900;
const H = 1200;

function shoot(page: Raster, background: Raster, cam: Camera) {
  const truth = cameraHomography(page.width, page.height, W, H, { fill: 0.7, ...cam });
  const photo = asPage(photograph(page, background, truth));
  const outline = findPageOutline(photo, whitenessPlane(photo))!;
  return { photo, outline, corners: projectQuad(truth, page.width, page.height) };
}

describe('extendOverBleed', () => {
  const designs: Array<[string, () => Raster, () => Raster, number[]]> = [
    ['a blue header band to the top edge, on wood', () => {
      const p = flyer();
      fillRect(p, 0, 0, 620, 70, [30, 60, 120]);
      return p;
    }, () => woodBackground(W, H), [0]],
    ['a dark photo across the bottom quarter, on grey', () => {
      const p = flyer();
      const band = woodBackground(620, 220, 9);
      p.rgba.set(band.rgba.map((v, i) => (i % 4 === 3 ? 255 : v * 0.5)), (877 - 220) * 620 * 4);
      return p;
    }, () => greyBackground(W, H), [2]],
    ['a red band down the left edge, on clutter', () => {
      const p = flyer();
      fillRect(p, 0, 0, 25, 877, [200, 40, 40]);
      return p;
    }, () => busyBackground(W, H), [3]],
  ];

  it.each(designs)('moves the side out to the page edge: %s', (_, page, background, sides) => {
    const { photo, outline, corners } = shoot(page(), background(), { tiltX: 12, tiltY: -8, roll: 5 });
    const extension = extendOverBleed(photo, outline.quad)!;
    expect(extension).not.toBeNull();
    expect(extension.sides).toEqual(sides);
    extension.quad.forEach((c, i) => expect(Math.hypot(c[0] - corners[i][0], c[1] - corners[i][1])).toBeLessThan(0.5));
  });

  it('leaves a page that already has paper proportions alone', () => {
    const { photo, outline } = shoot(flyer(), woodBackground(W, H), { tiltX: 10, tiltY: 10, roll: -4 });
    expect(extendOverBleed(photo, outline.quad)).toBeNull();
  });

  it.each([
    { tiltX: 12, tiltY: 10, roll: -6 },
    { tiltX: -15, tiltY: 0, roll: 8 },
    { tiltX: 0, tiltY: 18, roll: 2 },
  ])('does not stretch an odd-sized card onto the desk to make it A4: %o', (cam) => {
    for (const background of [woodBackground(W, H), busyBackground(W, H)]) {
      const { photo, outline } = shoot(flyer(620, 760), background, cam);
      expect(extendOverBleed(photo, outline.quad)).toBeNull();
    }
  });
});
