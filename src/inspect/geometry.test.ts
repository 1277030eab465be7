import { describe, expect, it } from 'vitest';
import { decompose } from './geometry.ts';

const artwork = { width: 800, height: 300 };
const rot = (deg: number) => {
  const t = (deg * Math.PI) / 180;
  return [Math.cos(t), -Math.sin(t), Math.sin(t), Math.cos(t)];
};
/** 2×2 (row-major) → 3×3 homography with a translation. */
const h = (m: number[]) => [m[0], m[1], 100, m[2], m[3], 200, 0, 0, 1];
const mul = (p: number[], q: number[]) => [p[0] * q[0] + p[1] * q[2], p[0] * q[1] + p[1] * q[3], p[2] * q[0] + p[3] * q[2], p[2] * q[1] + p[3] * q[3]];

describe('decompose', () => {
  it('reads an upright, undistorted logo', () => {
    const g = decompose(h([0.5, 0, 0, 0.5]), artwork, 150);
    expect(g).toMatchObject({ widthPx: 400, heightPx: 150, aspectRatio: 1, skewDeg: 0, rotationDeg: 0, mirrored: false });
    expect(g.widthMm).toBeCloseTo((400 / 150) * 25.4, 1);
  });

  it.each([30, -45, 90, 179, -120])('reads a rotation of %d°', (deg) => {
    const g = decompose(h(mul(rot(deg), [0.4, 0, 0, 0.4])), artwork);
    expect(g.rotationDeg).toBeCloseTo(deg, 2);
    expect(g.aspectRatio).toBeCloseTo(1, 3);
    expect(g.skewDeg).toBeCloseTo(0, 2);
    expect(g.mirrored).toBe(false);
  });

  it('reads a horizontal stretch as aspect ratio, whatever the rotation', () => {
    const g = decompose(h(mul(rot(25), [0.6, 0, 0, 0.4])), artwork);
    expect(g.aspectRatio).toBeCloseTo(1.5, 3);
    expect(g.rotationDeg).toBeCloseTo(25, 2);
    expect(g.widthPx).toBeCloseTo(480, 1);
    expect(g.heightPx).toBeCloseTo(120, 1);
  });

  it('reads a shear as skew', () => {
    const g = decompose(h([0.5, 0.5 * Math.tan((12 * Math.PI) / 180), 0, 0.5]), artwork);
    expect(g.skewDeg).toBeCloseTo(12, 1);
    expect(g.rotationDeg).toBeCloseTo(0, 2);
  });

  it('reads a horizontal flip as mirrored without rotation', () => {
    const g = decompose(h([-0.5, 0, 0, 0.5]), artwork);
    expect(g.mirrored).toBe(true);
    expect(g.rotationDeg).toBeCloseTo(0, 2);
    expect(g.aspectRatio).toBeCloseTo(1, 3);
  });

  it('reads a vertical flip as mirrored and turned half a turn', () => {
    const g = decompose(h([0.5, 0, 0, -0.5]), artwork);
    expect(g.mirrored).toBe(true);
    expect(Math.abs(g.rotationDeg)).toBeCloseTo(180, 2);
  });
});
