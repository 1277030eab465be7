// Text outlined to SVG paths with the DejaVu fonts shipped on npm. librsvg would otherwise pick
// whatever fonts the machine has (or none in a bare container), and the generated pages must be
// the same bytes everywhere.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import opentype from 'opentype.js';
import sharp from 'sharp';

const require = createRequire(import.meta.url);

const FACE_FILES = {
  sans: 'DejaVuSans.ttf',
  'sans-bold': 'DejaVuSans-Bold.ttf',
  'sans-oblique': 'DejaVuSans-Oblique.ttf',
  serif: 'DejaVuSerif.ttf',
  'serif-bold': 'DejaVuSerif-Bold.ttf',
  condensed: 'DejaVuSansCondensed.ttf',
  'condensed-bold': 'DejaVuSansCondensed-Bold.ttf',
} as const;

export type Face = keyof typeof FACE_FILES;

type Command = { type: 'M' | 'L' | 'Q' | 'C' | 'Z'; values: number[] };
interface GlyphShape {
  /** Outline at 1 em, y down, origin on the baseline. */
  commands: Command[];
  advance: number;
}

const fonts = new Map<Face, opentype.Font>();
const glyphs = new Map<string, GlyphShape>();

function font(face: Face): opentype.Font {
  let f = fonts.get(face);
  if (!f) {
    const bytes = readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${FACE_FILES[face]}`));
    f = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    fonts.set(face, f);
  }
  return f;
}

// Page text runs to thousands of glyphs; opentype.js path building is the slow part, so each glyph
// is outlined once per face and later only scaled and moved.
function glyph(face: Face, ch: string): GlyphShape {
  const key = `${face}\u0000${ch}`;
  let shape = glyphs.get(key);
  if (!shape) {
    const f = font(face);
    const g = f.charToGlyph(ch);
    const commands: Command[] = g.getPath(0, 0, 1).commands.map((c) => {
      switch (c.type) {
        case 'M':
        case 'L':
          return { type: c.type, values: [c.x, c.y] };
        case 'Q':
          return { type: 'Q', values: [c.x1, c.y1, c.x, c.y] };
        case 'C':
          return { type: 'C', values: [c.x1, c.y1, c.x2, c.y2, c.x, c.y] };
        default:
          return { type: 'Z', values: [] };
      }
    });
    shape = { commands, advance: (g.advanceWidth ?? 0) / f.unitsPerEm };
    glyphs.set(key, shape);
  }
  return shape;
}

const fmt = (n: number) => String(Math.round(n * 10) / 10);

export function measure(text: string, size: number, face: Face = 'sans'): number {
  let width = 0;
  for (const ch of text.normalize('NFC')) width += glyph(face, ch).advance;
  return width * size;
}

/** Path data of one line of text whose baseline starts at (x, y). */
export function outline(text: string, x: number, y: number, size: number, face: Face = 'sans'): string {
  const parts: string[] = [];
  let pen = x;
  for (const ch of text.normalize('NFC')) {
    const shape = glyph(face, ch);
    for (const { type, values } of shape.commands) {
      const coords = values.map((v, i) => fmt(i % 2 === 0 ? pen + v * size : y + v * size));
      parts.push(type + coords.join(' '));
    }
    pen += shape.advance * size;
  }
  return parts.join('');
}

/** Box around the outline's points (control points included, so never smaller than the ink). */
export function inkBounds(text: string, x: number, y: number, size: number, face: Face = 'sans'): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  let pen = x;
  for (const ch of text.normalize('NFC')) {
    const shape = glyph(face, ch);
    for (const { values } of shape.commands) {
      for (let i = 0; i < values.length; i += 2) {
        const px = pen + values[i] * size;
        const py = y + values[i + 1] * size;
        minX = Math.min(minX, px);
        maxX = Math.max(maxX, px);
        minY = Math.min(minY, py);
        maxY = Math.max(maxY, py);
      }
    }
    pen += shape.advance * size;
  }
  return minX === Infinity ? [x, y, 0, 0] : [minX, minY, maxX - minX, maxY - minY];
}

/** A line of text to draw: baseline origin in page px. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  /** Font size in px; rounded to whole px when rasterised. */
  size: number;
  face: Face;
  /** #RRGGBB */
  fill: string;
}

interface GlyphBitmap {
  alpha: Uint8Array;
  width: number;
  height: number;
  /** Offset of the bitmap's top-left from the glyph origin (pen position on the baseline). */
  dx: number;
  dy: number;
  advance: number;
}

const bitmaps = new Map<string, GlyphBitmap>();

// librsvg parses a page of outlined body text (thousands of glyphs, megabytes of path data) in a
// few hundred ms and does not scale across threads; rasterising each glyph once per face and size
// and stamping it is two orders of magnitude cheaper, at the cost of whole-pixel glyph positions.
async function ensureGlyphs(face: Face, size: number, chars: Iterable<string>): Promise<void> {
  const missing = [...new Set(chars)].filter((ch) => !bitmaps.has(`${face}\u0000${size}\u0000${ch}`));
  if (missing.length === 0) return;
  const cells = missing.map((ch) => {
    const [bx, by, bw, bh] = inkBounds(ch, 0, 0, size, face);
    const dx = Math.floor(bx) - 1;
    const dy = Math.floor(by) - 1;
    return { ch, dx, dy, width: Math.max(1, Math.ceil(bx + bw) + 1 - dx), height: Math.max(1, Math.ceil(by + bh) + 1 - dy) };
  });
  const cellW = Math.max(...cells.map((c) => c.width));
  const cellH = Math.max(...cells.map((c) => c.height));
  const perRow = Math.max(1, Math.floor(2048 / cellW));
  const rows = Math.ceil(cells.length / perRow);
  const atlasW = perRow * cellW;
  const atlasH = rows * cellH;
  const paths = cells.map((c, i) => {
    const ox = (i % perRow) * cellW - c.dx;
    const oy = Math.floor(i / perRow) * cellH - c.dy;
    return outline(c.ch, ox, oy, size, face);
  });
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${atlasW}" height="${atlasH}"><path fill="#000000" d="${paths.join('')}"/></svg>`;
  const rgba = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer();
  cells.forEach((c, i) => {
    const x0 = (i % perRow) * cellW;
    const y0 = Math.floor(i / perRow) * cellH;
    const alpha = new Uint8Array(c.width * c.height);
    for (let y = 0; y < c.height; y++) {
      for (let x = 0; x < c.width; x++) alpha[y * c.width + x] = rgba[((y0 + y) * atlasW + x0 + x) * 4 + 3];
    }
    bitmaps.set(`${face}\u0000${size}\u0000${c.ch}`, { alpha, width: c.width, height: c.height, dx: c.dx, dy: c.dy, advance: glyph(face, c.ch).advance * size });
  });
}

/** Draws the runs into an RGB buffer of width×height, blending each glyph's coverage. */
export async function drawRuns(rgb: Uint8Array, width: number, height: number, runs: TextRun[]): Promise<void> {
  const groups = new Map<string, Set<string>>();
  for (const run of runs) {
    const key = `${run.face}\u0000${Math.round(run.size)}`;
    let set = groups.get(key);
    if (!set) groups.set(key, (set = new Set()));
    for (const ch of run.text.normalize('NFC')) set.add(ch);
  }
  for (const [key, chars] of groups) {
    const [face, size] = key.split('\u0000');
    await ensureGlyphs(face as Face, Number(size), chars);
  }
  for (const run of runs) {
    const size = Math.round(run.size);
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(run.fill.slice(i, i + 2), 16));
    let pen = run.x;
    const baseline = Math.round(run.y);
    for (const ch of run.text.normalize('NFC')) {
      const bm = bitmaps.get(`${run.face}\u0000${size}\u0000${ch}`)!;
      const left = Math.round(pen) + bm.dx;
      const top = baseline + bm.dy;
      const x0 = Math.max(0, -left);
      const x1 = Math.min(bm.width, width - left);
      for (let y = Math.max(0, -top); y < bm.height && top + y < height; y++) {
        let o = ((top + y) * width + left + x0) * 3;
        for (let x = x0, i = y * bm.width + x0; x < x1; x++, i++, o += 3) {
          const a = bm.alpha[i];
          if (a === 0) continue;
          const k = a / 255;
          rgb[o] += (r - rgb[o]) * k;
          rgb[o + 1] += (g - rgb[o + 1]) * k;
          rgb[o + 2] += (b - rgb[o + 2]) * k;
        }
      }
      pen += bm.advance;
    }
  }
}
