// The ways a logo can be generated, as data: each class states which finding rules a correct
// checker must raise for it (Article X: any modification, addition or deletion; Article IX: the
// validity period), and how to draw a random instance of it.
import type { BBox } from '../../src/types.ts';
import type { Charter } from '../../src/charter/schema.ts';
import type { LogoGeometry, LogoSpec } from './logo.ts';
import type { Rng } from './random.ts';
import { inkBounds, measure, outline } from './text.ts';

export type FileKind = 'png' | 'jpeg' | 'pdf';

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

const ALL_KINDS: readonly FileKind[] = ['png', 'jpeg', 'pdf'];

const cls = (
  id: ViolationId,
  expectedRules: string[],
  description: string,
  extra: Partial<Pick<ViolationClass, 'kinds' | 'needsCategory' | 'shareable'>> = {},
): ViolationClass => ({ id, expectedRules, description, kinds: ALL_KINDS, needsCategory: false, shareable: true, ...extra });

export const VIOLATION_CLASSES: readonly ViolationClass[] = [
  cls('compliant', [], 'approved artwork, uniform scale, clear space kept'),
  cls('colour-recolour', ['colour'], 'palette hue-rotated, blue and red swapped, or one palette colour replaced'),
  cls('colour-greyscale', ['colour'], 'whole logo converted to grey (Rec. 709 luma)'),
  cls('colour-invert', ['colour'], 'RGB inverted, alpha kept'),
  cls('distortion-stretch', ['distortion'], 'one axis scaled 1.15–1.4× more than the other'),
  cls('distortion-skew', ['distortion'], 'horizontal shear of 8–20°'),
  cls('rotation', ['rotation'], 'rotated ±5–175° about its centre'),
  cls('mirror', ['mirror'], 'flipped horizontally'),
  cls('missing-at', ['missing-element'], 'the @ sign is left out'),
  cls('missing-arrow', ['missing-element'], 'the red arrow is left out'),
  cls('missing-tagline', ['missing-element'], 'the tagline is left out'),
  cls('missing-badge', ['missing-element'], 'the badge is left out'),
  cls('addition', ['addition'], 'a scribble, star, sticker or text mark covering 1.5–6 % of the logo area'),
  cls('badge-text', ['badge-text'], 'badge text misspelt or replaced by a text that is not approved'),
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

export type RecolourMode = 'hue-rotate' | 'swap' | 'arrow-blue' | 'other-blue' | 'other-red';

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

export function recolour(charter: Charter, mode: RecolourMode, rng: Rng): Record<string, string> {
  const blue = charter.palette.blue.hex;
  const red = charter.palette.red.hex;
  switch (mode) {
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

export type AdditionKind = 'scribble' | 'star' | 'sticker' | 'text';

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
}

/** A foreign mark inside the artwork rectangle, sized by the share of the logo area its box covers. */
export function sampleAddition(charter: Charter, rng: Rng, choice: AdditionChoice = {}): Addition {
  const { width: W, height: H } = charter.artwork;
  const kind = choice.kind ?? rng.pick(['scribble', 'star', 'sticker', 'text'] as const);
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
      const size = Math.sqrt(area / (ink1[2] * ink1[3]));
      w = ink1[2] * size;
      h = ink1[3] * size;
      // Placed by its ink box, not its baseline, so the declared box is where the ink is.
      draw = (x, y) => `<path fill="${ink}" d="${outline(text, x - ink1[0] * size, y - ink1[1] * size, size, 'sans-bold')}"/>`;
      break;
    }
  }
  const x = rng.range(0, Math.max(0, W - w));
  const y = rng.range(0, Math.max(0, H - h));
  return { kind, svg: draw(x, y), box: [x, y, w, h], areaFraction: (w * h) / (W * H) };
}

export interface SampleContext {
  charter: Charter;
  /** Category the file declares; the logo uses it unless the class says otherwise. */
  category?: string;
  /** Bounds for the width of a freely placed logo, 150-dpi px. */
  widthRange?: [number, number];
}

const PLAIN: LogoGeometry = { rotationDeg: 0, scaleX: 1, scaleY: 1, skewXDeg: 0, mirror: false };

/** A random logo of the given class. */
export function sampleLogo(id: ViolationId, rng: Rng, ctx: SampleContext): LogoSpec {
  const { charter } = ctx;
  const variants = charter.badges.map((b) => b.id);
  const [minW, maxW] = ctx.widthRange ?? [160, 520];
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
      // A stretched logo keeps the free-placement width bound on the page.
      spec.widthPx = Math.min(spec.widthPx, maxW / spec.geometry.scaleX);
      break;
    case 'distortion-skew':
      spec.geometry.skewXDeg = rng.sign() * rng.range(8, 20);
      break;
    case 'rotation':
      spec.geometry.rotationDeg = rng.sign() * rng.range(5, 175);
      break;
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
    case 'addition':
      spec.addition = sampleAddition(charter, rng);
      break;
    case 'badge-text':
      spec.badgeText = rng.chance(0.6) ? rng.pick(MISSPELT_BADGES[variant] ?? UNAPPROVED_BADGES) : rng.pick(UNAPPROVED_BADGES);
      break;
    case 'tagline-text':
      spec.taglineLines = rng.pick(ALTERED_TAGLINES);
      break;
    case 'cropped':
      spec.widthPx = rng.range(Math.max(minW, 200), maxW);
      spec.crop = { edge: rng.pick(['left', 'right', 'top', 'bottom'] as const), fraction: rng.range(0.1, 0.4) };
      break;
    case 'min-size':
      spec.widthPx = rng.range(100, 140);
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
