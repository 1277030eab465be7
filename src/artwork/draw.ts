// Draws the logo from the charter's description of it (Article II): an @ in blue and white, a red
// arrow in its lower-left part, the tagline and the badge. Text is outlined to paths with a font
// shipped on npm, so the SVG renders the same on any machine. The sample and test-set generators
// draw their broken logos with the same code, by changing what they pass in.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import opentype from 'opentype.js';
import type { Charter, ElementId } from '../charter/schema.ts';

const require = createRequire(import.meta.url);
const FONT_FILE = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const fontBytes = readFileSync(FONT_FILE);
const font = opentype.parse(fontBytes.buffer.slice(fontBytes.byteOffset, fontBytes.byteOffset + fontBytes.byteLength));

export interface DrawOptions {
  badgeText: string;
  /** Tagline lines; defaults to the charter's. */
  taglineLines?: string[];
  /** Elements left out (for deletion samples). */
  omit?: ElementId[];
  /** Palette overrides by palette name (for recolour samples). */
  colours?: Partial<Record<string, string>>;
  /** Extra SVG drawn on top, in artwork units (for addition samples). */
  overlay?: string;
  /** Title written in the SVG. */
  title?: string;
}

const round = (n: number) => Math.round(n * 100) / 100;

// Glyph-by-glyph layout with kerning: opentype.js's shaper chokes on DejaVu's composition lookups,
// and Latin text in precomposed Unicode needs nothing more.
function layout(text: string, x: number, y: number, size: number): { d: string; width: number } {
  const scale = size / font.unitsPerEm;
  let pen = x;
  let previous: opentype.Glyph | null = null;
  const parts: string[] = [];
  for (const ch of text.normalize('NFC')) {
    const glyph = font.charToGlyph(ch);
    if (previous) pen += font.getKerningValue(previous, glyph) * scale;
    parts.push(glyph.getPath(pen, y, size).toPathData(2));
    pen += (glyph.advanceWidth ?? 0) * scale;
    previous = glyph;
  }
  return { d: parts.join(' '), width: pen - x };
}

const textWidth = (text: string, size: number) => layout(text, 0, 0, size).width;

export function drawLogo(charter: Charter, options: DrawOptions): string {
  const colour = (name: string) => options.colours?.[name] ?? charter.palette[name].hex;
  const blue = colour('blue');
  const white = colour('white');
  const red = colour('red');
  const omit = new Set(options.omit ?? []);

  function atSign(): string {
    const [x, y, w, h] = charter.elements.at.box;
    const cx = x + w / 2;
    const cy = y + h / 2;
    const r = w / 2;
    // The glyph sits inside the disc with a margin, so the white never touches its edge.
    const box = font.charToGlyph('@').getPath(0, 0, 100).getBoundingBox();
    const gw = box.x2 - box.x1;
    const gh = box.y2 - box.y1;
    const scale = (r * 1.45) / Math.max(gw, gh);
    const gx = cx - (box.x1 * scale + (gw * scale) / 2);
    const gy = cy - (box.y1 * scale + (gh * scale) / 2);
    return [
      `<g id="at">`,
      `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${blue}"/>`,
      `<path fill="${white}" d="${layout('@', gx, gy, 100 * scale).d}"/>`,
      `</g>`,
    ].join('');
  }

  function arrow(): string {
    const [x, y, w, h] = charter.elements.arrow.box;
    // Tail at the lower-left corner, tip towards the centre of the @ (up and right).
    const tail = [x + 8, y + h - 8];
    const tip = [x + w - 4, y + 4];
    const len = Math.hypot(tip[0] - tail[0], tip[1] - tail[1]);
    const [ux, uy] = [(tip[0] - tail[0]) / len, (tip[1] - tail[1]) / len];
    const [nx, ny] = [-uy, ux];
    const shaft = 15;
    const headLen = 58;
    const headHalf = 40;
    const base = [tip[0] - ux * headLen, tip[1] - uy * headLen];
    const pts = [
      [tail[0] + nx * shaft, tail[1] + ny * shaft],
      [base[0] + nx * shaft, base[1] + ny * shaft],
      [base[0] + nx * headHalf, base[1] + ny * headHalf],
      tip,
      [base[0] - nx * headHalf, base[1] - ny * headHalf],
      [base[0] - nx * shaft, base[1] - ny * shaft],
      [tail[0] - nx * shaft, tail[1] - ny * shaft],
    ];
    const points = pts.map((p) => `${round(p[0])},${round(p[1])}`).join(' ');
    return `<g id="arrow"><polygon fill="${red}" stroke="${white}" stroke-width="5" stroke-linejoin="round" points="${points}"/></g>`;
  }

  function tagline(): string {
    const [x, y, w, h] = charter.elements.tagline.box;
    const lines = options.taglineLines ?? charter.tagline.lines;
    const widest = Math.max(...lines.map((l) => textWidth(l, 100)));
    const gap = 1.18;
    // One size for every line: as large as both the box width and height allow.
    const size = Math.min((w / widest) * 100, h / ((lines.length - 1) * gap + 0.95));
    const ascent = size * 0.76;
    const d = lines.map((line, i) => layout(line, x, y + ascent + i * size * gap, size).d).join(' ');
    return `<g id="tagline"><path fill="${blue}" d="${d}"/></g>`;
  }

  function badge(): string {
    const [x, y, w, h] = charter.elements.badge.box;
    const pad = 18;
    const text = options.badgeText;
    const oneLine = Math.min(h * 0.5, ((w - 2 * pad) / textWidth(text, 100)) * 100);
    // Long badge texts go on two lines so they stay legible on small logos.
    const words = text.split(' ');
    let lines = [text];
    let size = oneLine;
    if (oneLine < h * 0.4 && words.length > 1) {
      let best = [text];
      let bestWidth = Infinity;
      for (let i = 1; i < words.length; i++) {
        const candidate = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
        const widest = Math.max(...candidate.map((l) => textWidth(l, 100)));
        if (widest < bestWidth) [best, bestWidth] = [candidate, widest];
      }
      const twoLines = Math.min(h * 0.36, ((w - 2 * pad) / bestWidth) * 100);
      if (twoLines > oneLine) [lines, size] = [best, twoLines];
    }
    const lineHeight = size * 1.08;
    const firstBaseline = y + h / 2 - ((lines.length - 1) * lineHeight) / 2 + size * 0.36;
    const d = lines
      .map((line, i) => layout(line, x + (w - textWidth(line, size)) / 2, firstBaseline + i * lineHeight, size).d)
      .join(' ');
    return [
      `<g id="badge">`,
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${h * 0.2}" fill="${blue}"/>`,
      `<path fill="${white}" d="${d}"/>`,
      `</g>`,
    ].join('');
  }

  const { width, height } = charter.artwork;
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${escape(options.title ?? `${charter.name} — ${options.badgeText}`)}</title>`,
    // The arrow is drawn after the @ because it lies on top of its lower-left part.
    omit.has('at') ? '' : atSign(),
    omit.has('arrow') ? '' : arrow(),
    omit.has('tagline') ? '' : tagline(),
    omit.has('badge') ? '' : badge(),
    options.overlay ?? '',
    `</svg>`,
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
