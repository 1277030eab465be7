import { describe, expect, it } from 'vitest';
import { project, type Quad } from '../image/homography.ts';
import { cornerEvidence, MAX_RUNS_ON } from './corners.ts';
import { asPage, busyBackground, cameraHomography, fillRect, flyer, photograph, projectQuad, woodBackground } from './testing/photo.ts';

describe('cornerEvidence', () => {
  // A flyer with a dark full-bleed band across its top 30 %: below the band, the paper is a white
  // panel bounded by the page's left, right and bottom sides and the band's lower edge.
  const page = flyer(620, 877);
  fillRect(page, 0, 0, 620, 263, [40, 70, 50]);
  const truth = cameraHomography(620, 877, 900, 1200, { tiltX: 12, tiltY: -8, roll: 5, fill: 0.7 });

  it.each([
    ['wood', woodBackground],
    ['clutter', busyBackground],
  ])('no side runs on past a page corner (on %s)', (_, background) => {
    const photo = asPage(photograph(page, background(900, 1200), truth));
    const { runsOn } = cornerEvidence(photo, projectQuad(truth, 620, 877));
    for (const share of runsOn) expect(share).toBeLessThanOrEqual(MAX_RUNS_ON);
  });

  it("the page's sides run on past the corners of a white panel printed on it", () => {
    const photo = asPage(photograph(page, woodBackground(900, 1200), truth));
    const panel = [project(truth, 0, 263), project(truth, 620, 263), project(truth, 620, 877), project(truth, 0, 877)] as Quad;
    const { runsOn } = cornerEvidence(photo, panel);
    expect(runsOn[0]).toBeGreaterThan(0.9);
    expect(runsOn[1]).toBeGreaterThan(0.9);
    expect(runsOn[2]).toBeLessThanOrEqual(MAX_RUNS_ON);
    expect(runsOn[3]).toBeLessThanOrEqual(MAX_RUNS_ON);
  });
});
