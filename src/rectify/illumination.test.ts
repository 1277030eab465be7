import { describe, expect, it } from 'vitest';
import { flattenIllumination, PAPER_WHITE } from './illumination.ts';
import { blank, DISC, DISC_BLUE, fillRect, flyer, type Raster } from './testing/photo.ts';
import { mulberry32 } from '../../test/synth/random.ts';

/** The page under a lamp: darker corners (vignetting) and a left-to-right slope, plus sensor noise. */
function underUnevenLight(page: Raster, seed = 3): Raster {
  const { width, height } = page;
  const out = blank(width, height);
  const rnd = mulberry32(seed);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const r2 = ((x - width / 2) ** 2 + (y - height / 2) ** 2) / ((width / 2) ** 2 + (height / 2) ** 2);
      const light = (1 - 0.4 * r2) * (0.85 + 0.25 * (x / width));
      const k = (y * width + x) * 4;
      for (let c = 0; c < 3; c++) out.rgba[k + c] = Math.max(0, Math.min(255, Math.round(page.rgba[k + c] * light + (rnd() - 0.5) * 4)));
    }
  }
  return out;
}

const luma = (r: Raster, x: number, y: number) => {
  const k = (y * r.width + x) * 4;
  return 0.299 * r.rgba[k] + 0.587 * r.rgba[k + 1] + 0.114 * r.rgba[k + 2];
};

/** Luma of the flyer's plain paper: its margins, away from any print. */
function paperLumas(r: Raster): number[] {
  const out: number[] = [];
  const m = Math.round(r.width * 0.07);
  for (let y = 2; y < r.height - 2; y += 2) {
    for (let x = 2; x < m - 3; x += 2) {
      out.push(luma(r, x, y), luma(r, r.width - 1 - x, y));
    }
  }
  return out;
}

const stats = (v: number[]) => {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  return { mean, sd: Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / v.length) };
};

describe('flattenIllumination', () => {
  it('makes the paper evenly white and keeps the blue blue', () => {
    const original = flyer();
    const lit = underUnevenLight(original);
    const before = stats(paperLumas(lit));
    expect(before.sd).toBeGreaterThan(15);
    const result = flattenIllumination(lit.rgba, lit.width, lit.height)!;
    expect(result).not.toBeNull();
    const after = stats(paperLumas(lit));
    expect(after.sd).toBeLessThan(2.5);
    expect(after.mean).toBeGreaterThan(PAPER_WHITE - 6);
    expect(after.mean).toBeLessThan(PAPER_WHITE + 3);
    // The disc's centre, under the dimmest light of the disc: the same blue relative to the paper
    // white (250 → ~248), within a few levels per channel.
    const k = (Math.round(DISC.cy * original.height) * original.width + Math.round(DISC.cx * original.width)) * 4;
    const scale = PAPER_WHITE / 249.7;
    for (let c = 0; c < 3; c++) expect(Math.abs(lit.rgba[k + c] - DISC_BLUE[c] * scale)).toBeLessThan(4);
  });

  it('leaves a large grey panel grey instead of lighting it up to white', () => {
    const page = flyer();
    fillRect(page, 60, 150, 500, 560, [150, 150, 150]);
    const lit = underUnevenLight(page);
    flattenIllumination(lit.rgba, lit.width, lit.height);
    const panel = [];
    for (let y = 200; y < 660; y += 5) for (let x = 100; x < 520; x += 5) panel.push(luma(lit, x, y));
    const { mean, sd } = stats(panel);
    expect(Math.abs(mean - 150 * (PAPER_WHITE / 249.7))).toBeLessThan(6);
    expect(sd).toBeLessThan(3);
    expect(stats(paperLumas(lit)).sd).toBeLessThan(3);
  });

  it('declines a raster with no paper showing, leaving it untouched', () => {
    const ink = blank(300, 400, [200, 30, 40]);
    const copy = ink.rgba.slice();
    expect(flattenIllumination(ink.rgba, ink.width, ink.height)).toBeNull();
    expect(Buffer.compare(ink.rgba, copy)).toBe(0);
  });
});
