// The approved artwork, rendered once per process into what detection and inspection compare
// against: per-variant rasters, per-element masks, per-colour sampling masks.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { artworkPath } from '../charter/load.ts';
import { ELEMENT_IDS, type Charter, type ElementId } from '../charter/schema.ts';
import { hexToLab, deltaE2000 } from '../inspect/colour.ts';
import { rgbaToGray, type Gray } from './raster.ts';

/** Reference pixels per artwork unit: 800×300 artwork → 400×150 reference raster. */
export const REF_SCALE = 0.5;

export interface VariantRaster {
  id: string;
  text: string;
  rgba: Uint8Array;
  gray: Gray;
}

export interface ReferenceModel {
  charter: Charter;
  /** Reference raster size (artwork size × REF_SCALE). */
  width: number;
  height: number;
  variants: VariantRaster[];
  /** Where each element is visible in the reference raster (1) or not (0). */
  elementMasks: Record<ElementId, Uint8Array>;
  /** Per element, per palette entry: reference pixels drawn in that colour, away from edges. */
  colourMasks: Record<ElementId, Record<string, Uint8Array>>;
  /** Pixels of the logo's rectangle not covered by any element (where additions show best). */
  emptyMask: Uint8Array;
}

/** Keeps only the given element groups of an artwork SVG (the groups are flat, one per element). */
export function isolateGroups(svg: string, keep: readonly ElementId[]): string {
  return svg.replace(/<g id="([a-z]+)">[\s\S]*?<\/g>/g, (group, id: string) => (keep.includes(id as ElementId) ? group : ''));
}

async function renderSvg(svg: string, width: number, height: number, background?: string): Promise<Uint8Array> {
  const density = 72 * (width / svgWidth(svg));
  let image = sharp(Buffer.from(svg), { density }).resize(width, height, { fit: 'fill' }).ensureAlpha();
  if (background) image = image.flatten({ background });
  const { data } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function svgWidth(svg: string): number {
  const m = /<svg[^>]*\bwidth="([\d.]+)"/.exec(svg);
  if (!m) throw new Error('artwork SVG has no width attribute');
  return Number(m[1]);
}

/** 1 where alpha is set; shrinks by `erode` pixels so anti-aliased edges are left out. */
export function alphaMask(rgba: Uint8Array, width: number, height: number, threshold = 128): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) mask[i] = rgba[i * 4 + 3] >= threshold ? 1 : 0;
  return mask;
}

export function erode(mask: Uint8Array, width: number, height: number, radius = 1): Uint8Array {
  const out = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let keep = 1;
      for (let dy = -radius; dy <= radius && keep; dy++) {
        for (let dx = -radius; dx <= radius; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx < 0 || yy < 0 || xx >= width || yy >= height || !mask[yy * width + xx]) {
            keep = 0;
            break;
          }
        }
      }
      out[y * width + x] = keep;
    }
  }
  return out;
}

export async function buildReference(charter: Charter): Promise<ReferenceModel> {
  const width = Math.round(charter.artwork.width * REF_SCALE);
  const height = Math.round(charter.artwork.height * REF_SCALE);
  const variants: VariantRaster[] = [];
  let firstSvg = '';
  for (const badge of charter.badges) {
    const file = artworkPath(charter, badge.id);
    let svg: string;
    try {
      svg = await readFile(file, 'utf8');
    } catch (err) {
      throw new Error(`approved artwork for badge "${badge.id}" cannot be read at ${file}: ${(err as Error).message}`);
    }
    for (const id of ELEMENT_IDS) {
      if (!svg.includes(`<g id="${id}">`)) throw new Error(`approved artwork ${file} has no <g id="${id}"> group`);
    }
    if (!firstSvg) firstSvg = svg;
    const rgba = await renderSvg(svg, width, height, '#ffffff');
    variants.push({ id: badge.id, text: badge.text, rgba, gray: rgbaToGray(rgba, width, height) });
  }

  // An element is visible where it is drawn and no later element covers it (the arrow lies on the @).
  const layers: Record<string, Uint8Array> = {};
  for (const id of ELEMENT_IDS) layers[id] = await renderSvg(isolateGroups(firstSvg, [id]), width, height);
  const order = [...firstSvg.matchAll(/<g id="([a-z]+)">/g)].map((m) => m[1] as ElementId);
  const elementMasks = {} as Record<ElementId, Uint8Array>;
  const colourMasks = {} as Record<ElementId, Record<string, Uint8Array>>;
  const covered = new Uint8Array(width * height);
  for (const id of [...order].reverse()) {
    const drawn = alphaMask(layers[id], width, height, 24);
    const visible = new Uint8Array(drawn.length);
    for (let i = 0; i < drawn.length; i++) visible[i] = drawn[i] && !covered[i] ? 1 : 0;
    for (let i = 0; i < drawn.length; i++) covered[i] ||= drawn[i];
    elementMasks[id] = visible;

    const rgba = layers[id];
    const palette = charter.elements[id].colours.map((name) => ({ name, lab: hexToLab(charter.palette[name].hex) }));
    colourMasks[id] = {};
    for (const { name, lab } of palette) {
      const mask = new Uint8Array(width * height);
      for (let i = 0; i < mask.length; i++) {
        if (!visible[i] || rgba[i * 4 + 3] < 250) continue;
        const px = { r: rgba[i * 4], g: rgba[i * 4 + 1], b: rgba[i * 4 + 2] };
        if (deltaE2000(hexToLab(rgbHex(px)), lab) < 3) mask[i] = 1;
      }
      colourMasks[id][name] = erode(mask, width, height, 1);
    }
  }
  const emptyMask = new Uint8Array(width * height);
  for (let i = 0; i < emptyMask.length; i++) emptyMask[i] = covered[i] ? 0 : 1;
  return { charter, width, height, variants, elementMasks, colourMasks, emptyMask };
}

function rgbHex({ r, g, b }: { r: number; g: number; b: number }): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
