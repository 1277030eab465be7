// One logo, broken in a known way, as a raster with alpha (for images, and PDFs that embed it as an
// image) or as vector paths (for PDFs that draw it). Geometry is applied in vector space before
// rasterising, so the ground-truth transform is exact and the edges stay as crisp as a real
// export; colour changes are applied to the pixels (or to the path colours), as an editor would.
import sharp from 'sharp';
import { drawLogo } from '../../src/artwork/draw.ts';
import { loadCharter } from '../../src/charter/load.ts';
import type { Charter, ElementId } from '../../src/charter/schema.ts';
import { apply, boundsOf, chain, rectCorners, rotate, scale, shearX, svgMatrix, translate, type Mat3, type Point } from './affine.ts';
import type { Addition, SubtleMode, ViolationId } from './violations.ts';

export const CHARTER: Charter = await loadCharter();

export interface LogoGeometry {
  /** Clockwise on the page, degrees. */
  rotationDeg: number;
  /** Extra scale along the artwork's x axis, on top of the uniform one (1 = none). */
  scaleX: number;
  scaleY: number;
  /** Horizontal shear, degrees: x' = x + tan(skew)·y. */
  skewXDeg: number;
  /** Flipped left to right. */
  mirror: boolean;
}

export type ColourOp = 'greyscale' | 'invert';
export type Edge = 'left' | 'right' | 'top' | 'bottom';

export interface LogoSpec {
  violation: ViolationId;
  /** Badge variant the logo is built from. */
  variant: string;
  /** Text drawn in the badge (the variant's approved text unless the class alters it). */
  badgeText: string;
  /** Width of the artwork on the page before any distortion, 150-dpi px. */
  widthPx: number;
  geometry: LogoGeometry;
  taglineLines?: string[];
  omit?: ElementId[];
  /** Palette overrides by palette name. */
  colours?: Record<string, string>;
  colourOp?: ColourOp;
  addition?: Addition;
  /**
   * Which page edge cuts the logo and what share of its area falls outside; `leftPartOff` when the
   * @ and the arrow lie wholly beyond the edge, so only the tagline and the badge show.
   */
  crop?: { edge: Edge; fraction: number; leftPartOff?: boolean };
  /** The subtle variant of its class the logo is, when it is one. */
  subtle?: SubtleMode;
  /** Side of the logo where other content is drawn inside the clear space, and what. */
  clearSpaceIntrusion?: { side: Edge; style: 'bar' | 'text' };
}

// drawLogo lays text out glyph by glyph with opentype.js (tens of ms a call). Most logos of a set
// differ only by colour or by an overlay, so the drawing is kept per charter and text options,
// and palette overrides are applied to the kept drawing: drawLogo paints every shape with a
// palette hex as a fill or stroke attribute, so swapping those attribute values is exactly what
// passing `colours` to it would draw.
const drawings = new WeakMap<Charter, Map<string, string>>();

export function logoSvg(spec: LogoSpec, charter: Charter = CHARTER): string {
  const options = { badgeText: spec.badgeText, taglineLines: spec.taglineLines, omit: spec.omit };
  let cache = drawings.get(charter);
  if (!cache) drawings.set(charter, (cache = new Map()));
  const key = JSON.stringify(options);
  let svg = cache.get(key);
  if (svg === undefined) {
    svg = drawLogo(charter, options);
    if (cache.size > 200) cache.clear();
    cache.set(key, svg);
  }
  if (spec.colours) {
    const byHex = new Map<string, string>();
    for (const [name, entry] of Object.entries(charter.palette)) byHex.set(entry.hex.toUpperCase(), spec.colours[name] ?? entry.hex);
    svg = svg.replace(/(fill|stroke)="(#[0-9A-Fa-f]{6})"/g, (_, attr: string, hex: string) => `${attr}="${byHex.get(hex.toUpperCase()) ?? hex}"`);
  }
  if (spec.addition) {
    const end = svg.lastIndexOf('</svg>');
    svg = `${svg.slice(0, end)}${spec.addition.svg}\n${svg.slice(end)}`;
  }
  return svg;
}

/** Artwork units to page px, the artwork centre landing on the origin. */
export function logoLinear(spec: LogoSpec, charter: Charter = CHARTER): Mat3 {
  const { width: W, height: H } = charter.artwork;
  const k = spec.widthPx / W;
  const g = spec.geometry;
  return chain(
    translate(-W / 2, -H / 2),
    scale(g.mirror ? -1 : 1, 1),
    scale(k * g.scaleX, k * g.scaleY),
    shearX(g.skewXDeg),
    rotate(g.rotationDeg),
  );
}

/** Artwork units to page px, the artwork centre landing on `centre`. */
export const placeLogo = (spec: LogoSpec, centre: Point, charter: Charter = CHARTER): Mat3 =>
  chain(logoLinear(spec, charter), translate(centre[0], centre[1]));

/** The four artwork corners (top-left, top-right, bottom-right, bottom-left) through a transform. */
export const artworkCorners = (transform: Mat3, charter: Charter = CHARTER): Point[] =>
  rectCorners(charter.artwork.width, charter.artwork.height).map((p) => apply(transform, p));

type Rgb = [number, number, number];

/** Rec. 709 luma on the sRGB values: what "convert to greyscale" does in most editors. */
function mapColour(op: ColourOp | undefined, [r, g, b]: Rgb): Rgb {
  if (op === 'greyscale') {
    const y = Math.round(0.2126 * r + 0.7152 * g + 0.0722 * b);
    return [y, y, y];
  }
  if (op === 'invert') return [255 - r, 255 - g, 255 - b];
  return [r, g, b];
}

export interface RenderedLogo {
  png: Buffer;
  /** Same pixels, RGBA, unpremultiplied. */
  rgba: Buffer;
  width: number;
  height: number;
  /** Artwork units → raster px. */
  transform: Mat3;
  /** Page px of the raster's top-left corner when rendered for a page transform (else 0). */
  left: number;
  top: number;
  /** Raster px per page px. */
  supersample: number;
}

export interface RenderOptions {
  /** Artwork units → page px; by default the logo is drawn at its size with its box at the raster origin. */
  transform?: Mat3;
  /** Raster px per page px, e.g. 2 for a 300-dpi image placed on a 150-dpi page. */
  supersample?: number;
  charter?: Charter;
}

function innerSvg(svg: string): string {
  const start = svg.indexOf('>', svg.indexOf('<svg')) + 1;
  return svg.slice(start, svg.lastIndexOf('</svg>')).replace(/<title>[\s\S]*?<\/title>/, '');
}

export async function renderLogo(spec: LogoSpec, options: RenderOptions = {}): Promise<RenderedLogo> {
  const charter = options.charter ?? CHARTER;
  const supersample = options.supersample ?? 1;
  let pageTransform = options.transform;
  if (!pageTransform) {
    const b = boundsOf(artworkCorners(logoLinear(spec, charter), charter));
    pageTransform = chain(logoLinear(spec, charter), translate(-b.minX, -b.minY));
  }
  const b = boundsOf(artworkCorners(pageTransform, charter));
  // One spare pixel each side keeps antialiased edges inside the raster.
  const left = options.transform ? Math.floor(b.minX) - 1 : 0;
  const top = options.transform ? Math.floor(b.minY) - 1 : 0;
  const right = Math.ceil(b.maxX) + 1;
  const bottom = Math.ceil(b.maxY) + 1;
  const width = (right - left) * supersample;
  const height = (bottom - top) * supersample;
  const transform = chain(pageTransform, translate(-left, -top), scale(supersample));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<g transform="${svgMatrix(transform)}">${innerSvg(logoSvg(spec, charter))}</g></svg>`;
  const { data } = await sharp(Buffer.from(svg)).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  if (spec.colourOp) {
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, bl] = mapColour(spec.colourOp, [data[i], data[i + 1], data[i + 2]]);
      data[i] = r;
      data[i + 1] = g;
      data[i + 2] = bl;
    }
  }
  const png = await sharp(data, { raw: { width, height, channels: 4 } }).png({ compressionLevel: 1 }).toBuffer();
  return { png, rgba: data, width, height, transform, left, top, supersample };
}

export interface VectorPath {
  /** SVG path data in artwork units. */
  d: string;
  fill: Rgb | null;
  stroke: Rgb | null;
  strokeWidth: number;
  lineJoin: 'miter' | 'round' | 'bevel';
  lineCap: 'butt' | 'round' | 'square';
}

function parseColour(value: string | undefined): Rgb | null {
  if (!value || value === 'none') return null;
  const m = /^#([0-9a-f]{6})$/i.exec(value);
  if (!m) throw new Error(`logoSvgPaths: colour "${value}" is not #RRGGBB; draw the artwork with hex colours`);
  return [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16)) as Rgb;
}

const num = (attrs: Record<string, string>, name: string) => Number(attrs[name] ?? 0);

function pointsPath(points: string, close: boolean): string {
  const xy = points.trim().split(/[\s,]+/).map(Number);
  const parts: string[] = [];
  for (let i = 0; i + 1 < xy.length; i += 2) parts.push(`${i === 0 ? 'M' : 'L'}${xy[i]} ${xy[i + 1]}`);
  return parts.join('') + (close ? 'Z' : '');
}

function rectPath(x: number, y: number, w: number, h: number, rx: number): string {
  if (rx <= 0) return `M${x} ${y}L${x + w} ${y}L${x + w} ${y + h}L${x} ${y + h}Z`;
  const r = Math.min(rx, w / 2, h / 2);
  const arc = (ex: number, ey: number) => `A${r} ${r} 0 0 1 ${ex} ${ey}`;
  return (
    `M${x + r} ${y}L${x + w - r} ${y}${arc(x + w, y + r)}L${x + w} ${y + h - r}${arc(x + w - r, y + h)}` +
    `L${x + r} ${y + h}${arc(x, y + h - r)}L${x} ${y + r}${arc(x + r, y)}Z`
  );
}

/**
 * The logo's shapes as path data with their paint, in drawing order, colour changes applied;
 * geometry is left to the caller (the PDF writer sets it as the current transformation matrix).
 * Only the flat markup drawLogo and the addition marks produce is understood: circle, rect,
 * polygon, polyline and path elements carrying their own fill and stroke attributes.
 */
export function logoSvgPaths(spec: LogoSpec, charter: Charter = CHARTER): VectorPath[] {
  const out: VectorPath[] = [];
  const tag = /<(circle|rect|path|polygon|polyline)\b([^>]*?)\/?>/g;
  for (const [, name, rawAttrs] of innerSvg(logoSvg(spec, charter)).matchAll(tag)) {
    const attrs: Record<string, string> = {};
    for (const [, key, value] of rawAttrs.matchAll(/([\w-]+)="([^"]*)"/g)) attrs[key] = value;
    let d: string;
    switch (name) {
      case 'circle': {
        const [cx, cy, r] = [num(attrs, 'cx'), num(attrs, 'cy'), num(attrs, 'r')];
        d = `M${cx - r} ${cy}A${r} ${r} 0 1 0 ${cx + r} ${cy}A${r} ${r} 0 1 0 ${cx - r} ${cy}Z`;
        break;
      }
      case 'rect':
        d = rectPath(num(attrs, 'x'), num(attrs, 'y'), num(attrs, 'width'), num(attrs, 'height'), num(attrs, 'rx'));
        break;
      case 'polygon':
      case 'polyline':
        d = pointsPath(attrs.points ?? '', name === 'polygon');
        break;
      default:
        d = attrs.d ?? '';
    }
    if (!d) continue;
    // SVG paints black when fill is absent; drawLogo always sets it, so absence means a bug upstream.
    const fill = parseColour(attrs.fill ?? '#000000');
    const stroke = parseColour(attrs.stroke);
    out.push({
      d,
      fill: fill && mapColour(spec.colourOp, fill),
      stroke: stroke && mapColour(spec.colourOp, stroke),
      strokeWidth: stroke ? Number(attrs['stroke-width'] ?? 1) : 0,
      lineJoin: (attrs['stroke-linejoin'] as VectorPath['lineJoin']) ?? 'miter',
      lineCap: (attrs['stroke-linecap'] as VectorPath['lineCap']) ?? 'butt',
    });
  }
  return out;
}
