import { describe, expect, it } from 'vitest';
import { along, colourEdges, colourPlane, presence, straightEdges } from './straight.ts';
import { asPage, blank, fillRect } from './testing/photo.ts';

describe('colourPlane', () => {
  it('averages RGB over blocks so the long side is at most maxSide', () => {
    const r = blank(8, 4, [0, 0, 0]);
    fillRect(r, 0, 0, 1, 4, [200, 100, 40]); // the first column
    const plane = colourPlane(asPage(r), 4);
    expect([plane.width, plane.height, plane.step]).toEqual([4, 2, 2]);
    // Block (0, 0) covers columns 0–1: half of it coloured.
    expect(Array.from(plane.rgb.slice(0, 3))).toEqual([100, 50, 20]);
    expect(Array.from(plane.rgb.slice(3, 6))).toEqual([0, 0, 0]);
  });
});

describe('colourEdges', () => {
  it('sees a step between two colours of equal whiteness, one pixel wide, with its direction', () => {
    // Red beside green: min(R, G, B) is 0 on both sides, the colours differ by 255 in two channels.
    const r = blank(20, 10, [255, 0, 0]);
    fillRect(r, 10, 0, 10, 10, [0, 255, 0]);
    const edges = colourEdges(colourPlane(asPage(r)));
    const row = 5 * 20;
    const ridge = [...edges.strength.slice(row, row + 20)].map((v, x) => (v > 0 ? x : -1)).filter((x) => x >= 0);
    expect(ridge).toEqual([10]);
    expect(edges.strength[row + 10]).toBeGreaterThan(300);
    expect(edges.normal[row + 10]).toBeCloseTo(0, 5); // across x
  });
});

describe('straightEdges', () => {
  it('finds the four sides of a turned blue card on brown, each present along its length', () => {
    const w = 300;
    const h = 240;
    const r = blank(w, h, [120, 80, 50]);
    // A card turned by 8°, drawn by testing each pixel against its four sides.
    const [cx, cy, hw, hh, a] = [150, 120, 90, 70, (8 * Math.PI) / 180];
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        const u = (x + 0.5 - cx) * Math.cos(a) + (y + 0.5 - cy) * Math.sin(a);
        const v = -(x + 0.5 - cx) * Math.sin(a) + (y + 0.5 - cy) * Math.cos(a);
        if (Math.abs(u) < hw && Math.abs(v) < hh) r.rgba.set([30, 60, 140], (y * w + x) * 4);
      }
    }
    const edges = straightEdges(colourEdges(colourPlane(asPage(r))), 20, 60, 10);
    expect(edges.length).toBeGreaterThanOrEqual(4);
    const sides = edges.slice(0, 4);
    for (const e of sides) {
      const angle = (Math.atan2(e.line.direction[1], e.line.direction[0]) * 180) / Math.PI;
      const offAxis = Math.min(...[8, 98, -82, 188, -172].map((d) => Math.abs(angle - d)));
      expect(offAxis).toBeLessThan(1);
      // Present along the card's side: the middle 80 % of its length around the foot of the centre.
      const mid = along(e.line, [cx, cy]);
      const half = (Math.abs(e.line.direction[0] * Math.cos(a) + e.line.direction[1] * Math.sin(a)) > 0.7 ? hw : hh) * 0.8;
      expect(presence(e, mid - half, mid + half)).toBeGreaterThan(0.95);
    }
  });

  it('in noise, finds no line of ridges (the lenient presence passes anywhere there: see sides.ts)', () => {
    const r = blank(200, 200);
    let s = 1;
    for (let i = 0; i < r.rgba.length; i += 4) {
      s = (s * 16807) % 2147483647;
      r.rgba.set([s % 256, (s >> 8) % 256, (s >> 16) % 256], i);
    }
    const edges = straightEdges(colourEdges(colourPlane(asPage(r))), 10, 40, 10);
    for (const e of edges) {
      const length = e.prefix.length - 1;
      expect(presence(e, e.start, e.start + length, true)).toBeLessThan(0.5);
    }
  });
});
