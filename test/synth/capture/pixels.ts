// Pixel operations shared by the capture conditions, over 8-bit RGB rasters. Each is one pass in
// JS (a 1240×1754 page is 6.5 M samples, a few ms a pass) or one libvips call where libvips has
// the filter (Gaussian blur, resampling).
import sharp from 'sharp';
import type { RasterPage } from '../page.ts';
import { Rng } from '../random.ts';

export type Rgb = [number, number, number];

export const hexRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
export const rgbHex = (rgb: Rgb): string => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`.toUpperCase();

export function solid(width: number, height: number, [r, g, b]: Rgb): RasterPage {
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < data.length; i += 3) {
    data[i] = r;
    data[i + 1] = g;
    data[i + 2] = b;
  }
  return { data, width, height };
}

/** Printing on tinted paper: every channel multiplied by the paper's (white becomes the paper). */
export function multiply(page: RasterPage, [r, g, b]: Rgb): void {
  const k = [r / 255, g / 255, b / 255];
  const { data } = page;
  for (let i = 0; i < data.length; i += 3) {
    data[i] = Math.round(data[i] * k[0]);
    data[i + 1] = Math.round(data[i + 1] * k[1]);
    data[i + 2] = Math.round(data[i + 2] * k[2]);
  }
}

/** Gaussian blur by libvips; sigmas under its floor of 0.3 leave the raster as it is. */
export async function blur(page: RasterPage, sigma: number): Promise<RasterPage> {
  if (sigma < 0.3) return page;
  const data = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } })
    .blur(sigma)
    .raw()
    .toBuffer();
  return { data, width: page.width, height: page.height };
}

/** Lanczos resampling to width × height, as an export dialog does. */
export async function resize(page: RasterPage, width: number, height: number): Promise<RasterPage> {
  const data = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } })
    .resize(width, height, { fit: 'fill', kernel: 'lanczos3' })
    .raw()
    .toBuffer();
  return { data, width, height };
}

// Drawing millions of normals with Box–Muller costs more than the rest of a scan; a table of 64 K
// normals read at random offsets is as good for sensor noise and stays seeded.
const NORMALS = (() => {
  const rng = new Rng(0x5eed);
  const table = new Float32Array(1 << 16);
  for (let i = 0; i < table.length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rng.float()));
    const t = 2 * Math.PI * rng.float();
    table[i] = r * Math.cos(t);
    table[i + 1] = r * Math.sin(t);
  }
  return table;
})();

/**
 * Sensor response: a per-channel offset (a colour cast) plus Gaussian noise of `sigma` levels,
 * independent per sample, drawn from `seed`.
 */
export function castAndNoise(page: RasterPage, offset: Rgb, sigma: number, seed: number): void {
  const { data } = page;
  // xorshift32 indexes the table: seeded, and cheaper per sample than the Rng class.
  let x = seed >>> 0 || 1;
  for (let i = 0; i < data.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const v = data[i] + offset[i % 3] + sigma * NORMALS[(x >>> 0) & 0xffff];
    data[i] = v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v);
  }
}

/** Uneven light: how bright the scene is at each pixel, from 1 down to `low`. */
export interface Lighting {
  low: number;
  /** Direction the linear gradient darkens towards, degrees (0 = towards +x). */
  directionDeg: number;
  /** Brightest spot of the vignette, as fractions of width and height. */
  hotspot: [number, number];
  /** Weight of the linear gradient against the vignette, 0..1. */
  mix: number;
}

/**
 * Multiplies the raster by a smooth light field: a linear gradient and a radial fall-off from a
 * hot spot, blended and spread over [low, 1] so the darkest pixel gets `low` and the brightest 1.
 */
export function light(page: RasterPage, { low, directionDeg, hotspot, mix }: Lighting): void {
  const { data, width, height } = page;
  const [dx, dy] = [Math.cos((directionDeg * Math.PI) / 180), Math.sin((directionDeg * Math.PI) / 180)];
  const [hx, hy] = [hotspot[0] * width, hotspot[1] * height];
  const corners = [
    [0, 0],
    [width, 0],
    [0, height],
    [width, height],
  ];
  const along = corners.map(([x, y]) => x * dx + y * dy);
  const [a0, a1] = [Math.min(...along), Math.max(...along)];
  const farthest = Math.max(...corners.map(([x, y]) => (x - hx) ** 2 + (y - hy) ** 2));
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i += 3) {
      const shade = mix * ((x * dx + y * dy - a0) / (a1 - a0)) + (1 - mix) * (((x - hx) ** 2 + (y - hy) ** 2) / farthest);
      const k = 1 - (1 - low) * shade;
      data[i] = Math.round(data[i] * k);
      data[i + 1] = Math.round(data[i + 1] * k);
      data[i + 2] = Math.round(data[i + 2] * k);
    }
  }
}
