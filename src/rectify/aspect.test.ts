import { describe, expect, it } from 'vitest';
import { estimateAspect, sideRatio, snapToPaper } from './aspect.ts';
import { cameraHomography, projectQuad, type Camera } from './testing/photo.ts';

const W = 1500;
const H = 2000;

/** Angle between the page's normal R·e3 and the optical axis for R = Rz·Ry·Rx. */
const trueTilt = (cam: Camera) => (Math.acos(Math.cos((cam.tiltX * Math.PI) / 180) * Math.cos((cam.tiltY * Math.PI) / 180)) * 180) / Math.PI;

describe('estimateAspect (Zhang & He 2007)', () => {
  // A page 620 × 760 (no paper size: nothing to snap to) seen by cameras of several focal lengths.
  const cases: Array<Camera & { focal: number }> = [
    { tiltX: 20, tiltY: 20, roll: 10, focal: 0.45 },
    { tiltX: 10, tiltY: -15, roll: -10, focal: 0.6 },
    { tiltX: -12, tiltY: 8, roll: 4, focal: 0.9 },
    { tiltX: 5, tiltY: 5, roll: 0, focal: 1.2 },
    { tiltX: 0, tiltY: 0, roll: 9, focal: 0.6 },
  ];
  it.each(cases)('recovers the ratio and the tilt when the view allows it: %o', (cam) => {
    const quad = projectQuad(cameraHomography(620, 760, W, H, { ...cam, fill: 0.7 }), 620, 760);
    const estimate = estimateAspect(quad, W, H);
    expect(estimate.paper).toBeNull();
    expect(Math.abs(estimate.measured / (620 / 760) - 1)).toBeLessThan(0.002);
    expect(estimate.tiltDeg).toBeCloseTo(trueTilt(cam), 0);
  });

  it('falls back on the prior focal length when the camera turned about one page axis only', () => {
    // f is unobservable here (one pair of sides stays parallel); the prior is 0.6 × diagonal.
    const quad = projectQuad(cameraHomography(620, 760, W, H, { tiltX: 20, tiltY: 0, roll: 7, focal: 0.6, fill: 0.7 }), 620, 760);
    const estimate = estimateAspect(quad, W, H);
    expect(estimate.focalSolved).toBe(false);
    expect(Math.abs(estimate.measured / (620 / 760) - 1)).toBeLessThan(0.002);
    // Ignoring perspective altogether would be 6 % off.
    expect(Math.abs(sideRatio(quad) / (620 / 760) - 1)).toBeGreaterThan(0.04);
  });

  it('stays within 1.5 % for a 10° one-axis tilt even when the real lens differs from the prior', () => {
    for (const focal of [0.45, 0.9]) {
      const quad = projectQuad(cameraHomography(620, 760, W, H, { tiltX: 10, tiltY: 0, roll: 0, focal, fill: 0.7 }), 620, 760);
      expect(Math.abs(estimateAspect(quad, W, H).measured / (620 / 760) - 1)).toBeLessThan(0.015);
    }
  });

  it('snaps an A4 page to 210:297 and reports it', () => {
    const quad = projectQuad(cameraHomography(620, 877, W, H, { tiltX: 15, tiltY: -10, roll: 5, fill: 0.7 }), 620, 877);
    const estimate = estimateAspect(quad, W, H);
    expect(estimate.paper?.name).toBe('A4');
    expect(estimate.aspect).toBe(210 / 297);
  });
});

describe('snapToPaper', () => {
  it('snaps within 3 % of A4 or US Letter, portrait or landscape', () => {
    expect(snapToPaper(0.7)).toEqual({ aspect: 210 / 297, paper: expect.objectContaining({ name: 'A4' }) });
    expect(snapToPaper(1.43).paper?.name).toBe('A4');
    expect(snapToPaper(1.43).aspect).toBeCloseTo(297 / 210, 12);
    expect(snapToPaper(8.5 / 11 + 0.01).paper?.name).toBe('US Letter');
    expect(snapToPaper(8.5 / 11 + 0.01).aspect).toBeCloseTo(215.9 / 279.4, 12);
  });

  it('leaves other ratios alone', () => {
    expect(snapToPaper(1)).toEqual({ aspect: 1, paper: null });
    expect(snapToPaper(0.66)).toEqual({ aspect: 0.66, paper: null });
    expect(snapToPaper(1.5)).toEqual({ aspect: 1.5, paper: null });
  });
});
