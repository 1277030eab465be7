import { readFile } from 'node:fs/promises';
import { PDFJS_ASSETS } from './pdfjs-assets.ts';

// libvips as bundled with sharp has no JPEG 2000 decoder, but pdf.js ships OpenJPEG compiled to
// WebAssembly for JPXDecode images; we borrow it for .jp2/.j2k files.
type Decoders = typeof import('pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs');

let decoders: Promise<Decoders['JpxImage']> | undefined;

function jpxImage(): Promise<Decoders['JpxImage']> {
  decoders ??= import('pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs').then(({ JpxImage, setVerbosityLevel }) => {
    // This bundle has its own logger, which prints warnings to stdout, where our JSON report goes.
    setVerbosityLevel(0);
    // Outside pdf.js's worker nobody answers its "FetchBinaryData" message, so answer it here:
    // the decoder asks once for openjpeg.wasm and keeps the module.
    JpxImage.setOptions({
      useWasm: true,
      useWorkerFetch: false,
      wasmUrl: PDFJS_ASSETS.wasmUrl,
      handler: { sendWithPromise: async (_action, { filename }) => new Uint8Array(await readFile(PDFJS_ASSETS.wasmUrl + filename)) },
    });
    return JpxImage;
  });
  return decoders;
}

export interface JpxSize {
  width: number;
  height: number;
}

/** Reads the image size from the codestream header without decoding pixels. */
export async function jpxSize(bytes: Uint8Array): Promise<JpxSize> {
  const { width, height } = (await jpxImage()).parseImageProperties(bytes);
  return { width, height };
}

/** Decodes to interleaved 8-bit samples; `channels` is 1 (grey), 3 (RGB) or 4 (RGBA). */
export async function decodeJpx(bytes: Uint8Array): Promise<{ data: Uint8Array; width: number; height: number; channels: number }> {
  const decoder = await jpxImage();
  const { width, height } = decoder.parseImageProperties(bytes);
  // numComponents 0 lets OpenJPEG pick the output layout; we read it back from the length.
  const samples = await decoder.decode(bytes, { numComponents: 0 });
  const channels = samples.length / (width * height);
  if (![1, 2, 3, 4].includes(channels)) {
    throw new Error(`OpenJPEG returned ${samples.length} bytes for a ${width} × ${height} image`);
  }
  return { data: new Uint8Array(samples.buffer, samples.byteOffset, samples.byteLength), width, height, channels };
}
