import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

// pdf.js loads fonts, CMaps, ICC profiles and WebAssembly decoders from folders it ships; in Node
// these "URLs" are plain file paths read with fs, and pdf.js appends file names to them, so each
// needs its trailing separator.
const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export const PDFJS_ASSETS = {
  standardFontDataUrl: join(root, 'standard_fonts') + sep,
  cMapUrl: join(root, 'cmaps') + sep,
  iccUrl: join(root, 'iccs') + sep,
  wasmUrl: join(root, 'wasm') + sep,
} as const;
