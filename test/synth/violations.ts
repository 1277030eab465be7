// The ways a logo can be generated, as data: each class states which finding rules a correct
// checker must raise for it (Article X: any modification, addition or deletion; Article IX: the
// validity period), and how to draw a random instance of it.
import type { BBox } from '../../src/types.ts';
import type { Charter } from '../../src/charter/schema.ts';
import { deltaE2000, hexToLab, hexToRgb, rgbToHex, rgbToLab } from '../../src/image/colour.ts';
import type { LogoGeometry, LogoSpec } from './logo.ts';
import type { Rng } from './random.ts';
import { inkBounds, measure, outline } from './text.ts';

export type FileKind = 'png' | 'jpeg' | 'pdf' | 'gif' | 'webp';

export const VIOLATION_IDS = [
  'compliant',
  'colour-recolour',
  'colour-greyscale',
  'colour-invert',
  'distortion-stretch',
  'distortion-skew',
  'rotation',
  'mirror',
  'missing-at',
  'missing-arrow',
  'missing-tagline',
  'missing-badge',
  'addition',
  'badge-text',
  'badge-category',
  'tagline-text',
  'cropped',
  'min-size',
  'validity',
  'clear-space',
] as const;

export type ViolationId = (typeof VIOLATION_IDS)[number];

export interface ViolationClass {
  id: ViolationId;
  /** Rule ids a correct checker reports for a logo of this class ('validity' is reported on the file). */
  expectedRules: string[];
  /** What the generator does to the logo. */
  description: string;
  /** File kinds the class can be written as. */
  kinds: readonly FileKind[];
  /** Whether the file must declare a category (CheckOptions.category) for the class to make sense. */
  needsCategory: boolean;
  /** Whether the class may share its page with a second logo. */
  shareable: boolean;
}

export const FILE_KINDS: readonly FileKind[] = ['png', 'jpeg', 'pdf', 'gif', 'webp'];

const cls = (
  id: ViolationId,
  expectedRules: string[],
  description: string,
  extra: Partial<Pick<ViolationClass, 'kinds' | 'needsCategory' | 'shareable'>> = {},
): ViolationClass => ({ id, expectedRules, description, kinds: FILE_KINDS, needsCategory: false, shareable: true, ...extra });

export const VIOLATION_CLASSES: readonly ViolationClass[] = [
  cls('compliant', [], 'approved artwork, uniform scale, clear space kept'),
  cls('colour-recolour', ['colour'], 'palette hue-rotated, blue and red swapped, one palette colour replaced, or (subtle) one ink moved 18–25 ΔE2000 away'),
  cls('colour-greyscale', ['colour'], 'whole logo converted to grey (Rec. 709 luma)'),
  cls('colour-invert', ['colour'], 'RGB inverted, alpha kept'),
  cls('distortion-stretch', ['distortion'], 'one axis scaled 1.15–1.4× more than the other (subtle: 1.10–1.15×)'),
  cls('distortion-skew', ['distortion'], 'horizontal shear of 8–20°'),
  cls('rotation', ['rotation'], 'rotated ±5–175° about its centre (subtle: ±5–8°)'),
  cls('mirror', ['mirror'], 'flipped horizontally'),
  cls('missing-at', ['missing-element'], 'the @ sign is left out'),
  cls('missing-arrow', ['missing-element'], 'the red arrow is left out'),
  cls('missing-tagline', ['missing-element'], 'the tagline is left out'),
  cls('missing-badge', ['missing-element'], 'the badge is left out'),
  cls('addition', ['addition'], 'a scribble, star, sticker or text mark covering 1.5–6 % of the logo area, or (subtle) a ® or ™ in the logo blue'),
  cls('badge-text', ['badge-text'], 'badge text misspelt, replaced by a text that is not approved, or (subtle) stripped of its accents'),
  cls('badge-category', ['badge-category'], 'an approved badge other than the declared category', { needsCategory: true }),
  cls('tagline-text', ['tagline-text'], 'tagline with a word changed, added or removed'),
  cls('cropped', ['cropped'], '10–40 % of the logo area falls outside the page edge', { shareable: false }),
  cls('min-size', ['min-size'], 'logo 100–140 px wide at 150 dpi (under 25 mm)'),
  cls('validity', ['validity'], 'compliant logo in a PDF created 2009–2012, after the operation ended', {
    kinds: ['pdf'],
    shareable: false,
  }),
  cls('clear-space', ['clear-space'], 'a bar along one side, or a bold caption above or below, inside the clear-space margin'),
];

export function violationClass(id: ViolationId): ViolationClass {
  const found = VIOLATION_CLASSES.find((c) => c.id === id);
  if (!found) throw new Error(`unknown violation class "${id}"; expected one of ${VIOLATION_IDS.join(', ')}`);
  return found;
}

/** Badge texts one slip away from an approved text: each changes letters OCR can see, not only accents. */
export const MISSPELT_BADGES: Record<string, string[]> = {
  'offre-referencee': ['offre référencé', 'ofre référencée', 'offre référence', 'offres référencées'],
  'equipement-reference': ['équipement référencée', 'équipements référencés', 'équipment référencé', 'équipement référ'],
  'centre-competence-tpe': ['centre de compétence PME', 'centre de compétences PME', 'centre compétence TPE'],
  'conseiller-tpe': [
    'conseiller informatique TPE',
    'conseiller informatique et Télécoms PME',
    'conseil informatique et Télécoms TPE',
  ],
};

/**
 * Approved badge texts with their accents dropped, as a keyboard without dead keys types them: a
 * subtle slip that only the accents betray (« offre referencee », « equipement reference »…).
 */
export const ACCENTLESS_BADGES: Record<string, string> = {
  'offre-referencee': 'offre referencee',
  'equipement-reference': 'equipement reference',
  'centre-competence-tpe': 'centre de competence TPE',
  'conseiller-tpe': 'conseiller informatique et Telecoms TPE',
};

/** Texts that read like a badge but that no category allows. */
export const UNAPPROVED_BADGES = ['offre certifiée', 'partenaire agréé', 'offre labellisée', 'produit recommandé', 'membre du réseau'];

/** Taglines with a word changed, removed or added; never only punctuation, which a reader may not see. */
export const ALTERED_TAGLINES: string[][] = [
  ['Entrepreneurs', 'faites le choix du', 'numérique'],
  ['Entreprises', 'faites le choix de', "l'économie numérique"],
  ['Entrepreneurs', 'faites le choix de', "l'économie digitale"],
  ['Entrepreneurs', 'faites le choix de', "l'économie"],
  ['Entrepreneurs', 'faites le bon choix de', "l'économie numérique"],
  ['Commerçants', 'faites le choix de', "l'économie numérique"],
  ['Entrepreneurs', 'choisissez', "l'économie numérique"],
];

export type RecolourMode = 'hue-rotate' | 'swap' | 'arrow-blue' | 'other-blue' | 'other-red' | 'near-blue' | 'near-red';

/**
 * Which subtle variant of its class a logo is, recorded so an evaluation can break results down:
 * each sits a small multiple of the charter's tolerance past it, where a checker is most likely to
 * be fooled by noise one way or the other.
 */
export type SubtleMode = 'rotation-5-8' | 'stretch-10' | 'colour-de20' | 'tagline-word' | 'accents' | 'trademark';

// Each replacement is more than 15 CIEDE2000 from the charter colour it replaces, well past the
// charter's tolerance of 10, so JPEG noise cannot bring it back into range.
const OTHER_BLUES = ['#3C8DDE', '#00A3D9', '#5B2C8F', '#008A5E', '#0A1E4A'];
const OTHER_REDS = ['#F39200', '#C2007A', '#7A0010', '#FF6F91'];

function hexToHsl(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  const max = Math.max(r, g, b);
  const min = Math.min(r, g, b);
  const l = (max + min) / 2;
  if (max === min) return [0, 0, l];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === r ? (g - b) / d + (g < b ? 6 : 0) : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return [h * 60, s, l];
}

function hslToHex(h: number, s: number, l: number): string {
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    const a = s * Math.min(l, 1 - l);
    const v = l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1));
    return Math.round(v * 255)
      .toString(16)
      .padStart(2, '0');
  };
  return `#${f(0)}${f(8)}${f(4)}`.toUpperCase();
}

export function hueRotate(hex: string, deg: number): string {
  const [h, s, l] = hexToHsl(hex);
  return hslToHex((((h + deg) % 360) + 360) % 360, s, l);
}

/** CIEDE2000 band of the subtle recolour: about twice the charter's tolerance of 10 for blue and red. */
export const NEAR_DELTA_E: [number, number] = [18, 25];

/**
 * A colour `target` CIEDE2000 away from `hex`: a random direction in RGB, walked out by bisection
 * (ΔE grows along a ray from the colour), clamped to the gamut; a direction that leaves the gamut
 * before reaching the target is replaced by another.
 */
export function colourAtDeltaE(hex: string, target: number, rng: Rng): string {
  const base = hexToRgb(hex);
  const lab = hexToLab(hex);
  const at = (dir: number[], t: number) => {
    const [r, g, b] = [base.r, base.g, base.b].map((v, i) => Math.round(Math.max(0, Math.min(255, v + t * dir[i]))));
    return { r, g, b };
  };
  for (let attempt = 0; attempt < 50; attempt++) {
    const dir = [rng.range(-1, 1), rng.range(-1, 1), rng.range(-1, 1)];
    const norm = Math.hypot(...dir);
    if (norm < 0.2) continue;
    const unit = dir.map((v) => v / norm);
    if (deltaE2000(lab, rgbToLab(at(unit, 255))) < target) continue;
    let [lo, hi] = [0, 255];
    for (let i = 0; i < 30; i++) {
      const mid = (lo + hi) / 2;
      if (deltaE2000(lab, rgbToLab(at(unit, mid))) < target) lo = mid;
      else hi = mid;
    }
    return rgbToHex(at(unit, hi));
  }
  throw new Error(`no colour ${target} ΔE2000 from ${hex} found in 50 directions`);
}

export function recolour(charter: Charter, mode: RecolourMode, rng: Rng): Record<string, string> {
  const blue = charter.palette.blue.hex;
  const red = charter.palette.red.hex;
  switch (mode) {
    case 'near-blue':
      return { blue: colourAtDeltaE(blue, rng.range(...NEAR_DELTA_E), rng) };
    case 'near-red':
      return { red: colourAtDeltaE(red, rng.range(...NEAR_DELTA_E), rng) };
    case 'hue-rotate': {
      const deg = rng.range(60, 300);
      return { blue: hueRotate(blue, deg), red: hueRotate(red, deg) };
    }
    case 'swap':
      return { blue: red, red: blue };
    case 'arrow-blue':
      return { red: blue };
    case 'other-blue':
      return { blue: rng.pick(OTHER_BLUES) };
    case 'other-red':
      return { red: rng.pick(OTHER_REDS) };
  }
}

export type AdditionKind = 'scribble' | 'star' | 'sticker' | 'text' | 'trademark';

export interface Addition {
  kind: AdditionKind;
  /** SVG drawn over the logo, in artwork units, flat (no groups) so PDF vector output can parse it. */
  svg: string;
  /** Box of the mark in artwork units. */
  box: BBox;
  /** Box area over the artwork area. */
  areaFraction: number;
}

const MARK_COLOURS = ['#FFD400', '#F39200', '#00A651', '#111111', '#E4007C', '#1A3C8C'];
const STICKER_WORDS = ['PROMO', 'NEW', 'NOUVEAU', '2008', 'TOP'];
const MARK_TEXTS = ['-20 %', 'PROMO', 'Nouveau !', 'Gratuit', '-10 %', '★ TOP'];

const f1 = (n: number) => String(Math.round(n * 10) / 10);

export interface AdditionChoice {
  kind?: AdditionKind;
  /** Text of a 'text' or 'sticker' mark. */
  text?: string;
  /** Share of the artwork area the mark's box covers. */
  areaFraction?: number;
  /**
   * Shortest side of the mark's box, artwork units: a smaller mark is grown to it (keeping its
   * shape), so that it stays over the charter's smallest printed mark (addition.minSideMm) once the
   * logo is stored at its size.
   */
  minSide?: number;
}

/** A foreign mark inside the artwork rectangle, sized by the share of the logo area its box covers. */
export function sampleAddition(charter: Charter, rng: Rng, choice: AdditionChoice = {}): Addition {
  const { width: W, height: H } = charter.artwork;
  const kind = choice.kind ?? rng.pick(['scribble', 'star', 'sticker', 'text'] as const);
  if (kind === 'trademark') throw new Error("sampleAddition: draw a 'trademark' mark with trademarkAddition()");
  const areaFraction = choice.areaFraction ?? rng.range(0.015, 0.06);
  const area = areaFraction * W * H;
  let w: number;
  let h: number;
  let draw: (x: number, y: number) => string;
  const colour = rng.pick(MARK_COLOURS);
  switch (kind) {
    case 'scribble': {
      const aspect = rng.range(0.6, 2.2);
      w = Math.sqrt(area * aspect);
      h = area / w;
      const strokeWidth = rng.range(6, 10);
      const turns = rng.int(4, 9);
      const offsets = Array.from({ length: turns + 1 }, (_, i) => [i / turns, rng.float()] as const);
      draw = (x, y) => {
        const inset = strokeWidth / 2;
        const pts = offsets.map(([u, v], i) => {
          const px = x + inset + u * (w - 2 * inset);
          const py = y + inset + (i % 2 === 0 ? v * 0.35 : 0.65 + v * 0.35) * (h - 2 * inset);
          return `${f1(px)},${f1(py)}`;
        });
        return `<polyline fill="none" stroke="${colour}" stroke-width="${f1(strokeWidth)}" stroke-linecap="round" stroke-linejoin="round" points="${pts.join(' ')}"/>`;
      };
      break;
    }
    case 'star': {
      w = h = Math.sqrt(area);
      const spikes = rng.pick([5, 6, 8]);
      const turn = rng.range(0, Math.PI);
      draw = (x, y) => {
        const cx = x + w / 2;
        const cy = y + h / 2;
        const pts: string[] = [];
        for (let i = 0; i < spikes * 2; i++) {
          const r = (i % 2 === 0 ? 0.5 : 0.22) * w;
          const a = turn + (i * Math.PI) / spikes;
          pts.push(`${f1(cx + r * Math.cos(a))},${f1(cy + r * Math.sin(a))}`);
        }
        return `<polygon fill="${colour}" points="${pts.join(' ')}"/>`;
      };
      break;
    }
    case 'sticker': {
      w = h = Math.sqrt(area);
      const word = choice.text ?? rng.pick(STICKER_WORDS);
      const ink = colour === '#111111' || colour === '#1A3C8C' ? '#FFFFFF' : '#111111';
      draw = (x, y) => {
        const r = w / 2;
        const size = Math.min((w * 0.72) / (measure(word, 1, 'sans-bold') || 1), h * 0.4);
        const tw = measure(word, size, 'sans-bold');
        return (
          `<circle cx="${f1(x + r)}" cy="${f1(y + r)}" r="${f1(r)}" fill="${colour}"/>` +
          `<path fill="${ink}" d="${outline(word, x + r - tw / 2, y + r + size * 0.36, size, 'sans-bold')}"/>`
        );
      };
      break;
    }
    case 'text': {
      const text = choice.text ?? rng.pick(MARK_TEXTS);
      const ink = colour === '#FFD400' ? '#E1000F' : colour;
      const ink1 = inkBounds(text, 0, 0, 1, 'sans-bold');
      w = ink1[2] * Math.sqrt(area / (ink1[2] * ink1[3]));
      h = (w / ink1[2]) * ink1[3];
      // Placed by its ink box, not its baseline, so the declared box is where the ink is.
      draw = (x, y) => {
        const size = w / ink1[2];
        return `<path fill="${ink}" d="${outline(text, x - ink1[0] * size, y - ink1[1] * size, size, 'sans-bold')}"/>`;
      };
      break;
    }
  }
  // Growing after the draws keeps the random stream where it was, whatever the minimum.
  const grow = Math.max(1, (choice.minSide ?? 0) / Math.min(w, h));
  w *= grow;
  h *= grow;
  const x = rng.range(0, Math.max(0, W - w));
  const y = rng.range(0, Math.max(0, H - h));
  return { kind, svg: draw(x, y), box: [x, y, w, h], areaFraction: (w * h) / (W * H) };
}

const TRADEMARKS = ['®', '™'] as const;

/**
 * A ® or ™ in the logo's blue after the tagline's first line (where a trademark sign follows a
 * name) or at the top-right of the @. It is set at the tagline's size but never under the charter's
 * smallest reported mark: at text size a ® covers 0.33 % of the artwork and a ™ 0.11 %, under
 * addition.minAreaFraction (0.4 %), so either is grown to 1.25 × that area, and to `minSide`.
 * Null when the sign no longer fits where it was to go.
 */
export function trademarkAddition(charter: Charter, rng: Rng, minSide = 0): Addition | null {
  const { width: W, height: H } = charter.artwork;
  const symbol = rng.pick(TRADEMARKS);
  const place = rng.chance(0.4) ? 'at' : 'tagline';
  const [tx, ty, tw, th] = charter.elements.tagline.box;
  const lines = charter.tagline.lines;
  // The tagline's font size as src/artwork/draw.ts sets it: as large as its box allows.
  const widest = Math.max(...lines.map((l) => measure(l, 100, 'sans-bold')));
  const textSize = Math.min((tw / widest) * 100, th / ((lines.length - 1) * 1.18 + 0.95));
  const ink1 = inkBounds(symbol, 0, 0, 1, 'sans-bold');
  const minArea = 1.25 * charter.addition.minAreaFraction * W * H;
  const size = Math.max(textSize, Math.sqrt(minArea / (ink1[2] * ink1[3])), minSide / Math.min(ink1[2], ink1[3]));
  const [w, h] = [ink1[2] * size, ink1[3] * size];
  let x: number;
  let y: number;
  const [ax, ay, aw] = charter.elements.at.box;
  const r = aw / 2;
  const [cx, cy] = [ax + r, ay + r];
  if (place === 'at') {
    // In the corner between the disc's top-right and the tagline, clear of both.
    [x, y] = [tx - 6 - w, Math.max(2, ay - 8)];
    const near = [Math.max(x, Math.min(cx, x + w)), Math.max(y, Math.min(cy, y + h))];
    if (Math.hypot(near[0] - cx, near[1] - cy) < r + 3 || x < ax + r) return null;
  } else {
    // Superscript: the sign's top on the first line's cap height, a thin space after its last letter.
    const capTop = ty + 0.76 * textSize + inkBounds('E', 0, 0, textSize, 'sans-bold')[1];
    [x, y] = [tx + measure(lines[0], textSize, 'sans-bold') + 0.08 * textSize, capTop];
    if (x + w > W - 4 || h > 1.05 * textSize) return null;
  }
  const svg = `<path fill="${charter.palette.blue.hex}" d="${outline(symbol, x - ink1[0] * size, y - ink1[1] * size, size, 'sans-bold')}"/>`;
  return { kind: 'trademark', svg, box: [x, y, w, h], areaFraction: (w * h) / (W * H) };
}

/** How the stored file will show the page a logo is drawn on. */
export interface View {
  /** Least and most file px per page px anywhere on the page (1 for a page stored as drawn). */
  minScale: number;
  maxScale: number;
  /** Resolution the checker judges sizes at for that file. */
  dpi: number;
}

export interface SampleContext {
  charter: Charter;
  /** Category the file declares; the logo uses it unless the class says otherwise. */
  category?: string;
  /** Bounds for the width of a freely placed logo, 150-dpi px. */
  widthRange?: [number, number];
  /** Marks and min-size logos are sized for it; default: the page stored as drawn, judged at the charter's assumed dpi. */
  view?: View;
  /** Share of the logos of a class with a subtle variant drawn as that variant; default 0. */
  subtleRate?: number;
}

const wordsOf = (lines: string[]) => lines.join(' ').split(/\s+/);

const PLAIN: LogoGeometry = { rotationDeg: 0, scaleX: 1, scaleY: 1, skewXDeg: 0, mirror: false };

/** A random logo of the given class. */
export function sampleLogo(id: ViolationId, rng: Rng, ctx: SampleContext): LogoSpec {
  const { charter } = ctx;
  const variants = charter.badges.map((b) => b.id);
  const [minW, maxW] = ctx.widthRange ?? [160, 520];
  const view = ctx.view ?? { minScale: 1, maxScale: 1, dpi: charter.minSize.assumedDpi };
  // Subtle variants draw from their own stream, so that the ordinary draws stay where they were.
  const subtleRng = rng.fork('subtle');
  const subtle = () => subtleRng.chance(ctx.subtleRate ?? 0);
  /** Shortest side a mark needs, in artwork units, to stay over the charter's minimum once stored. */
  const minMarkSide = (widthPx: number) =>
    (1.25 * (charter.addition.minSideMm / 25.4) * view.dpi) / (view.minScale * (widthPx / charter.artwork.width));
  let variant = ctx.category ?? rng.pick(variants);
  if (id === 'badge-category') {
    if (!ctx.category) throw new Error('class badge-category needs a declared category (SampleContext.category)');
    variant = rng.pick(variants.filter((v) => v !== ctx.category));
  }
  const approvedText = charter.badges.find((b) => b.id === variant)!.text;
  const spec: LogoSpec = {
    violation: id,
    variant,
    badgeText: approvedText,
    widthPx: rng.range(minW, maxW),
    geometry: { ...PLAIN },
  };
  switch (id) {
    case 'colour-recolour':
      spec.colours = recolour(charter, rng.pick(['hue-rotate', 'swap', 'arrow-blue', 'other-blue', 'other-red'] as const), rng);
      if (subtle()) {
        spec.colours = recolour(charter, subtleRng.pick(['near-blue', 'near-red'] as const), subtleRng);
        spec.subtle = 'colour-de20';
      }
      break;
    case 'colour-greyscale':
      spec.colourOp = 'greyscale';
      break;
    case 'colour-invert':
      spec.colourOp = 'invert';
      break;
    case 'distortion-stretch':
      if (rng.chance(0.5)) spec.geometry.scaleX = rng.range(1.15, 1.4);
      else spec.geometry.scaleY = rng.range(1.15, 1.4);
      if (subtle()) {
        const stretch = subtleRng.range(1.1, 1.15);
        if (spec.geometry.scaleX > 1) spec.geometry.scaleX = stretch;
        else spec.geometry.scaleY = stretch;
        spec.subtle = 'stretch-10';
      }
      // A stretched logo keeps the free-placement width bound on the page.
      spec.widthPx = Math.min(spec.widthPx, maxW / spec.geometry.scaleX);
      break;
    case 'distortion-skew':
      spec.geometry.skewXDeg = rng.sign() * rng.range(8, 20);
      break;
    case 'rotation': {
      const sign = rng.sign();
      spec.geometry.rotationDeg = sign * rng.range(5, 175);
      if (subtle()) {
        spec.geometry.rotationDeg = sign * subtleRng.range(5, 8);
        spec.subtle = 'rotation-5-8';
      }
      break;
    }
    case 'mirror':
      spec.geometry.mirror = true;
      break;
    case 'missing-at':
      spec.omit = ['at'];
      break;
    case 'missing-arrow':
      spec.omit = ['arrow'];
      break;
    case 'missing-tagline':
      spec.omit = ['tagline'];
      break;
    case 'missing-badge':
      spec.omit = ['badge'];
      break;
    case 'addition': {
      spec.addition = sampleAddition(charter, rng, { minSide: minMarkSide(spec.widthPx) });
      const sign = subtle() ? trademarkAddition(charter, subtleRng) : null;
      if (sign) {
        // A trademark sign is subtle at text size: the logo is widened until that size is over
        // the printed minimum, if the width bound allows; else the ordinary mark stays.
        const side = Math.min(sign.box[2], sign.box[3]);
        const least = (spec.widthPx * minMarkSide(spec.widthPx)) / side;
        if (least <= maxW) {
          if (spec.widthPx < least) spec.widthPx = subtleRng.range(least, maxW);
          spec.addition = sign;
          spec.subtle = 'trademark';
        }
      }
      break;
    }
    case 'badge-text':
      spec.badgeText = rng.chance(0.6) ? rng.pick(MISSPELT_BADGES[variant] ?? UNAPPROVED_BADGES) : rng.pick(UNAPPROVED_BADGES);
      if (subtle()) {
        spec.badgeText = ACCENTLESS_BADGES[variant];
        spec.subtle = 'accents';
      }
      break;
    case 'tagline-text': {
      spec.taglineLines = rng.pick(ALTERED_TAGLINES);
      const [want, got] = [wordsOf(charter.tagline.lines), wordsOf(spec.taglineLines)];
      if (want.length === got.length && want.filter((w, i) => w !== got[i]).length === 1) spec.subtle = 'tagline-word';
      break;
    }
    case 'cropped':
      spec.widthPx = rng.range(Math.min(Math.max(minW, 200), maxW), maxW);
      spec.crop = { edge: rng.pick(['left', 'right', 'top', 'bottom'] as const), fraction: rng.range(0.1, 0.4) };
      break;
    case 'min-size':
      // Under the minimum (147.6 px at 150 dpi) however much the stored file enlarges the page.
      spec.widthPx = rng.range(100, 140) / Math.max(1, view.maxScale);
      break;
    case 'clear-space':
      // A caption line only covers enough of the band above or below the logo, where it runs along its width.
      spec.clearSpaceIntrusion = rng.chance(0.6)
        ? { side: rng.pick(['left', 'right', 'top', 'bottom'] as const), style: 'bar' }
        : { side: rng.pick(['top', 'bottom'] as const), style: 'text' };
      break;
    case 'compliant':
    case 'badge-category':
    case 'validity':
      break;
  }
  return spec;
}
