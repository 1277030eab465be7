import { describe, expect, it } from 'vitest';
import type { Page } from '../types.ts';
import { findAnchors, type AnchorLimits } from './anchors.ts';

const LIMITS: AnchorLimits = { minSize: 24, maxSize: 20000, rectangleAspect: [2, 9], ellipseAspect: 1.7, inks: [[0, 85, 164]] };

/**
 * A mid-grey box (a pale recolour) holding white bars (its letters) on a panel of nearly its own grey: the step
 * at its outline is too faint for an edge, so only its dark fill shows where it is.
 */
function faintBoxPage(): Page {
  const [width, height] = [400, 300];
  const rgba = new Uint8Array(width * height * 4).fill(255);
  const paint = (x0: number, y0: number, w: number, h: number, level: number) => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) rgba.set([level, level, level], (y * width + x) * 4);
  };
  paint(40, 40, 320, 220, 156);
  paint(120, 130, 160, 40, 142);
  for (let x = 128; x < 272; x += 12) paint(x, 138, 6, 24, 255);
  return { index: 1, width, height, rgba, textRuns: [] };
}

describe('anchors of a logo drawn in other inks than the charter', () => {
  it('take a mid-grey box whole, its letters as holes, away from the page edge and without edges around it', () => {
    const boxes = findAnchors(faintBoxPage(), LIMITS).filter((a) => a.shape === 'rectangle');
    const whole = boxes.filter((a) => {
      const xs = a.corners.map((p) => p[0]);
      const ys = a.corners.map((p) => p[1]);
      return Math.abs(Math.min(...xs) - 120) < 2 && Math.abs(Math.max(...xs) - 280) < 2 && Math.abs(Math.min(...ys) - 130) < 2 && Math.abs(Math.max(...ys) - 170) < 2;
    });
    expect(whole).toHaveLength(1);
  });
});
