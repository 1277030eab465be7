// What lies around a photographed page: a desk. Either a corpus photo, out of focus and darkened
// so that it reads as a surface and never as paper, or a synthetic wood, laminate or mat texture.
import sharp from 'sharp';
import { decodedPhoto, type RasterPage } from '../page.ts';
import { Rng } from '../random.ts';
import type { Rgb } from './pixels.ts';

const DESK_TONES: Rgb[] = [
  [176, 132, 88], // oak
  [112, 78, 52], // walnut
  [138, 82, 58], // cherry
  [148, 146, 140], // grey laminate
  [64, 60, 56], // dark desk
  [58, 104, 78], // green cutting mat
  [188, 168, 138], // beige
  [92, 98, 110], // slate
];

// A desk seen beside a page must stay well under paper white, so the page edge shows.
const MAX_MEAN_LEVEL = 150;

/** Smooth noise in 0..1: a coarse random grid enlarged with a cubic kernel. */
async function smoothNoise(rng: Rng, width: number, height: number, cells: number): Promise<Buffer> {
  const gw = cells;
  const gh = Math.max(2, Math.round((cells * height) / width));
  const grid = Buffer.from(Array.from({ length: gw * gh }, () => rng.int(0, 255)));
  return sharp(grid, { raw: { width: gw, height: gh, channels: 1 } })
    .resize(width, height, { fit: 'fill', kernel: 'cubic' })
    .raw()
    .toBuffer();
}

/** Wood-like grain: a tone, broad patches of light and dark, and stripes bent by the same noise. */
export async function deskTexture(seed: number, width: number, height: number): Promise<RasterPage> {
  const rng = new Rng(seed);
  const tone = rng.pick(DESK_TONES);
  const patches = await smoothNoise(rng, width, height, rng.int(6, 16));
  const angle = rng.range(0, Math.PI);
  const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
  const period = rng.range(8, 40);
  const grain = rng.range(0, 0.08);
  const data = Buffer.alloc(width * height * 3);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      const n = patches[i] / 255;
      const k = 0.8 + 0.25 * n + grain * Math.sin(((x * dx + y * dy) / period) * 2 * Math.PI + 9 * n);
      for (let c = 0; c < 3; c++) data[i * 3 + c] = Math.max(0, Math.min(255, Math.round(tone[c] * k)));
    }
  }
  return { data, width, height };
}

/** A corpus photo filling the frame, out of focus, darkened to a surface's level; null when it cannot be read. */
async function corpusSurface(file: string, width: number, height: number): Promise<RasterPage | null> {
  const src = await decodedPhoto(file).catch(() => null);
  if (!src) return null;
  const data = await sharp(src.data, { raw: { width: src.width, height: src.height, channels: 3 } })
    .resize(width, height, { fit: 'cover' })
    .blur(3)
    .raw()
    .toBuffer();
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += data[i];
  const k = Math.min(0.9, MAX_MEAN_LEVEL / (sum / data.length));
  for (let i = 0; i < data.length; i++) data[i] = Math.round(data[i] * k);
  return { data, width, height };
}

/** The desk for a shot: a corpus photo when asked for and any is given, else a texture. */
export async function deskSurface(desk: { seed: number; corpus: boolean }, width: number, height: number, photos: string[]): Promise<RasterPage> {
  if (desk.corpus && photos.length) {
    const surface = await corpusSurface(photos[desk.seed % photos.length], width, height);
    if (surface) return surface;
  }
  return deskTexture(desk.seed, width, height);
}
