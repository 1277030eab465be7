// What changed between a logo as found (registered upright) and the approved artwork, pixel by
// pixel, for the eye: marks added where the artwork is empty, ink gone where it should be, ink of
// another colour. The rules judge from inspection's own measurements; this picture only shows a
// reader where to look, so it stays simple and errs on the side of showing less.
import { blurRgba } from '../image/blur.ts';
import { deltaE2000, rgbToLab, type Rgb } from '../image/colour.ts';
import { dilate, erodeMask } from '../image/morphology.ts';
import type { Lab } from '../types.ts';

export const DIFFERENCE = { same: 0, added: 1, removed: 2, changed: 3, offPage: 4 } as const;
export type DifferenceCode = (typeof DIFFERENCE)[keyof typeof DIFFERENCE];

export interface DifferenceInput {
  /** The logo resampled on the artwork's grid, RGBA; alpha 0 where it falls off the page. */
  logo: Uint8Array;
  /** The approved artwork on a transparent ground, same size. */
  artwork: Uint8Array;
  width: number;
  height: number;
  /** Colour of the paper around the logo, which the artwork's transparent parts show. */
  ground: Rgb;
  /** CIEDE2000 beyond which two pixels differ: the charter's widest colour tolerance. */
  threshold: number;
  /** Blur of the capture in grid pixels: the artwork is softened as much before comparing. */
  blur: number;
}

/** Opacity below which the artwork counts as not drawn there (anti-aliased edges are drawn). */
const DRAWN_ALPHA = 32;

/**
 * One code per pixel. Lines one or two pixels wide are dropped (a morphological opening of each
 * kind): a registration off by a pixel or a sharper print would otherwise outline every stroke.
 */
export function differenceMap({ logo, artwork, width, height, ground, threshold, blur }: DifferenceInput): Uint8Array {
  const n = width * height;
  const onGround = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) {
    const a = artwork[i * 4 + 3] / 255;
    onGround[i * 4] = Math.round(artwork[i * 4] * a + ground.r * (1 - a));
    onGround[i * 4 + 1] = Math.round(artwork[i * 4 + 1] * a + ground.g * (1 - a));
    onGround[i * 4 + 2] = Math.round(artwork[i * 4 + 2] * a + ground.b * (1 - a));
    onGround[i * 4 + 3] = 255;
  }
  const expected = blurRgba(onGround, width, height, blur);
  const groundLab = rgbToLab(ground);
  const labAt = (rgba: Uint8Array, i: number): Lab => rgbToLab({ r: rgba[i * 4], g: rgba[i * 4 + 1], b: rgba[i * 4 + 2] });

  const kinds = [DIFFERENCE.added, DIFFERENCE.removed, DIFFERENCE.changed].map(() => new Uint8Array(n));
  const codes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (logo[i * 4 + 3] === 0) {
      codes[i] = DIFFERENCE.offPage;
      continue;
    }
    const found = labAt(logo, i);
    if (deltaE2000(found, labAt(expected, i)) <= threshold) continue;
    if (artwork[i * 4 + 3] < DRAWN_ALPHA) kinds[0][i] = 1;
    else if (deltaE2000(found, groundLab) <= threshold) kinds[1][i] = 1;
    else kinds[2][i] = 1;
  }
  const codeOf = [DIFFERENCE.added, DIFFERENCE.removed, DIFFERENCE.changed];
  kinds.forEach((mask, k) => {
    const opened = dilate(erodeMask(mask, width, height, 1), width, height, 1);
    for (let i = 0; i < n; i++) if (opened[i] && mask[i]) codes[i] = codeOf[k];
  });
  return codes;
}

/** How the overlay paints each kind: saturated hues absent from the logo's blue, red and white. */
export const DIFFERENCE_COLOURS: Record<'added' | 'removed' | 'changed', Rgb> = {
  added: { r: 0xc0, g: 0x00, b: 0xd8 },
  removed: { r: 0x00, g: 0xa8, b: 0xc8 },
  changed: { r: 0xf0, g: 0x9a, b: 0x00 },
};

/**
 * The picture a reader sees: the approved artwork faded to light grey, with the differences in
 * full colour on top and what lies off the page hatched.
 */
export function paintDifference(codes: Uint8Array, artwork: Uint8Array, width: number, height: number): Uint8Array {
  const out = new Uint8Array(width * height * 4);
  for (let i = 0; i < codes.length; i++) {
    const a = artwork[i * 4 + 3] / 255;
    const grey = (0.299 * artwork[i * 4] + 0.587 * artwork[i * 4 + 1] + 0.114 * artwork[i * 4 + 2]) * a + 255 * (1 - a);
    // Faded to the top quarter of the grey scale, so every overlay colour stands out on it.
    let rgb: Rgb = { r: 190 + grey / 4.2, g: 190 + grey / 4.2, b: 190 + grey / 4.2 };
    const code = codes[i];
    if (code === DIFFERENCE.added) rgb = DIFFERENCE_COLOURS.added;
    else if (code === DIFFERENCE.removed) rgb = DIFFERENCE_COLOURS.removed;
    else if (code === DIFFERENCE.changed) rgb = DIFFERENCE_COLOURS.changed;
    else if (code === DIFFERENCE.offPage) {
      const x = i % width;
      const y = Math.floor(i / width);
      rgb = (x + y) % 8 < 2 ? { r: 150, g: 150, b: 150 } : { r: 235, g: 235, b: 235 };
    }
    out[i * 4] = Math.round(rgb.r);
    out[i * 4 + 1] = Math.round(rgb.g);
    out[i * 4 + 2] = Math.round(rgb.b);
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** Share of the logo's on-page pixels of each kind, for the legend. */
export function differenceShares(codes: Uint8Array): Record<'added' | 'removed' | 'changed', number> {
  let onPage = 0;
  const counts = { added: 0, removed: 0, changed: 0 };
  for (const code of codes) {
    if (code === DIFFERENCE.offPage) continue;
    onPage++;
    if (code === DIFFERENCE.added) counts.added++;
    else if (code === DIFFERENCE.removed) counts.removed++;
    else if (code === DIFFERENCE.changed) counts.changed++;
  }
  const share = (k: number) => (onPage ? k / onPage : 0);
  return { added: share(counts.added), removed: share(counts.removed), changed: share(counts.changed) };
}
