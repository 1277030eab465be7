import { describe, expect, it } from 'vitest';
import { findPageOutline } from './quad.ts';
import { judgeOutline, quickReject } from './screen.ts';
import {
  asPage,
  blank,
  cameraHomography,
  flyer,
  greyBackground,
  noise,
  photograph,
  posterWithTiltedCard,
  woodBackground,
  type Camera,
} from './testing/photo.ts';
import { whitenessPlane } from './whiteness.ts';

function photoOfFlyer(cam: Camera) {
  const page = flyer();
  const h = cameraHomography(page.width, page.height, 900, 1200, cam);
  return asPage(photograph(page, woodBackground(900, 1200), h));
}

function verdictFor(photo: ReturnType<typeof asPage>) {
  const plane = whitenessPlane(photo);
  const outline = findPageOutline(photo, plane);
  return outline ? judgeOutline(outline, plane, photo) : null;
}

describe('quickReject', () => {
  it.each([
    ['a thumbnail', blank(200, 150, [120, 90, 60]), /too small/],
    ['a black frame', blank(1200, 900, [0, 0, 0]), /flat tone/],
    ['a white frame', blank(1200, 900), /flat tone/],
    ['a rendered page', flyer(1240, 1754), /border is paper/],
  ])('rejects %s at once', (_, raster, reason) => {
    expect(quickReject(asPage(raster))).toMatch(reason);
  });

  it('lets photos and unclear cases through to the full test', () => {
    expect(quickReject(photoOfFlyer({ tiltX: 10, tiltY: 5, roll: 3, fill: 0.7 }))).toBeNull();
    expect(quickReject(asPage(noise(600, 400)))).toBeNull();
  });
});

describe('judgeOutline', () => {
  it('accepts a page photographed at an angle', () => {
    const verdict = verdictFor(photoOfFlyer({ tiltX: 12, tiltY: -6, roll: 4, fill: 0.7 }))!;
    expect(verdict.reason).toBeNull();
    expect(verdict.coverage).toBeGreaterThan(0.35);
    expect(verdict.skewDeg).toBeGreaterThan(4);
  });

  it('declines a page photographed square on: it needs no rectification', () => {
    expect(verdictFor(photoOfFlyer({ tiltX: 0, tiltY: 0, roll: 0.6, fill: 0.7 }))!.reason).toMatch(/upright/);
  });

  it('declines a page too small in the photo (spanning under half of it)', () => {
    // Too small to be segmented as the page at all, or segmented and judged too small: declined either way.
    expect(verdictFor(photoOfFlyer({ tiltX: 10, tiltY: 0, roll: 5, fill: 0.3 }))?.reason ?? 'no outline').toMatch(/covers|no outline/);
  });

  it('declines a page running off the photo', () => {
    const verdict = verdictFor(photoOfFlyer({ tiltX: 10, tiltY: 0, roll: 5, fill: 0.7, shift: [0.2, 0] }));
    expect(verdict?.reason ?? 'no outline').not.toBeNull();
  });

  it('declines a white card drawn tilted on a poster: flat colours are not a photo', () => {
    expect(verdictFor(asPage(posterWithTiltedCard()))!.reason).toMatch(/drawn, not photographed/);
  });

  it('declines a bright region whose surroundings are paper too', () => {
    // A flyer on a white desk pad covering most of the photo, the pad lit like the page: the
    // outline may be found, but the surroundings are as white as the paper.
    const page = flyer();
    const h = cameraHomography(page.width, page.height, 900, 1200, { tiltX: 10, tiltY: 5, roll: 4, fill: 0.6 });
    const pad = greyBackground(900, 1200);
    for (let i = 0; i < pad.rgba.length; i += 4) if ((i / 4) % 900 > 120) pad.rgba.fill(240, i, i + 3);
    const verdict = verdictFor(asPage(photograph(page, pad, h)));
    expect(verdict?.reason ?? 'no outline').not.toBeNull();
  });
});
