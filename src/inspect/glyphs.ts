// The glyphs of the artwork's texts, found once per checker in the reference raster: their size
// tells whether a text can be read at a given scale, and the small marks above letters (accents,
// the dots of i and j) can be checked one by one, since a whole-text comparison cannot see them.
import { REF_SCALE, type ReferenceModel } from '../charter/reference.ts';
import { components, type Region } from '../image/components.ts';
import type { Gray } from '../image/raster.ts';

/**
 * Connected glyph pieces of a text element in one artwork raster, in reference pixels: the pixels
 * of the element's box far from the box's median grey (dark letters on the white ground of the
 * tagline, white ones on the blue badge).
 */
export function glyphsOf(ref: ReferenceModel, id: 'badge' | 'tagline', gray: Gray): Region[] {
  return components(glyphMask(ref, id, gray), ref.width, ref.height).filter((r) => r.area >= 2);
}

/** The glyph pixels of a text element in one artwork raster (see glyphsOf), over the whole raster. */
export function glyphMask(ref: ReferenceModel, id: 'badge' | 'tagline', gray: Gray): Uint8Array {
  const [bx, by, bw, bh] = ref.charter.elements[id].box.map((v) => v * REF_SCALE);
  const x0 = Math.max(0, Math.ceil(bx));
  const y0 = Math.max(0, Math.ceil(by));
  const x1 = Math.min(ref.width, Math.floor(bx + bw));
  const y1 = Math.min(ref.height, Math.floor(by + bh));
  const values: number[] = [];
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) values.push(gray.data[y * ref.width + x]);
  const median = values.sort((a, b) => a - b)[values.length >> 1];
  const mask = new Uint8Array(ref.width * ref.height);
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (Math.abs(gray.data[y * ref.width + x] - median) > 64) mask[y * ref.width + x] = 1;
  return mask;
}

/** Median glyph height, reference pixels: most glyphs of a French text are lowercase, so about its x-height. */
export function medianHeight(glyphs: Region[]): number {
  const heights = glyphs.filter((r) => r.area >= 4).map((r) => r.y1 - r.y0 + 1).sort((a, b) => a - b);
  return heights.length ? heights[heights.length >> 1] : 0;
}

/** A part of a glyph above its line's x-height: an accent, the dot of an i, an ascender, a capital's top. */
export type UpperPart = Region;

/**
 * The parts of the glyphs that rise above the x-height of their line, in reading order (line by
 * line, left to right). Lines are glyph bodies whose bottoms (the baseline, descenders aside) lie
 * within half an x-height of each other; a line's x-height top is the median top of its bodies
 * (most are lowercase). An accent drawn apart from its letter is a piece wholly above that top;
 * one touching its letter at this resolution is the top of a taller body.
 */
export function findUpperParts(glyphs: Region[]): UpperPart[] {
  const xHeight = medianHeight(glyphs);
  const bodies = glyphs.filter((g) => g.y1 - g.y0 + 1 >= 0.6 * xHeight).sort((a, b) => a.y1 - b.y1);
  const lines: Region[][] = [];
  for (const g of bodies) {
    const last = lines[lines.length - 1];
    if (last && g.y1 - last[last.length - 1].y1 <= xHeight / 2) last.push(g);
    else lines.push([g]);
  }
  const parts: UpperPart[] = [];
  for (const line of lines) {
    if (line.length < 3) continue; // the badge box's corners, not a line of text
    const tops = line.map((g) => g.y0).sort((a, b) => a - b);
    const top = tops[tops.length >> 1];
    const baseline = line.map((g) => g.y1).sort((a, b) => a - b)[line.length >> 1];
    // A mark of this line: small, just above its x-height, over one of its letters.
    const isMark = (g: Region) => g.y1 - g.y0 + 1 < 0.6 * xHeight && g.y1 < top && g.y1 >= top - xHeight;
    const pieces = glyphs
      // The line's own glyphs, and marks just above its x-height.
      .filter((g) => (line.includes(g) || (isMark(g) && line.some((letter) => letter.x0 <= g.x1 && letter.x1 >= g.x0))) && g.y0 < top - 1 && g.y1 <= baseline + xHeight / 2)
      .sort((a, b) => a.x0 - b.x0);
    for (const g of pieces) parts.push({ ...g, y1: Math.min(g.y1, top - 1) });
  }
  return parts;
}
