import { describe, expect, it } from 'vitest';
import { blurPlane, blurRgba, gaussianKernel } from './blur.ts';

describe('gaussian blur', () => {
  it('has weights that sum to 1, symmetric, over ±3σ', () => {
    const k = gaussianKernel(1);
    expect(k.length).toBe(7);
    expect(k.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(k[0]).toBeCloseTo(k[6], 9);
    expect(gaussianKernel(0)).toEqual(Float32Array.of(1));
  });

  it('keeps a flat plane flat and the mean of a step, and spreads a step over about ±2σ', () => {
    const width = 20;
    const flat = blurPlane(new Array(width * 3).fill(80), width, 3, 1.5);
    expect(Math.max(...flat) - Math.min(...flat)).toBeLessThan(1e-4);
    const step = Array.from({ length: width * 3 }, (_, i) => (i % width < 10 ? 0 : 100));
    const soft = blurPlane(step, width, 3, 1);
    const row = Array.from(soft.slice(width, 2 * width));
    expect(row[9] + row[10]).toBeCloseTo(100, 4);
    expect(row[9]).toBeGreaterThan(20);
    expect(row[6]).toBeLessThan(1);
    expect(row[13]).toBeGreaterThan(99);
  });

  it('blurs the colours of an RGBA raster and leaves alpha', () => {
    const rgba = new Uint8Array([255, 0, 0, 255, 0, 0, 255, 128]);
    const out = blurRgba(rgba, 2, 1, 1);
    expect(out[3]).toBe(255);
    expect(out[7]).toBe(128);
    expect(out[0]).toBeLessThan(255);
    expect(out[6]).toBeLessThan(255);
    expect(out[0] + out[4]).toBeGreaterThanOrEqual(254);
  });
});
