import { describe, expect, it } from 'vitest';
import { asPage, blank, cameraHomography, DISC, DISC_BLUE, flyer, inkShape, photograph } from './testing/photo.ts';
import { warpPage } from './warp.ts';

describe('warpPage', () => {
  it('undoes a known camera exactly, to the half pixel', () => {
    const page = flyer();
    const h = cameraHomography(page.width, page.height, 900, 1200, { tiltX: 14, tiltY: -12, roll: 6, fill: 0.75 });
    const photo = photograph(page, blank(900, 1200, [40, 40, 40]), h, { vignette: 0, gradient: 0, noise: 0 });
    const rgba = warpPage(asPage(photo), h, page.width, page.height);
    // Pixel for pixel, inside a margin where the photo's resampling blurs the page's edge.
    let diff = 0;
    let n = 0;
    for (let y = 4; y < page.height - 4; y++) {
      for (let x = 4; x < page.width - 4; x++) {
        const k = (y * page.width + x) * 4;
        for (let c = 0; c < 3; c++) diff += Math.abs(rgba[k + c] - page.rgba[k + c]);
        n += 3;
      }
    }
    expect(diff / n).toBeLessThan(3);
    // The disc is where it was drawn: a half-pixel convention error would move it by 0.5 px.
    const disc = inkShape({ width: page.width, height: page.height, rgba }, DISC_BLUE, 60, [300, 400, 620, 700]);
    expect(Math.abs(disc.cx - DISC.cx * page.width)).toBeLessThan(0.1);
    expect(Math.abs(disc.cy - DISC.cy * page.height)).toBeLessThan(0.1);
  });
});
