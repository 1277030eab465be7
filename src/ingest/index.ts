// src/ingest: file -> pages. Every input becomes a SourceDocument whose pages are RGBA 8-bit sRGB
// rasters on white, rendered one at a time, with the PDF text layer in raster pixels.
export { IngestError, type IngestErrorCode } from './errors.ts';
export { expandInputs, type ExpandedInputs } from './expand.ts';
export { openDocument } from './open.ts';
export type { IngestOptions } from './options.ts';
export { sniff } from './sniff.ts';
