import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../types.ts';
import { IngestError } from './errors.ts';
import { openDocument } from './open.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logo-check-ingest-image-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

async function firstPage(path: string, options?: Parameters<typeof openDocument>[1]): Promise<Page> {
  const doc = await openDocument(path, options);
  try {
    return await doc.renderPage(1);
  } finally {
    await doc.close();
  }
}

function pixel(page: Page, x: number, y: number): number[] {
  const at = (y * page.width + x) * 4;
  return [...page.rgba.subarray(at, at + 4)];
}

/** Left half red, right half blue: tells which way an image was turned. */
function halves(width: number, height: number): sharp.Sharp {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(x < width / 2 ? [255, 0, 0] : [0, 0, 255], (y * width + x) * 3);
  }
  return sharp(raw, { raw: { width, height, channels: 3 } });
}

function expectClose(actual: number[], expected: number[], tolerance: number): void {
  actual.forEach((value, i) => expect(Math.abs(value - expected[i]!), `channel ${i}: ${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance));
}

function expectTightRgba(page: Page): void {
  expect(page.rgba).toBeInstanceOf(Uint8Array);
  expect(page.rgba.byteLength).toBe(page.width * page.height * 4);
}

describe('images: orientation', () => {
  it.each(['jpeg', 'png'] as const)('applies EXIF orientation 6 of a %s (rotate 90° clockwise to display)', async (format) => {
    const stored = await halves(40, 20).withMetadata({ orientation: 6 }).toFormat(format).toBuffer();
    expect((await sharp(stored).metadata()).orientation).toBe(6);
    const page = await firstPage(await file(`orientation-6.${format}`, stored));
    expect([page.width, page.height]).toEqual([20, 40]);
    // The stored left (red) half ends up on top.
    expectClose(pixel(page, 10, 5), [255, 0, 0, 255], 40);
    expectClose(pixel(page, 10, 34), [0, 0, 255, 255], 40);
    expectTightRgba(page);
  });
});

describe('images: colour', () => {
  it('converts a CMYK JPEG to sRGB', async () => {
    const cmyk = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#ff0000' } }).toColourspace('cmyk').jpeg().toBuffer();
    expect((await sharp(cmyk).metadata()).space).toBe('cmyk');
    const page = await firstPage(await file('cmyk.jpg', cmyk));
    const [r, g, b, a] = pixel(page, 8, 8);
    expect(r).toBeGreaterThan(200);
    expect(g).toBeLessThan(70);
    expect(b).toBeLessThan(70);
    expect(a).toBe(255);
  });

  it('reduces a 16-bit PNG to 8 bits by scaling, not truncating', async () => {
    const samples = new Uint16Array(4 * 4 * 3).fill(51400); // 51400 / 257 = 200
    const png16 = await sharp(samples, { raw: { width: 4, height: 4, channels: 3 } }).toColourspace('rgb16').png().toBuffer();
    expect((await sharp(png16).metadata()).depth).toBe('ushort');
    const page = await firstPage(await file('rgb16.png', png16));
    expectClose(pixel(page, 1, 1), [200, 200, 200, 255], 1);
    expectTightRgba(page);
  });

  it('expands grey to RGB', async () => {
    const grey = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#404040' } }).toColourspace('b-w').png().toBuffer();
    expect((await sharp(grey).metadata()).channels).toBe(1);
    const page = await firstPage(await file('grey.png', grey));
    expectClose(pixel(page, 0, 0), [64, 64, 64, 255], 1);
  });

  it('flattens transparency onto white paper', async () => {
    const rgba = Buffer.from([0, 0, 0, 0, 0, 0, 0, 128, 255, 0, 0, 255, 0, 0, 255, 64]);
    const png = await sharp(rgba, { raw: { width: 4, height: 1, channels: 4 } }).png().toBuffer();
    const page = await firstPage(await file('alpha.png', png));
    expectClose(pixel(page, 0, 0), [255, 255, 255, 255], 0);
    expectClose(pixel(page, 1, 0), [127, 127, 127, 255], 2);
    expectClose(pixel(page, 2, 0), [255, 0, 0, 255], 0);
    expectClose(pixel(page, 3, 0), [191, 191, 255, 255], 2);
  });
});

describe('images: pages and frames', () => {
  // Two 8 × 4 frames: black, then white.
  const frames = (): sharp.Sharp =>
    sharp(Buffer.concat([Buffer.alloc(8 * 4 * 3, 0), Buffer.alloc(8 * 4 * 3, 255)]), { raw: { width: 8, height: 8, channels: 3, pageHeight: 4 } });

  it('gives one page per TIFF page', async () => {
    const doc = await openDocument(await file('two-pages.tif', await frames().tiff().toBuffer()));
    try {
      expect(doc.pageCount).toBe(2);
      const [first, second] = [await doc.renderPage(1), await doc.renderPage(2)];
      expect([first.index, first.width, first.height, pixel(first, 0, 0)]).toEqual([1, 8, 4, [0, 0, 0, 255]]);
      expect([second.index, second.width, second.height, pixel(second, 0, 0)]).toEqual([2, 8, 4, [255, 255, 255, 255]]);
      await expect(doc.renderPage(3)).rejects.toThrow(RangeError);
    } finally {
      await doc.close();
    }
  });

  it('takes the first frame of an animated GIF as its only page', async () => {
    const doc = await openDocument(await file('animated.gif', await frames().gif().toBuffer()));
    try {
      expect(doc.pageCount).toBe(1);
      const page = await doc.renderPage(1);
      expect([page.width, page.height, pixel(page, 0, 0)]).toEqual([8, 4, [0, 0, 0, 255]]);
    } finally {
      await doc.close();
    }
  });
});

describe('images: resolution', () => {
  it('records the density the file states', async () => {
    const jpeg = await halves(8, 8).withMetadata({ density: 300 }).jpeg().toBuffer();
    expect((await firstPage(await file('300dpi.jpg', jpeg))).dpi).toBe(300);
  });

  it('omits the dpi when the file states none (libvips would say 72)', async () => {
    const jpeg = await halves(8, 8).jpeg().toBuffer();
    expect(await firstPage(await file('no-dpi.jpg', jpeg))).not.toHaveProperty('dpi');
  });
});

describe('images: SVG', () => {
  it.each([
    ['small, in pixels: scaled up to 1000 px', '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">', [1000, 500], 960],
    ['in millimetres: scaled up to 1000 px', '<svg xmlns="http://www.w3.org/2000/svg" width="100mm" height="50mm">', [1000, 500], 254],
    ['sized by its viewBox only', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 600">', [500, 1000], 160],
    ['huge: scaled down to 4000 px', '<svg xmlns="http://www.w3.org/2000/svg" width="40000" height="20000">', [4000, 2000], 9.6],
    ['already in range: kept', '<svg xmlns="http://www.w3.org/2000/svg" width="1500" height="1200">', [1500, 1200], 96],
  ])('%s', async (name, open, size, dpi) => {
    const svg = `<?xml version="1.0"?>\n${open}<rect x="0" y="0" width="50%" height="100%" fill="#00f"/></svg>`;
    const page = await firstPage(await file(`${name.replace(/\W+/g, '-')}.svg`, svg));
    expect([page.width, page.height]).toEqual(size);
    expect(page.dpi).toBeCloseTo(dpi, 0);
    expectClose(pixel(page, 5, 5), [0, 0, 255, 255], 0);
    // Unpainted canvas is paper white.
    expectClose(pixel(page, page.width - 5, 5), [255, 255, 255, 255], 0);
  });

  it('keeps to maxPixels by rendering smaller', async () => {
    const page = await firstPage(await file('bounded.svg', '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"/>'), { maxPixels: 250_000 });
    expect(page.width * page.height).toBeLessThanOrEqual(250_000);
    expect(page.width).toBeGreaterThan(450);
  });
});

describe('images: metadata', () => {
  it('reads EXIF DateTimeOriginal as the creation date and DateTime as the modification date', async () => {
    const jpeg = await halves(8, 8)
      .withExif({ IFD0: { DateTime: '2024:02:03 04:05:06' }, IFD2: { DateTimeOriginal: '2023:11:12 13:14:15' } })
      .jpeg()
      .toBuffer();
    const doc = await openDocument(await file('exif.jpg', jpeg));
    expect(doc.metadata).toEqual({ created: new Date('2023-11-12T13:14:15Z'), modified: new Date('2024-02-03T04:05:06Z') });
  });

  it('reads a PNG "Creation Time" text chunk', async () => {
    const png = await halves(8, 8).png().toBuffer();
    const doc = await openDocument(await file('text.png', withTextChunk(png, 'Creation Time', 'Tue, 15 Nov 1994 08:12:31 GMT')));
    expect(doc.metadata.created).toEqual(new Date('1994-11-15T08:12:31Z'));
  });

  it('has no dates when the file records none', async () => {
    expect((await openDocument(await file('plain.png', await halves(8, 8).png().toBuffer()))).metadata).toEqual({});
  });
});

describe('images: failures', () => {
  it('refuses a JPEG 2000 whose header gives a size below zero, saying so, before decoding', async () => {
    const path = await file('negative.j2k', negativeJ2k());
    await expect(openDocument(path)).rejects.toMatchObject({ code: 'corrupt', message: expect.stringContaining('impossible size (-48 × -48)') });
  });

  it('refuses an image over maxPixels before decoding, giving its size and the limit', async () => {
    const png = await halves(200, 100).png().toBuffer();
    const error = await openDocument(await file('big.png', png), { maxPixels: 10_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ code: 'too-large', file: join(dir, 'big.png') });
    expect((error as IngestError).messages).toEqual({
      en: 'The file is 200 × 100 pixels (20,000 pixels), over the limit of 10,000 pixels per page; downscale it.',
      fr: 'Le fichier mesure 200 × 100 pixels (20\u202f000 pixels), au-delà de la limite de 10\u202f000 pixels par page ; réduisez sa taille.',
    });
  });

  it.each([
    ['JPEG cut in half', 'jpg', async () => halve(await noise(256).jpeg().toBuffer())],
    ['PNG cut in half', 'png', async () => halve(await noise(256).png().toBuffer())],
    ['J2K header followed by junk', 'j2k', async () => Buffer.from([0xff, 0x4f, 0xff, 0x51, 1, 2, 3, 4, 5, 6, 7, 8])],
    // libvips: « unsupported image format », once reported as a format this build cannot decode.
    ['TIFF whose directory points past the end', 'tif', async () => directoryPastEnd(await noise(16).tiff().toBuffer())],
    // libvips: « Invalid JPEG file structure: missing SOS marker », once taken for a vanished file.
    ['JPEG without its scan', 'jpg', async () => withoutScan(await noise(64).jpeg().toBuffer())],
  ])('reports a %s as corrupt', async (name, extension, make) => {
    const path = await file(`${name.replace(/\W+/g, '-')}.${extension}`, await make());
    const error = await firstPage(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ code: 'corrupt', file: path });
  });
});

/** Random pixels: incompressible, so half the file is half the image. */
function noise(side: number): sharp.Sharp {
  const raw = Buffer.alloc(side * side * 3);
  for (let i = 0; i < raw.length; i++) raw[i] = (i * 2654435761) >>> 24;
  return sharp(raw, { raw: { width: side, height: side, channels: 3 } });
}

function halve(bytes: Buffer): Buffer {
  return bytes.subarray(0, bytes.length >> 1);
}

/** Inserts a tEXt chunk right after IHDR (PNG spec 11.3.4.3). */
function withTextChunk(png: Buffer, keyword: string, text: string): Buffer {
  const data = Buffer.from(`${keyword}\0${text}`, 'latin1');
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write('tEXt', 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  const afterHeader = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, afterHeader), chunk, png.subarray(afterHeader)]);
}

/** A JPEG cut just before its start-of-scan marker (FF DA) and closed with an end-of-image marker. */
function withoutScan(jpeg: Buffer): Buffer {
  const sos = jpeg.indexOf(Buffer.from([0xff, 0xda]));
  return Buffer.concat([jpeg.subarray(0, sos), Buffer.from([0xff, 0xd9])]);
}

/** A little-endian TIFF whose first image directory lies past the end of the file. */
function directoryPastEnd(tiff: Buffer): Buffer {
  const damaged = Buffer.from(tiff);
  damaged.writeUInt32LE(damaged.length + 1000, 4);
  return damaged;
}

/** A JPEG 2000 codestream whose image offset lies beyond its extent: a width and height below zero. */
function negativeJ2k(): Buffer {
  const siz = Buffer.alloc(2 + 2 + 8 * 4 + 2 + 3);
  let at = 0;
  at = siz.writeUInt16BE(siz.length, at);
  at = siz.writeUInt16BE(0, at);
  // Xsiz, Ysiz, XOsiz, YOsiz, then the tile grid.
  for (const value of [16, 16, 64, 64, 16, 16, 0, 0]) at = siz.writeUInt32BE(value, at);
  at = siz.writeUInt16BE(1, at);
  // One component of 8 bits, not subsampled.
  siz.writeUInt8(7, at);
  siz.writeUInt8(1, at + 1);
  siz.writeUInt8(1, at + 2);
  return Buffer.concat([Buffer.from([0xff, 0x4f, 0xff, 0x51]), siz, Buffer.from([0xff, 0xd9])]);
}
