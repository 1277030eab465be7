// Synthetic "phone photos of a printed page" with a known camera, for the rectify tests: a flat
// page is projected through a pinhole camera onto a background, lit unevenly, and optionally
// JPEG-compressed, so every corner, ratio and point has an exact truth to compare with.
import sharp from 'sharp';
import type { Homography, Page } from '../../types.ts';
import { invert, multiply, project, type Quad } from '../../image/homography.ts';
import { interpolateRgb } from '../../image/sample.ts';
import { mulberry32 } from '../../../test/synth/random.ts';

export interface Raster {
  width: number;
  height: number;
  rgba: Uint8Array;
}

export function blank(width: number, height: number, rgb: [number, number, number] = [255, 255, 255]): Raster {
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < rgba.length; i += 4) {
    rgba[i] = rgb[0];
    rgba[i + 1] = rgb[1];
    rgba[i + 2] = rgb[2];
    rgba[i + 3] = 255;
  }
  return { width, height, rgba };
}

export function fillRect(r: Raster, x: number, y: number, w: number, h: number, rgb: [number, number, number]): void {
  for (let j = Math.max(0, y); j < Math.min(r.height, y + h); j++) {
    for (let i = Math.max(0, x); i < Math.min(r.width, x + w); i++) {
      const k = (j * r.width + i) * 4;
      r.rgba[k] = rgb[0];
      r.rgba[k + 1] = rgb[1];
      r.rgba[k + 2] = rgb[2];
    }
  }
}

/** An anti-aliased disc (4×4 coverage per pixel) so its second moments are exact to a fraction of a pixel. */
export function fillDisc(r: Raster, cx: number, cy: number, radius: number, rgb: [number, number, number]): void {
  for (let j = Math.floor(cy - radius - 1); j <= cy + radius + 1; j++) {
    for (let i = Math.floor(cx - radius - 1); i <= cx + radius + 1; i++) {
      if (i < 0 || j < 0 || i >= r.width || j >= r.height) continue;
      let inside = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (Math.hypot(i + (sx + 0.5) / 4 - cx, j + (sy + 0.5) / 4 - cy) <= radius) inside++;
      if (!inside) continue;
      const a = inside / 16;
      const k = (j * r.width + i) * 4;
      for (let c = 0; c < 3; c++) r.rgba[k + c] = Math.round(r.rgba[k + c] * (1 - a) + rgb[c] * a);
    }
  }
}

/** Where the test page's blue disc is, as a share of the page's width (centre x, y; radius). */
export const DISC = { cx: 0.7, cy: 0.62, r: 0.11 };
export const DISC_BLUE: [number, number, number] = [0, 84, 166];

/** A flyer: off-white paper, a title band, text-like bars, coloured boxes and a blue disc, inside margins. */
export function flyer(width = 620, height = 877, seed = 1): Raster {
  const rnd = mulberry32(seed);
  const page = blank(width, height, [250, 250, 247]);
  const m = Math.round(width * 0.07);
  fillRect(page, m, m, width - 2 * m, Math.round(height * 0.08), [30, 60, 120]);
  for (let line = 0; line < 14; line++) {
    const y = Math.round(height * 0.17) + line * Math.round(height * 0.022);
    const w = Math.round((width - 2 * m) * (0.45 + 0.5 * rnd()));
    fillRect(page, m, y, w, Math.max(2, Math.round(height * 0.008)), [40, 40, 40]);
  }
  fillRect(page, m, Math.round(height * 0.52), Math.round(width * 0.35), Math.round(height * 0.2), [200, 40, 40]);
  fillRect(page, m, Math.round(height * 0.78), Math.round(width * 0.5), Math.round(height * 0.1), [60, 160, 70]);
  fillDisc(page, DISC.cx * width, DISC.cy * height, DISC.r * width, DISC_BLUE);
  return page;
}

export function woodBackground(width: number, height: number, seed = 2): Raster {
  const rnd = mulberry32(seed);
  const out = blank(width, height);
  const phase = Array.from({ length: 64 }, () => rnd() * 6.28);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const grain = Math.sin(y * 0.045 + 2.5 * Math.sin(x * 0.004 + phase[(y >> 5) & 63]) + phase[(x >> 7) & 63] * 0.3);
      const v = 0.72 + 0.14 * grain + 0.08 * (rnd() - 0.5);
      const k = (y * width + x) * 4;
      out.rgba[k] = Math.min(255, 150 * v);
      out.rgba[k + 1] = Math.min(255, 100 * v);
      out.rgba[k + 2] = Math.min(255, 62 * v);
    }
  }
  return out;
}

export function greyBackground(width: number, height: number, seed = 3): Raster {
  const rnd = mulberry32(seed);
  const out = blank(width, height);
  for (let i = 0; i < out.rgba.length; i += 4) {
    const v = 128 + (rnd() - 0.5) * 10;
    out.rgba[i] = out.rgba[i + 1] = out.rgba[i + 2] = v;
  }
  return out;
}

/** Clutter: overlapping rectangles of any colour, some of them light. */
export function busyBackground(width: number, height: number, seed = 4): Raster {
  const rnd = mulberry32(seed);
  const out = blank(width, height, [90, 90, 100]);
  for (let n = 0; n < 260; n++) {
    const w = 20 + rnd() * width * 0.15;
    const h = 20 + rnd() * height * 0.15;
    const rgb: [number, number, number] = [rnd() * 230, rnd() * 230, rnd() * 230];
    fillRect(out, Math.round(rnd() * width - w / 2), Math.round(rnd() * height - h / 2), Math.round(w), Math.round(h), rgb);
  }
  return out;
}

export interface Camera {
  /** Page tilt about its horizontal and vertical axes, and in-plane rotation, degrees. */
  tiltX: number;
  tiltY: number;
  roll: number;
  /** Share of the photo's height (portrait page) or width the page spans. */
  fill?: number;
  /** Focal length as a share of the photo's diagonal (phones: ~0.6). */
  focal?: number;
  /** Page centre offset from the photo centre, share of the photo's size. */
  shift?: [number, number];
}

/** The pinhole camera's map from page pixels (continuous) to photo pixels. */
export function cameraHomography(pageW: number, pageH: number, photoW: number, photoH: number, cam: Camera): Homography {
  const rad = Math.PI / 180;
  const f = (cam.focal ?? 0.6) * Math.hypot(photoW, photoH);
  const fill = cam.fill ?? 0.8;
  const [a, b, c] = [cam.tiltX * rad, cam.tiltY * rad, cam.roll * rad];
  const rx = [1, 0, 0, 0, Math.cos(a), -Math.sin(a), 0, Math.sin(a), Math.cos(a)];
  const ry = [Math.cos(b), 0, Math.sin(b), 0, 1, 0, -Math.sin(b), 0, Math.cos(b)];
  const rz = [Math.cos(c), -Math.sin(c), 0, Math.sin(c), Math.cos(c), 0, 0, 0, 1];
  const r = multiply(rz, multiply(ry, rx));
  const distance = f * Math.max(pageW / (fill * photoW), pageH / (fill * photoH));
  const [sx, sy] = cam.shift ?? [0, 0];
  const k = [f, 0, photoW * (0.5 + sx), 0, f, photoH * (0.5 + sy), 0, 0, 1];
  // [r1 r2 t]: plane points (X, Y, 0) at distance `distance` in front of the camera.
  const rt = [r[0], r[1], 0, r[3], r[4], 0, r[6], r[7], distance];
  const centre = [1, 0, -pageW / 2, 0, 1, -pageH / 2, 0, 0, 1];
  return multiply(k, multiply(rt, centre));
}

export function projectQuad(h: Homography, pageW: number, pageH: number): Quad {
  return [project(h, 0, 0), project(h, pageW, 0), project(h, pageW, pageH), project(h, 0, pageH)];
}

export interface Lighting {
  /** Darkening at the photo's corners (0 = none), radial, quadratic. */
  vignette?: number;
  /** Left-to-right change of light, as a share (0.2: +10 % on the right, −10 % on the left). */
  gradient?: number;
  /** Amplitude of uniform sensor noise in levels. */
  noise?: number;
  seed?: number;
}

/** Renders the page through the camera onto the background, supersampled 3×3 at its outline so edges are anti-aliased. */
export function photograph(page: Raster, background: Raster, fileFromPage: Homography, light: Lighting = {}): Raster {
  const { width, height } = background;
  const out = blank(width, height);
  const pageFromFile = invert(fileFromPage);
  const rnd = mulberry32(light.seed ?? 5);
  const vignette = light.vignette ?? 0.35;
  const gradient = light.gradient ?? 0.2;
  const noise = light.noise ?? 3;
  const halfDiagonal = Math.hypot(width, height) / 2;
  const rgb = [0, 0, 0];
  const acc = [0, 0, 0];
  const [a, b, c, d, e, f, g, h, i] = pageFromFile;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const k = (y * width + x) * 4;
      // Supersample only pixels near the page's outline; elsewhere one sample is exact enough.
      const cx = x + 0.5;
      const cy = y + 0.5;
      const w0 = g * cx + h * cy + i;
      const u0 = (a * cx + b * cy + c) / w0;
      const v0 = (d * cx + e * cy + f) / w0;
      const near = Math.min(Math.abs(u0), Math.abs(v0), Math.abs(u0 - page.width), Math.abs(v0 - page.height)) < 3;
      const n = near ? 3 : 1;
      acc[0] = acc[1] = acc[2] = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const px = x + (sx + 0.5) / n;
          const py = y + (sy + 0.5) / n;
          const w = g * px + h * py + i;
          const u = (a * px + b * py + c) / w;
          const v = (d * px + e * py + f) / w;
          if (u >= 0 && v >= 0 && u < page.width && v < page.height) rgb.splice(0, 3, ...interpolateRgb(page.rgba, page.width, page.height, u, v));
          else for (let ch = 0; ch < 3; ch++) rgb[ch] = background.rgba[k + ch];
          for (let ch = 0; ch < 3; ch++) acc[ch] += rgb[ch];
        }
      }
      const r = Math.hypot(x - width / 2, y - height / 2) / halfDiagonal;
      const gain = (1 - vignette * r * r) * (1 + gradient * (x / width - 0.5));
      for (let ch = 0; ch < 3; ch++) out.rgba[k + ch] = Math.max(0, Math.min(255, Math.round((acc[ch] / (n * n)) * gain + (rnd() - 0.5) * 2 * noise)));
    }
  }
  return out;
}

/** Round trip through JPEG, as a phone would store it. */
export async function jpeg(r: Raster, quality = 85): Promise<Raster> {
  const { data, info } = await sharp(r.rgba, { raw: { width: r.width, height: r.height, channels: 4 } })
    .jpeg({ quality })
    .toBuffer()
    .then((buf) => sharp(buf).ensureAlpha().raw().toBuffer({ resolveWithObject: true }));
  return { width: info.width, height: info.height, rgba: new Uint8Array(data.buffer, data.byteOffset, data.length) };
}

export function asPage(r: Raster): Page {
  return { index: 1, width: r.width, height: r.height, rgba: r.rgba, textRuns: [] };
}

/**
 * Second-moment aspect (major/minor axis ratio) and centroid of the pixels close to an ink,
 * within a window [x0, y0, x1, y1] (the whole raster by default).
 */
export function inkShape(
  r: Raster,
  ink: [number, number, number],
  maxDistance = 60,
  window: [number, number, number, number] = [0, 0, r.width, r.height],
): { aspect: number; cx: number; cy: number; count: number } {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (let y = Math.max(0, window[1]); y < Math.min(r.height, window[3]); y++) {
    for (let x = Math.max(0, window[0]); x < Math.min(r.width, window[2]); x++) {
      const k = (y * r.width + x) * 4;
      const d = Math.hypot(r.rgba[k] - ink[0], r.rgba[k + 1] - ink[1], r.rgba[k + 2] - ink[2]);
      if (d > maxDistance) continue;
      n++;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
    }
  }
  const cx = sx / n;
  const cy = sy / n;
  const a = sxx / n - cx * cx;
  const b = sxy / n - cx * cy;
  const c = syy / n - cy * cy;
  const t = Math.sqrt(((a - c) / 2) ** 2 + b * b);
  const l1 = (a + c) / 2 + t;
  const l2 = (a + c) / 2 - t;
  return { aspect: Math.sqrt(l1 / l2), cx: cx + 0.5, cy: cy + 0.5, count: n };
}

// Pages that are not paper-white, which the page finder must find by their sides (sides.ts).

/** The flyer printed full bleed: a deep blue ground to every edge, a photo-like band across the bottom, white text boxes on it. */
export function fullBleedFlyer(width = 620, height = 877): Raster {
  const page = flyer(width, height);
  const rnd = mulberry32(11);
  for (let i = 0; i < page.rgba.length; i += 4) {
    // Only the paper (the flyer's off-white) becomes the ground: the inks stay as printed.
    if (page.rgba[i] === 250 && page.rgba[i + 1] === 250 && page.rgba[i + 2] === 247) page.rgba.set([24, 52, 96], i);
  }
  // A photo across the bottom fifth: blotches of greens and browns, to the page's edges.
  const top = Math.round(height * 0.9);
  for (let y = top; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = 0.5 + 0.5 * Math.sin(x * 0.05 + 3 * Math.sin(y * 0.07)) * Math.cos(y * 0.11 + x * 0.013);
      const k = (y * width + x) * 4;
      page.rgba.set([Math.round(60 + 90 * v + 10 * rnd()), Math.round(90 + 70 * v), Math.round(40 + 30 * v)], k);
    }
  }
  fillDisc(page, DISC.cx * width, DISC.cy * height, DISC.r * width * 1.15, [250, 250, 250]);
  fillDisc(page, DISC.cx * width, DISC.cy * height, DISC.r * width, DISC_BLUE);
  return page;
}

/** The flyer on tinted paper (a pale yellow stock): its paper is no longer white, its inks unchanged. */
export function tintedFlyer(width = 620, height = 877, tint: [number, number, number] = [236, 218, 160]): Raster {
  const page = flyer(width, height);
  for (let i = 0; i < page.rgba.length; i += 4) {
    if (page.rgba[i] === 250 && page.rgba[i + 1] === 250 && page.rgba[i + 2] === 247) page.rgba.set(tint, i);
  }
  return page;
}

/** A desk with white things on it: a sheet of white paper and a white mug-like disc beside where the page lies, on grey. */
export function whiteClutterBackground(width: number, height: number): Raster {
  const out = greyBackground(width, height, 9);
  fillRect(out, 0, Math.round(height * 0.75), Math.round(width * 0.45), Math.round(height * 0.25), [238, 238, 236]);
  fillDisc(out, width * 0.9, height * 0.12, width * 0.12, [242, 242, 242]);
  return out;
}

// Ordinary pages that must not be rectified: each has a large shape that a careless page finder
// would take for "a page in a photo".

/** The flyer with a full-bleed dark photograph across its top half. */
export function flyerWithPhotoBand(width = 1240, height = 1754): Raster {
  const page = flyer(width, height);
  const band = woodBackground(width, Math.round(height / 2), 8);
  for (let i = 0; i < band.rgba.length; i += 4) for (let c = 0; c < 3; c++) band.rgba[i + c] = band.rgba[i + c] * 0.6;
  page.rgba.set(band.rgba, 0);
  return page;
}

/** The flyer with a large grey panel, upright, taking most of the page. */
export function flyerWithGreyPanel(width = 1240, height = 1754): Raster {
  const page = flyer(width, height);
  fillRect(page, Math.round(width * 0.1), Math.round(height * 0.15), Math.round(width * 0.8), Math.round(height * 0.7), [150, 150, 150]);
  fillDisc(page, width / 2, height / 2, width * 0.12, DISC_BLUE);
  return page;
}

/**
 * A design, not a photo: a dark full-bleed poster showing a white card turned by a few degrees,
 * drawn with flat colours. Geometrically it is a page lying at an angle on a desk.
 */
export function posterWithTiltedCard(width = 1240, height = 1754): Raster {
  const card = flyer();
  const h = cameraHomography(card.width, card.height, width, height, { tiltX: 0, tiltY: 0, roll: 6, fill: 0.75, focal: 0.6 });
  return photograph(card, blank(width, height, [35, 40, 60]), h, { vignette: 0, gradient: 0, noise: 0 });
}

export function noise(width: number, height: number, seed = 6): Raster {
  const rnd = mulberry32(seed);
  const out = blank(width, height);
  for (let i = 0; i < out.rgba.length; i += 4) for (let c = 0; c < 3; c++) out.rgba[i + c] = rnd() * 256;
  return out;
}
