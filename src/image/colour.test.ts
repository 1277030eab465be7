import { describe, expect, it } from 'vitest';
import { deltaE2000, hexToLab, medianColour, rgbToHex, rgbToLab } from './colour.ts';

describe('deltaE2000', () => {
  // Pairs from Sharma, Wu & Dalal (2005), table 1 of the supplementary test data.
  const pairs: Array<[[number, number, number], [number, number, number], number]> = [
    [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
    [[50, 3.1571, -77.2803], [50, 0, -82.7485], 2.8615],
    [[50, -1.3802, -84.2814], [50, 0, -82.7485], 1.0],
    [[50, 2.5, 0], [50, 0, -2.5], 4.3065],
    [[50, 2.5, 0], [56, -27, -3], 31.903],
    [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    [[22.7233, 20.0904, -46.694], [23.0331, 14.973, -42.5619], 2.0373],
    [[90.8027, -2.0831, 1.441], [91.1528, -1.6435, 0.0447], 1.4441],
    [[2.0776, 0.0795, -1.135], [0.9033, -0.0636, -0.5514], 0.9082],
  ];
  it.each(pairs)('%j vs %j = %d', (p, q, expected) => {
    const lab = ([L, a, b]: [number, number, number]) => ({ L, a, b });
    expect(deltaE2000(lab(p), lab(q))).toBeCloseTo(expected, 3);
    expect(deltaE2000(lab(q), lab(p))).toBeCloseTo(expected, 3);
  });
});

describe('rgbToLab', () => {
  it('maps white and black to the ends of L*', () => {
    expect(rgbToLab({ r: 255, g: 255, b: 255 }).L).toBeCloseTo(100, 1);
    expect(rgbToLab({ r: 0, g: 0, b: 0 }).L).toBeCloseTo(0, 1);
  });
  it('matches a published value for sRGB red', () => {
    const red = hexToLab('#FF0000');
    expect(red.L).toBeCloseTo(53.24, 1);
    expect(red.a).toBeCloseTo(80.09, 0);
    expect(red.b).toBeCloseTo(67.2, 0);
  });
});

describe('medianColour', () => {
  it('takes the per-channel median of masked pixels only', () => {
    const px = (r: number, g: number, b: number) => [r, g, b, 255];
    const rgba = new Uint8Array([...px(0, 85, 164), ...px(0, 85, 164), ...px(255, 255, 255), ...px(9, 9, 9)]);
    const { rgb, samples } = medianColour(rgba, new Uint8Array([1, 1, 1, 0]));
    expect(samples).toBe(3);
    // One white pixel among blue ones does not pull the colour towards white.
    expect(rgbToHex(rgb)).toBe('#0055A4');
  });
  it('reports no samples for an empty mask', () => {
    expect(medianColour(new Uint8Array(4), new Uint8Array(1)).samples).toBe(0);
  });
});
