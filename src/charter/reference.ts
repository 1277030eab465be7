// The approved artwork, rendered once per process into what detection and inspection compare
// against: per-variant rasters, per-element masks, per-colour sampling masks.
import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { hexToRgb } from '../image/colour.ts';
import { insideDistance } from '../image/morphology.ts';
import { rgbaToGray, type Gray } from '../image/raster.ts';
import { artworkPath } from './load.ts';
import { ELEMENT_IDS, type Charter, type ElementId } from './schema.ts';

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
  /**
   * Per badge variant id (and '*' for what every variant shares), per element, per palette entry:
   * how deep (in reference pixels) each pixel lies inside an area drawn in that ink; 0 outside.
   */
  colourDepth: Record<string, Record<ElementId, Record<string, Float32Array>>>;
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

/** 1 where alpha reaches the threshold. */
export function alphaMask(rgba: Uint8Array, width: number, height: number, threshold = 128): Uint8Array {
  const mask = new Uint8Array(width * height);
  for (let i = 0; i < mask.length; i++) mask[i] = rgba[i * 4 + 3] >= threshold ? 1 : 0;
  return mask;
}

/**
 * The artwork SVG of each badge variant, checked for the element groups the model cuts it into.
 * Read synchronously (a few kilobytes): buildReference then hands sharp every render before it
 * first waits, so a caller can run other start-up work on this thread while sharp draws.
 */
function readArtwork(charter: Charter): string[] {
  return charter.badges.map((badge) => {
    const file = artworkPath(charter, badge.id);
    let svg: string;
    try {
      svg = readFileSync(file, 'utf8');
    } catch (err) {
      throw new Error(`approved artwork for badge "${badge.id}" cannot be read at ${file}: ${(err as Error).message}`);
    }
    for (const id of ELEMENT_IDS) {
      if (!svg.includes(`<g id="${id}">`)) throw new Error(`approved artwork ${file} has no <g id="${id}"> group`);
    }
    return svg;
  });
}

export async function buildReference(charter: Charter): Promise<ReferenceModel> {
  const width = Math.round(charter.artwork.width * REF_SCALE);
  const height = Math.round(charter.artwork.height * REF_SCALE);
  const svgs = readArtwork(charter);
  // An element is visible where it is drawn and no later element covers it (the arrow lies on the @).
  const order = [...svgs[0].matchAll(/<g id="([a-z]+)">/g)].map((m) => m[1] as ElementId);
  const topFirst = [...order].reverse();
  // Every raster is asked of sharp at once: it renders them on its own threads while this one
  // waits, in about the time of the slowest few rather than of all twenty-odd in turn.
  const [whole, layers] = await Promise.all([
    Promise.all(svgs.map((svg) => renderSvg(svg, width, height, '#ffffff'))),
    Promise.all(svgs.map((svg) => Promise.all(topFirst.map((id) => renderSvg(isolateGroups(svg, [id]), width, height))))),
  ]);
  const variants: VariantRaster[] = charter.badges.map((badge, v) => ({ id: badge.id, text: badge.text, rgba: whole[v], gray: rgbaToGray(whole[v], width, height) }));

  const elementMasks = {} as Record<ElementId, Uint8Array>;
  const colourDepth: ReferenceModel['colourDepth'] = {};
  const n = width * height;
  const common = {} as Record<ElementId, Record<string, Uint8Array>>;
  let emptyMask = new Uint8Array(0);
  for (const [v, badge] of charter.badges.entries()) {
    const covered = new Uint8Array(n);
    colourDepth[badge.id] = {} as Record<ElementId, Record<string, Float32Array>>;
    for (const [l, id] of topFirst.entries()) {
      const layer = layers[v][l];
      const drawn = alphaMask(layer, width, height, 24);
      const visible = new Uint8Array(n);
      for (let i = 0; i < n; i++) visible[i] = drawn[i] && !covered[i] ? 1 : 0;
      for (let i = 0; i < n; i++) covered[i] ||= drawn[i];
      if (v === 0) elementMasks[id] = visible;
      else for (let i = 0; i < n; i++) elementMasks[id][i] ||= visible[i];

      colourDepth[badge.id][id] = {};
      common[id] ??= {};
      for (const name of charter.elements[id].colours) {
        const { r, g, b } = hexToRgb(charter.palette[name].hex);
        const mask = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          if (!visible[i] || layer[i * 4 + 3] < 250) continue;
          // Fully covered, unblended pixels of exactly that ink.
          if (Math.abs(layer[i * 4] - r) + Math.abs(layer[i * 4 + 1] - g) + Math.abs(layer[i * 4 + 2] - b) < 12) mask[i] = 1;
        }
        colourDepth[badge.id][id][name] = insideDistance(mask, width, height);
        if (!common[id][name]) common[id][name] = mask;
        else for (let i = 0; i < n; i++) common[id][name][i] &&= mask[i];
      }
    }
    if (v === 0) {
      emptyMask = new Uint8Array(n);
      for (let i = 0; i < n; i++) emptyMask[i] = covered[i] ? 0 : 1;
    }
  }
  // Where the badge variant is not known (an altered text), only what all variants share is measured.
  colourDepth['*'] = {} as Record<ElementId, Record<string, Float32Array>>;
  for (const id of ELEMENT_IDS) {
    colourDepth['*'][id] = {};
    for (const name of Object.keys(common[id])) colourDepth['*'][id][name] = insideDistance(common[id][name], width, height);
  }
  return { charter, width, height, variants, elementMasks, colourDepth, emptyMask };
}


