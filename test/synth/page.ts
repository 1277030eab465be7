// A4 pages at 150 dpi that hold zero, one or two logos, with exact ground truth. A page is first
// designed (where things go, as data and SVG), then rendered either as one raster (PNG, JPEG) or
// as a PDF page whose background is an image and whose logos are images or vector paths, so the
// same design can test every ingest path.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  concatTransformationMatrix,
  LineCapStyle,
  LineJoinStyle,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setLineCap,
  setLineJoin,
  type PDFPage,
} from 'pdf-lib';
import sharp from 'sharp';
import type { BBox } from '../../src/types.ts';
import { apply, boundsOf, chain, clipToConvex, clipToRect, identity, invert, polygonArea, rectCorners, type Mat3, type Point } from './affine.ts';
import type { Condition } from './capture/index.ts';
import { encodeRaster } from './capture/encode.ts';
import {
  bigAt,
  decoration,
  emblem,
  EMAIL_LINES,
  flowText,
  HEADINGS,
  intersects,
  paragraph,
  SUBHEADINGS,
  type Rect,
} from './content.ts';
import { artworkCorners, CHARTER, logoLinear, logoSvgPaths, renderLogo, type Edge, type LogoSpec } from './logo.ts';
import { cropCentre, depthForFraction } from './cut.ts';
import { expectedRules, judgedWidthMm } from './expect.ts';
import { hashSeed, Rng } from './random.ts';
import { drawRuns, inkBounds, measure, outline, type Face, type TextRun } from './text.ts';
import type { ViolationId } from './violations.ts';

export const PAGE_WIDTH = 1240;
export const PAGE_HEIGHT = 1754;
export const PAGE_DPI = 150;
/** PDF points per page pixel; the PDF page is 1240×1754 px at 150 dpi, i.e. 595.2×841.92 pt (A4 to 0.1 pt). */
export const PT_PER_PX = 72 / PAGE_DPI;

export type Layout = 'white' | 'tint' | 'photo-full' | 'photo-band' | 'photo-block' | 'text';
export const LAYOUTS: readonly Layout[] = ['white', 'tint', 'photo-full', 'photo-band', 'photo-block', 'text'];

/** Photos from the test corpus that make plausible flyer pictures (formats sharp decodes). */
export const CORPUS_PHOTOS = [
  '2569067123_aca715a2ee_o.jpg',
  'Landscape_9.jpg',
  '4.webp',
  'lockpicking01.jpg',
  'concert.jpg',
  'Crash_test.gif',
  'embedgravitybird.png',
  'cielab-dagams.tiff',
  'Portrait_3.jpg',
  'Landscape_6.jpg',
  'Channel_digital_image_CMYK_color.jpg',
];

/** Corpus photos present under `corpusDir`; none when the corpus is absent (synthetic pictures are used). */
export function availablePhotos(corpusDir: string | null | undefined): string[] {
  if (!corpusDir) return [];
  return CORPUS_PHOTOS.map((f) => join(corpusDir, 'images', f)).filter((f) => existsSync(f));
}

export interface PlacedLogo {
  spec: LogoSpec;
  /** Artwork units → page px. */
  transform: Mat3;
}

export interface PageDesign {
  layout: Layout;
  /** Paper colour under everything. */
  paper: string;
  /** A picture under the SVG layer: a corpus file, or null for a synthetic one drawn from `seed`. */
  photo?: { file: string | null; rect: Rect; seed: number };
  /** Shapes, cards and distractors: everything but the photo, the text and the logos, page-sized SVG. */
  svg: string;
  /** Headings, body text and footer, drawn over the SVG. */
  text: TextRun[];
  logos: PlacedLogo[];
}

export interface DesignOptions {
  logos?: LogoSpec[];
  layout?: Layout;
  /** Blue/red shapes, emblems and lone « @ » signs; on by default. Text distractors come with the body text. */
  distractors?: boolean;
  /** Body text, headings and footer; on by default. */
  text?: boolean;
  /** Candidate photo files; empty means synthetic pictures. */
  photos?: string[];
  /** A light panel of this colour under each logo and its margin, as web pages set logos on. */
  logoPanel?: string;
}

export const TINTS = ['#FFF8E7', '#F1F6EC', '#F3EFF8', '#EEF5F9', '#FDF0EC', '#F5F5F0'];
const HEADING_COLOURS = ['#1D3557', '#222222', '#0055A4', '#8B1E3F', '#2A6F97', '#333333', '#E1000F'];
const BODY_COLOURS = ['#222222', '#333333', '#1A1A1A', '#2F3B45'];
const BAR_COLOURS = ['#1D3557', '#333333', '#8B1E3F', '#2A6F97', '#F39200', '#00A651', '#0055A4'];
const MARGIN = 80;

const f1 = (n: number) => String(Math.round(n * 10) / 10);
const rectSvg = (r: Rect, fill: string, extra = '') =>
  `<rect x="${f1(r[0])}" y="${f1(r[1])}" width="${f1(r[2])}" height="${f1(r[3])}" fill="${fill}"${extra}/>`;

/** A free spot of w×h inside `bounds` that touches none of `occupied`, or null. */
function findSpot(rng: Rng, w: number, h: number, bounds: Rect, occupied: Rect[], gap = 20, tries = 60): Rect | null {
  if (w > bounds[2] || h > bounds[3]) return null;
  for (let t = 0; t < tries; t++) {
    const r: Rect = [rng.range(bounds[0], bounds[0] + bounds[2] - w), rng.range(bounds[1], bounds[1] + bounds[3] - h), w, h];
    if (!occupied.some((o) => intersects(o, r, gap))) return r;
  }
  return null;
}

interface Reserved {
  logo: PlacedLogo;
  /** Box of the transformed artwork, page px. */
  box: Rect;
  /** Box plus the clear space kept free of other content. */
  keep: Rect;
  heightPx: number;
}

/** Where each logo goes: its keep-out rectangles never overlap, and free logos stay fully on the page. */
function placeLogos(rng: Rng, specs: LogoSpec[]): Reserved[] {
  const placed: Reserved[] = [];
  for (const spec of specs) {
    const linear = logoLinear(spec);
    const b = boundsOf(artworkCorners(linear));
    const w = b.maxX - b.minX;
    const h = b.maxY - b.minY;
    const heightPx = CHARTER.artwork.height * (spec.widthPx / CHARTER.artwork.width) * spec.geometry.scaleY;
    // Every logo keeps at least 0.2× its height of plain margin; 0.25 leaves room for
    // antialiasing and JPEG ringing past the charter's own 0.15.
    const m = 0.25 * heightPx;
    let centre: Point | null = null;
    for (let t = 0; t < 200 && !centre; t++) {
      let cx: number;
      let cy: number;
      if (spec.crop) {
        const { edge, fraction } = spec.crop;
        const across = edge === 'left' || edge === 'right';
        const along = across ? rng.range(MARGIN - b.minY, PAGE_HEIGHT - MARGIN - b.maxY) : rng.range(MARGIN - b.minX, PAGE_WIDTH - MARGIN - b.maxX);
        [cx, cy] = cropCentre(edge, depthForFraction(linear, edge, fraction), along, [PAGE_WIDTH, PAGE_HEIGHT]);
      } else {
        const edgeRoom = 40 + m;
        cx = rng.range(edgeRoom - b.minX, PAGE_WIDTH - edgeRoom - b.maxX);
        // Flyers put partner logos in the footer more often than anywhere else.
        const zone = rng.weighted([
          ['bottom', 0.4],
          ['top', 0.2],
          ['any', 0.4],
        ] as const);
        const lo = edgeRoom - b.minY;
        const hi = PAGE_HEIGHT - edgeRoom - b.maxY;
        cy = zone === 'bottom' ? rng.range(Math.max(lo, hi - 0.3 * PAGE_HEIGHT), hi) : zone === 'top' ? rng.range(lo, Math.min(hi, lo + 0.25 * PAGE_HEIGHT)) : rng.range(lo, hi);
      }
      const box: Rect = [cx + b.minX, cy + b.minY, w, h];
      const keep: Rect = [box[0] - m, box[1] - m, w + 2 * m, h + 2 * m];
      if (!placed.some((p) => intersects(p.keep, keep, 10))) {
        centre = [cx, cy];
        const transform: Mat3 = [...linear] as Mat3;
        transform[2] += cx;
        transform[5] += cy;
        placed.push({ logo: { spec, transform }, box, keep, heightPx });
      }
    }
    if (!centre) throw new Error(`could not place logo ${placed.length + 1} (${spec.violation}, ${Math.round(w)} px wide) beside the others; use smaller widths`);
  }
  return placed;
}

/**
 * Content drawn inside a logo's clear space on one side, for the clear-space class. Each kind is
 * sized to cover well over the charter's tolerated share of the margin band (5 %): a bar fills the
 * band along a whole side (13–30 % of the band), a bold caption line above or below fills its
 * depth along the logo's width (about 12 % once the gaps between letters are counted).
 */
function intrusion(rng: Rng, r: Reserved, side: Edge, style: 'bar' | 'text'): { svg: string; rect: Rect } {
  const [x, y, w, h] = r.box;
  const H = r.heightPx;
  const band = CHARTER.clearSpace.marginRatio * H;
  const gap = rng.range(0.01, 0.03) * H;
  const colour = rng.pick(BAR_COLOURS);
  if (style === 'bar') {
    const t = Math.max(band - gap, rng.range(0.14, 0.2) * H);
    const rect: Rect =
      side === 'top'
        ? [x - band, y - gap - t, w + 2 * band, t]
        : side === 'bottom'
          ? [x - band, y + h + gap, w + 2 * band, t]
          : side === 'left'
            ? [x - gap - t, y - band, t, h + 2 * band]
            : [x + w + gap, y - band, t, h + 2 * band];
    return { svg: rectSvg(rect, colour), rect };
  }
  if (side === 'left' || side === 'right') throw new Error('a clear-space caption goes above or below the logo; use a bar on its sides');
  const size = rng.range(0.28, 0.34) * H;
  let text = '';
  for (const word of 'Offre valable jusqu’au 31 décembre 2008 dans la limite des stocks disponibles'.split(' ')) {
    if (measure(`${text} ${word}`.trim(), size, 'sans-bold') > w) break;
    text = `${text} ${word}`.trim();
  }
  const ink = inkBounds(text, 0, 0, size, 'sans-bold');
  const top = side === 'top' ? y - gap - ink[3] : y + h + gap;
  return { svg: `<path fill="${colour}" d="${outline(text, x - ink[0], top - ink[1], size, 'sans-bold')}"/>`, rect: [x, top, ink[2], ink[3]] };
}

/**
 * Draws the clear-space intrusions before anything else is laid out, so text and shapes flow
 * around them. A side whose intrusion would leave the page or reach another logo's clear space is
 * swapped for the next one; the placed logo's spec records the side actually used.
 */
function placeIntrusions(rng: Rng, reserved: Reserved[]): { svg: string[]; rects: Rect[] } {
  const svg: string[] = [];
  const rects: Rect[] = [];
  for (const r of reserved) {
    const wanted = r.logo.spec.clearSpaceIntrusion;
    if (!wanted) continue;
    const sides: Edge[] = ['top', 'right', 'bottom', 'left'];
    const order = [wanted.side, ...sides.filter((s) => s !== wanted.side)];
    const captionSides = order.filter((side) => wanted.style === 'text' && (side === 'top' || side === 'bottom'));
    const attempts = [...captionSides.map((side) => [side, 'text'] as const), ...order.map((side) => [side, 'bar'] as const)];
    const fits = attempts.some(([side, style]) => {
      const made = intrusion(rng, r, side, style);
      const [ix, iy, iw, ih] = made.rect;
      const onPage = ix >= 10 && iy >= 10 && ix + iw <= PAGE_WIDTH - 10 && iy + ih <= PAGE_HEIGHT - 10;
      if (!onPage || reserved.some((o) => o !== r && intersects(o.keep, made.rect, 10))) return false;
      svg.push(made.svg);
      rects.push(made.rect);
      r.logo.spec = { ...r.logo.spec, clearSpaceIntrusion: { side, style } };
      return true;
    });
    // A bar stays inside the logo's own keep-out area (0.25 H), which placement keeps on the page and apart.
    if (!fits) throw new Error(`no room for the clear-space intrusion of a ${Math.round(r.box[2])} px logo`);
  }
  return { svg, rects };
}

export function designPage(rng: Rng, options: DesignOptions = {}): PageDesign {
  const specs = options.logos ?? [];
  const layout = options.layout ?? rng.pick(LAYOUTS);
  const withDistractors = options.distractors ?? true;
  const withText = options.text ?? true;
  const photos = options.photos ?? [];
  const paper = layout === 'tint' ? rng.pick(TINTS) : '#FFFFFF';
  const reserved = placeLogos(rng.fork('place'), specs);
  const intrusions = placeIntrusions(rng.fork('intrusion'), reserved);
  const occupied: Rect[] = [...reserved.map((r) => r.keep), ...intrusions.rects];
  const under: string[] = [];
  const over: string[] = intrusions.svg;
  const text: TextRun[] = [];
  const page: Rect = [0, 0, PAGE_WIDTH, PAGE_HEIGHT];
  let content: Rect = [MARGIN, MARGIN, PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT - 2 * MARGIN - 60];

  let photo: PageDesign['photo'];
  const photoRng = rng.fork('photo');
  const pickPhoto = (rect: Rect) => ({ file: photos.length ? photoRng.pick(photos) : null, rect, seed: photoRng.int(0, 2 ** 31) });
  if (layout === 'photo-full') {
    photo = pickPhoto(page);
  } else if (layout === 'photo-band') {
    const h = Math.round(rng.range(0.25, 0.45) * PAGE_HEIGHT);
    const top = rng.chance(0.6);
    photo = pickPhoto([0, top ? 0 : PAGE_HEIGHT - h, PAGE_WIDTH, h]);
    content = top ? [MARGIN, h + 50, content[2], PAGE_HEIGHT - h - 50 - MARGIN - 60] : [MARGIN, MARGIN, content[2], PAGE_HEIGHT - h - 50 - MARGIN];
  } else if (layout === 'photo-block') {
    const w = Math.round(rng.range(0.4, 0.6) * PAGE_WIDTH);
    const h = Math.round(rng.range(0.2, 0.35) * PAGE_HEIGHT);
    const spot = findSpot(rng, w, h, [MARGIN, MARGIN + 150, PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT - 2 * MARGIN - 210], occupied, 30);
    if (spot) photo = pickPhoto(spot.map(Math.round) as Rect);
  }
  if (photo && layout !== 'photo-full') occupied.push(photo.rect);

  const textRng = rng.fork('text');
  const bodyFace: Face = textRng.pick(['sans', 'sans', 'serif', 'condensed']);
  const bodyColour = textRng.pick(BODY_COLOURS);
  const bodySize = layout === 'text' ? textRng.range(19, 23) : textRng.range(21, 27);

  const panels: Rect[] = [];
  if (layout === 'photo-full') {
    // Text on a photo needs a light panel to be legible; the panel is where the copy goes.
    const panelH = textRng.range(0.22, 0.32) * PAGE_HEIGHT;
    const panel: Rect = [MARGIN - 30, textRng.chance(0.5) ? MARGIN : PAGE_HEIGHT - MARGIN - panelH - 80, PAGE_WIDTH - 2 * MARGIN + 60, panelH];
    content = [panel[0] + 30, panel[1] + 30, panel[2] - 60, panel[3] - 60];
    under.push(rectSvg(panel, '#FFFFFF', ' rx="18" fill-opacity="0.88"'));
    panels.push(panel);
  }

  // Cards keep each logo's clear space plain where it would otherwise sit on the photo.
  for (const r of reserved) {
    if (options.logoPanel) under.push(rectSvg(r.keep, options.logoPanel, ' rx="12"'));
    else if (photo && intersects(photo.rect, r.keep)) under.push(rectSvg(r.keep, layout === 'photo-full' ? '#FFFFFF' : paper, ' rx="12"'));
  }

  if (withText) {
    const heading = textRng.pick(HEADINGS);
    const headSize = layout === 'text' ? textRng.range(40, 52) : textRng.range(52, 76);
    const headFace: Face = textRng.pick(['sans-bold', 'serif-bold', 'condensed-bold']);
    const head = flowText(heading, [content[0], content[1], content[2], headSize * 2.6], occupied, {
      size: headSize,
      face: headFace,
      fill: textRng.pick(HEADING_COLOURS),
      leading: 1.2,
    });
    text.push(...head.runs);
    occupied.push(...head.lines);
    content = [content[0], head.bottom + 20, content[2], content[1] + content[3] - head.bottom - 20];
  }

  if (withDistractors) {
    const dRng = rng.fork('distractors');
    const count = layout === 'photo-full' ? dRng.int(0, 2) : dRng.int(1, 4);
    const area: Rect = layout === 'photo-full' ? [MARGIN, MARGIN, PAGE_WIDTH - 2 * MARGIN, PAGE_HEIGHT - 2 * MARGIN] : content;
    for (let i = 0; i < count; i++) {
      const kind = dRng.weighted([
        ['decoration', 0.45],
        ['emblem', 0.35],
        ['at', 0.2],
      ] as const);
      const size = dRng.range(80, 240);
      const w = kind === 'decoration' ? dRng.range(40, 300) : size;
      const h = kind === 'decoration' ? dRng.range(30, 200) : size;
      const spot = findSpot(dRng, w, h, area, [...occupied, ...panels], 30);
      if (!spot) continue;
      if (kind === 'decoration') under.push(decoration(dRng, ...spot));
      else if (kind === 'emblem') under.push(emblem(dRng, spot[0], spot[1], size));
      else under.push(bigAt(dRng, spot[0], spot[1], size * 0.9));
      occupied.push(spot);
    }
  }

  if (withText) {
    const columns = layout === 'text' || textRng.chance(0.35) ? textRng.int(1, 2) : 1;
    const colGap = 50;
    const colW = (content[2] - colGap * (columns - 1)) / columns;
    for (let c = 0; c < columns; c++) {
      let y = content[1];
      const bottom = content[1] + content[3];
      const paragraphs = layout === 'text' ? 12 : textRng.int(2, 5);
      for (let p = 0; p < paragraphs && y < bottom - bodySize * 2; p++) {
        const x = content[0] + c * (colW + colGap);
        if (textRng.chance(0.25)) {
          const sub = flowText(textRng.pick(SUBHEADINGS), [x, y, colW, bodySize * 2], occupied, {
            size: bodySize * 1.25,
            face: 'sans-bold',
            fill: textRng.pick(HEADING_COLOURS),
          });
          text.push(...sub.runs);
          y = sub.bottom + 4;
        }
        const flowed = flowText(paragraph(textRng, layout === 'text' ? textRng.int(3, 7) : textRng.int(2, 4)), [x, y, colW, bottom - y], occupied, {
          size: bodySize,
          face: bodyFace,
          fill: bodyColour,
        });
        text.push(...flowed.runs);
        y = flowed.bottom + bodySize * 0.8;
      }
    }
    const footer = flowText(textRng.pick(EMAIL_LINES), [MARGIN, PAGE_HEIGHT - MARGIN - 10, PAGE_WIDTH - 2 * MARGIN, 40], occupied, {
      size: 20,
      face: 'sans',
      fill: layout === 'photo-full' ? '#FFFFFF' : '#444444',
    });
    text.push(...footer.runs);
  }

  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE_WIDTH}" height="${PAGE_HEIGHT}" viewBox="0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}">` +
    under.join('') +
    over.join('') +
    `</svg>`;
  return { layout, paper, photo, svg, text, logos: reserved.map((r) => r.logo) };
}

// Decoding a 2725×2225 JPEG costs more than composing the page; each picture is decoded once.
const photoCache = new Map<string, Promise<{ data: Buffer; width: number; height: number }>>();

/** A corpus picture as RGB, upright, at most 1400 px a side, decoded once per process. */
export function decodedPhoto(file: string) {
  let cached = photoCache.get(file);
  if (!cached) {
    cached = sharp(file, { pages: 1 })
      .rotate()
      .resize(1400, 1400, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#FFFFFF' })
      .toColourspace('srgb')
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true })
      .then(({ data, info }) => ({ data, width: info.width, height: info.height }));
    photoCache.set(file, cached);
  }
  return cached;
}

/** A picture-like image without any third-party file: sky, sun, hills, a few buildings. */
export function syntheticPhotoSvg(seed: number, w: number, h: number): string {
  const rng = new Rng(seed);
  const hue = rng.range(0, 360);
  const sky1 = `hsl(${f1(hue)},55%,${f1(rng.range(55, 75))}%)`;
  const sky2 = `hsl(${f1((hue + 40) % 360)},45%,${f1(rng.range(80, 92))}%)`;
  const parts = [
    `<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${sky1}"/><stop offset="1" stop-color="${sky2}"/></linearGradient>`,
    `<radialGradient id="g"><stop offset="0" stop-color="#FFF6D5" stop-opacity="0.95"/><stop offset="1" stop-color="#FFF6D5" stop-opacity="0"/></radialGradient></defs>`,
    `<rect width="${w}" height="${h}" fill="url(#s)"/>`,
    `<circle cx="${f1(rng.range(0.1, 0.9) * w)}" cy="${f1(rng.range(0.1, 0.4) * h)}" r="${f1(rng.range(0.1, 0.25) * Math.min(w, h))}" fill="url(#g)"/>`,
  ];
  for (let layer = 0; layer < 3; layer++) {
    const base = h * (0.55 + layer * 0.13);
    const pts: string[] = [`0,${h}`];
    for (let i = 0; i <= 12; i++) pts.push(`${f1((i / 12) * w)},${f1(base - rng.range(0, 0.18) * h)}`);
    pts.push(`${w},${h}`);
    const l = 50 - layer * 12;
    parts.push(`<polygon fill="hsl(${f1((hue + 120 + layer * 20) % 360)},${f1(rng.range(20, 45))}%,${l}%)" points="${pts.join(' ')}"/>`);
  }
  for (let i = rng.int(0, 6); i > 0; i--) {
    const bw = rng.range(0.04, 0.12) * w;
    const bh = rng.range(0.1, 0.35) * h;
    parts.push(rectSvg([rng.range(0, w - bw), h - bh, bw, bh], `hsl(${f1(rng.range(0, 360))},${f1(rng.range(5, 30))}%,${f1(rng.range(25, 70))}%)`));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">${parts.join('')}</svg>`;
}

async function photoLayer(photo: NonNullable<PageDesign['photo']>): Promise<sharp.OverlayOptions> {
  const [x, y, w, h] = photo.rect.map(Math.round);
  const src = photo.file ? await decodedPhoto(photo.file).catch(() => null) : null;
  // An unreadable corpus file must not sink a whole set: the page gets a synthetic picture.
  if (src) {
    const data = await sharp(src.data, { raw: { width: src.width, height: src.height, channels: 3 } })
      .resize(w, h, { fit: 'cover' })
      .raw()
      .toBuffer();
    return { input: data, raw: { width: w, height: h, channels: 3 }, left: x, top: y };
  }
  return { input: Buffer.from(syntheticPhotoSvg(photo.seed, w, h)), left: x, top: y };
}

export interface RasterOptions {
  /** Draw the logos (false for a PDF background). */
  logos?: boolean;
}

/** An RGB page raster, 8 bits per channel. */
export interface RasterPage {
  data: Buffer;
  width: number;
  height: number;
}

/** Source-over of an unpremultiplied RGBA raster onto an RGB one, clipped to it. */
export function blendOnto(page: RasterPage, src: Uint8Array, sw: number, sh: number, left: number, top: number): void {
  const { data, width, height } = page;
  const x0 = Math.max(0, -left);
  const x1 = Math.min(sw, width - left);
  for (let y = Math.max(0, -top); y < sh && top + y < height; y++) {
    let o = ((top + y) * width + left + x0) * 3;
    for (let x = x0, i = (y * sw + x0) * 4; x < x1; x++, i += 4, o += 3) {
      const a = src[i + 3];
      if (a === 0) continue;
      if (a === 255) {
        data[o] = src[i];
        data[o + 1] = src[i + 1];
        data[o + 2] = src[i + 2];
        continue;
      }
      const k = a / 255;
      data[o] = Math.round(data[o] + (src[i] - data[o]) * k);
      data[o + 1] = Math.round(data[o + 1] + (src[i + 1] - data[o + 1]) * k);
      data[o + 2] = Math.round(data[o + 2] + (src[i + 2] - data[o + 2]) * k);
    }
  }
}

/**
 * The page as RGB pixels. libvips draws the paper, the photo and the SVG layer in one pass; text
 * and logos are blended here, which costs less than more full-page compositing passes.
 */
export async function composePage(design: PageDesign, options: RasterOptions = {}): Promise<RasterPage> {
  const layers: sharp.OverlayOptions[] = [];
  if (design.photo) layers.push(await photoLayer(design.photo));
  layers.push({ input: Buffer.from(design.svg), left: 0, top: 0 });
  const data = await sharp({ create: { width: PAGE_WIDTH, height: PAGE_HEIGHT, channels: 3, background: design.paper } })
    .composite(layers)
    .removeAlpha()
    .raw()
    .toBuffer();
  const page: RasterPage = { data, width: PAGE_WIDTH, height: PAGE_HEIGHT };
  await drawRuns(data, PAGE_WIDTH, PAGE_HEIGHT, design.text);
  if (options.logos ?? true) {
    for (const logo of design.logos) {
      const r = await renderLogo(logo.spec, { transform: logo.transform });
      blendOnto(page, r.rgba, r.width, r.height, r.left, r.top);
    }
  }
  return page;
}

const rasterSharp = (page: RasterPage) => sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } });

export interface EncodeOptions {
  /** JPEG quality, 1–100. */
  quality?: number;
  /** PNG zlib level, 0–9: 9 for bundled samples, lower for fast bulk sets. */
  pngLevel?: number;
}

export async function encodePage(design: PageDesign, kind: 'png' | 'jpeg', options: EncodeOptions = {}): Promise<Buffer> {
  return encodeRaster(await composePage(design), kind, { ...options, density: PAGE_DPI });
}

export type PdfLogoMode = 'vector' | 'image';

export interface PdfOptions {
  title: string;
  created: Date;
  /** How logos are drawn: vector paths or an embedded 300-dpi PNG. */
  logoMode: PdfLogoMode;
  /** JPEG quality of the page backgrounds. */
  backgroundQuality?: number;
}

const toRgb = ([r, g, b]: [number, number, number]) => rgb(r / 255, g / 255, b / 255);
const PAGE_HEIGHT_PT = PAGE_HEIGHT * PT_PER_PX;

function drawVectorLogo(page: PDFPage, logo: PlacedLogo) {
  // drawSvgPath maps (u, v) to (u, −v) in the current space; this matrix then takes artwork
  // units to PDF points so that the result lands where `logo.transform` puts it in page px.
  const m = logo.transform;
  const k = PT_PER_PX;
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(k * m[0], -k * m[3], -k * m[1], k * m[4], k * m[2], PAGE_HEIGHT_PT - k * m[5]));
  for (const path of logoSvgPaths(logo.spec)) {
    page.pushOperators(
      setLineJoin(path.lineJoin === 'round' ? LineJoinStyle.Round : path.lineJoin === 'bevel' ? LineJoinStyle.Bevel : LineJoinStyle.Miter),
      setLineCap(path.lineCap === 'round' ? LineCapStyle.Round : path.lineCap === 'square' ? LineCapStyle.Projecting : LineCapStyle.Butt),
    );
    page.drawSvgPath(path.d, {
      x: 0,
      y: 0,
      color: path.fill ? toRgb(path.fill) : undefined,
      borderColor: path.stroke ? toRgb(path.stroke) : undefined,
      borderWidth: path.stroke ? path.strokeWidth : undefined,
    });
  }
  page.pushOperators(popGraphicsState());
}

/** A PDF of the given pages, each 1240×1754 px at 150 dpi, backgrounds as JPEG images. */
export async function buildPdf(designs: PageDesign[], options: PdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(options.title);
  doc.setAuthor('logo-check test generator');
  doc.setCreator('logo-check test/synth');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(options.created);
  doc.setModificationDate(options.created);
  for (const design of designs) {
    const page = doc.addPage([PAGE_WIDTH * PT_PER_PX, PAGE_HEIGHT_PT]);
    const background = await rasterSharp(await composePage(design, { logos: false }))
      .jpeg({ quality: options.backgroundQuality ?? 88 })
      .toBuffer();
    const image = await doc.embedJpg(background);
    page.drawImage(image, { x: 0, y: 0, width: PAGE_WIDTH * PT_PER_PX, height: PAGE_HEIGHT_PT });
    for (const logo of design.logos) {
      if (options.logoMode === 'vector') {
        drawVectorLogo(page, logo);
      } else {
        const r = await renderLogo(logo.spec, { transform: logo.transform, supersample: 2 });
        const png = await doc.embedPng(r.png);
        const w = (r.width / r.supersample) * PT_PER_PX;
        const h = (r.height / r.supersample) * PT_PER_PX;
        page.drawImage(png, { x: r.left * PT_PER_PX, y: PAGE_HEIGHT_PT - r.top * PT_PER_PX - h, width: w, height: h });
      }
    }
  }
  return doc.save();
}

export interface GroundTruth {
  /** 1-based page number within the file. */
  page: number;
  /** How the file was made (see capture/index.ts). */
  condition: Condition;
  /** Axis-aligned box of the transformed artwork rectangle, in the stored file's px, NOT clipped to the page. */
  bbox: BBox;
  /** The same box clipped to what the file shows of the page. */
  visibleBBox: BBox;
  /** Artwork corners (0,0), (W,0), (W,H), (0,H) in file px: top-left, top-right, bottom-right, bottom-left of the artwork. */
  corners: Point[];
  /** Artwork units → file px, 3×3 row-major, last entry 1: affine (last row 0 0 1) except on a photographed page. */
  transform: Mat3;
  /** Share of the artwork rectangle's area the file shows (on the page, and the page in the file). */
  visibleFraction: number;
  /** Width as the checker judges it: scale along the artwork's x axis in the file, at the file's judged dpi. */
  widthMm: number;
  /** Badge variant the logo is built from. */
  variant: string;
  /** Approved variant whose exact text the badge shows, null when the text is not approved or the badge is left out. */
  badge: string | null;
  /** Text drawn in the badge, null when the badge is left out. */
  badgeText: string | null;
  violation: ViolationId;
  /** The class's rules, plus min-size and cropped as the stored file shows the logo (expect.ts). */
  expectedRules: string[];
  /** Category the file declares (pass it as CheckOptions.category), when it declares one. */
  category?: string;
  /** How the logo is stored in the file. */
  render: 'raster' | PdfLogoMode;
  /** Width of the undistorted artwork on the page as designed, 150-dpi px. */
  widthPx: number;
  /** Class parameters: geometry, omitted elements, colours, addition box (artwork units), crop, clear-space intrusion, subtle variant. */
  params: Omit<LogoSpec, 'violation' | 'variant' | 'badgeText' | 'widthPx' | 'addition'> & {
    addition?: Omit<NonNullable<LogoSpec['addition']>, 'svg'>;
  };
}

/** How a stored file shows a designed page. */
export interface FileView {
  condition: Condition;
  /** Page px → file px. */
  fileFromPage: Mat3;
  /** The file's raster size, px. */
  size: [number, number];
  /** Resolution the checker judges sizes at for this file. */
  dpi: number;
}

export const PAGE_AS_DRAWN: FileView = { condition: 'clean', fileFromPage: identity(), size: [PAGE_WIDTH, PAGE_HEIGHT], dpi: PAGE_DPI };

const round2 = (n: number) => Math.round(n * 100) / 100;
const boxOf = (points: Point[]): BBox => {
  if (!points.length) return [0, 0, 0, 0];
  const b = boundsOf(points);
  return [b.minX, b.minY, b.maxX - b.minX, b.maxY - b.minY].map(round2) as BBox;
};

export function groundTruth(logo: PlacedLogo, page: number, render: GroundTruth['render'], category?: string, view: FileView = PAGE_AS_DRAWN): GroundTruth {
  const { spec, transform } = logo;
  const onPage = artworkCorners(transform);
  // What shows: the artwork on the page, and the page where the file has it (a skewed scan or a
  // photo frames only part of the page plane); straight edges stay straight through the map.
  const fileInPage = rectCorners(...view.size).map((p) => apply(invert(view.fileFromPage), p));
  const visible = clipToConvex(clipToRect(onPage, 0, 0, PAGE_WIDTH, PAGE_HEIGHT), fileInPage);
  const visibleFraction = Math.round((polygonArea(visible) / polygonArea(onPage)) * 1e4) / 1e4;
  const fileFromArtwork = chain(transform, view.fileFromPage);
  // A photographed page is judged on the page itself, flattened to its paper size: the logo is as
  // wide as it was printed. Any other file is judged on its own pixels at its stated resolution.
  const widthMm = view.condition === 'photo' ? judgedWidthMm(transform, PAGE_DPI) : judgedWidthMm(fileFromArtwork, view.dpi);
  const omitted = new Set(spec.omit ?? []);
  const approved = CHARTER.badges.find((v) => v.text === spec.badgeText);
  const { violation, variant, badgeText, widthPx, addition, ...rest } = spec;
  const params: GroundTruth['params'] = { ...rest };
  if (addition) params.addition = { kind: addition.kind, box: addition.box.map(round2) as BBox, areaFraction: round2(addition.areaFraction * 100) / 100 };
  return {
    page,
    condition: view.condition,
    bbox: boxOf(artworkCorners(fileFromArtwork)),
    visibleBBox: boxOf(visible.map((p) => apply(view.fileFromPage, p))),
    corners: artworkCorners(fileFromArtwork).map(([x, y]) => [round2(x), round2(y)]),
    // Significant digits rather than decimals: a homography's last row is of order 1e-5.
    transform: fileFromArtwork.map((n) => Number((n / fileFromArtwork[8]).toPrecision(10))) as Mat3,
    visibleFraction,
    widthMm: round2(widthMm),
    variant,
    badge: omitted.has('badge') ? null : (approved?.id ?? null),
    badgeText: omitted.has('badge') ? null : badgeText,
    violation,
    expectedRules: expectedRules(violation, { widthMm, visibleFraction }),
    ...(category ? { category } : {}),
    render,
    widthPx: round2(widthPx),
    params,
  };
}

/** A stable seed for a page of a file, so that pages do not depend on each other's draws. */
export const pageSeed = (fileSeed: number, page: number) => hashSeed(fileSeed, 'page', page);
