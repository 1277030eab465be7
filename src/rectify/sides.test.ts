import { describe, expect, it } from 'vitest';
import { findPageBySides } from './sides.ts';
import { asPage, busyBackground, cameraHomography, fillRect, flyer, fullBleedFlyer, greyBackground, photograph, projectQuad, tintedFlyer, woodBackground, type Camera, type Raster } from './testing/photo.ts';

function shoot(page: Raster, background: Raster, camera: Camera) {
  const truth = cameraHomography(page.width, page.height, background.width, background.height, { fill: 0.7, ...camera });
  return { photo: asPage(photograph(page, background, truth)), corners: projectQuad(truth, page.width, page.height) };
}

const cornerError = (found: number[][], truth: number[][]) => Math.max(...found.map((c, k) => Math.hypot(c[0] - truth[k][0], c[1] - truth[k][1])));

describe('findPageBySides', () => {
  it.each([
    ['a full-bleed print on wood', () => shoot(fullBleedFlyer(), woodBackground(900, 1200), { tiltX: 14, tiltY: -9, roll: 5 })],
    ['a full-bleed print on clutter', () => shoot(fullBleedFlyer(), busyBackground(900, 1200), { tiltX: -8, tiltY: 12, roll: -6 })],
    ['yellow paper on grey', () => shoot(tintedFlyer(), greyBackground(900, 1200), { tiltX: 10, tiltY: 10, roll: 3 })],
    ['a white flyer on wood', () => shoot(flyer(), woodBackground(900, 1200), { tiltX: 16, tiltY: 0, roll: -4 })],
  ])('finds %s to within a pixel', (_, make) => {
    const { photo, corners } = make();
    const found = findPageBySides(photo)!;
    expect(found).not.toBeNull();
    expect(cornerError(found.quad, corners)).toBeLessThan(1);
    expect(found.support).toBeGreaterThan(0.8);
    expect(found.runsOn).toBeLessThanOrEqual(0.5);
  });

  it('finds the page, not the white panel under a full-bleed band', () => {
    const page = flyer(620, 877);
    fillRect(page, 0, 0, 620, 300, [40, 70, 50]);
    const { photo, corners } = shoot(page, woodBackground(900, 1200), { tiltX: 9, tiltY: 12, roll: 7 });
    expect(cornerError(findPageBySides(photo)!.quad, corners)).toBeLessThan(1);
  });

  it('finds no page in a photo of clutter alone, nor on a plain desk', () => {
    expect(findPageBySides(asPage(busyBackground(900, 1200)))).toBeNull();
    expect(findPageBySides(asPage(woodBackground(900, 1200)))).toBeNull();
  });
});
