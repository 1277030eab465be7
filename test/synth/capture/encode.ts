// Stores a raster as the file a user receives: PNG, JPEG, GIF, WebP, or an image-only PDF (what a
// scanner writes: one full-page JPEG per page, no text layer).
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { RasterPage } from '../page.ts';

export interface RasterEncoding {
  /** JPEG or WebP quality, 1–100. */
  quality?: number;
  /** Resolution to record in the file; none leaves JPEG at libvips' 72 dpi placeholder and PNG, GIF, WebP without one. */
  density?: number;
  /** PNG zlib level, 0–9. */
  pngLevel?: number;
}

export async function encodeRaster(page: RasterPage, kind: 'png' | 'jpeg' | 'gif' | 'webp', options: RasterEncoding = {}): Promise<Buffer> {
  let img = sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } });
  if (options.density) img = img.withMetadata({ density: options.density });
  switch (kind) {
    case 'png':
      return img.png({ compressionLevel: options.pngLevel ?? 6 }).toBuffer();
    case 'jpeg':
      return img.jpeg({ quality: options.quality ?? 85 }).toBuffer();
    case 'gif':
      // libimagequant's 256-colour palette with dithering, as an export dialog's GIF.
      return img.gif().toBuffer();
    case 'webp':
      return img.webp({ quality: options.quality ?? 80 }).toBuffer();
  }
}

export interface ImagePdfOptions {
  /** Page size, PDF points. */
  pageSize: [number, number];
  created: Date;
  title: string;
}

/** A PDF whose every page is one JPEG stretched over the whole page. */
export async function imageOnlyPdf(jpegs: Buffer[], options: ImagePdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(options.title);
  doc.setCreator('logo-check test/synth (scan)');
  doc.setProducer('pdf-lib');
  doc.setCreationDate(options.created);
  doc.setModificationDate(options.created);
  const [w, h] = options.pageSize;
  for (const jpeg of jpegs) {
    const page = doc.addPage([w, h]);
    page.drawImage(await doc.embedJpg(jpeg), { x: 0, y: 0, width: w, height: h });
  }
  return doc.save();
}
