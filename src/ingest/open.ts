import { stat } from 'node:fs/promises';
import type { SourceDocument } from '../types.ts';
import { IngestError } from './errors.ts';
import { fileError, readHead } from './files.ts';
import { openImage } from './image.ts';
import { resolveOptions, type IngestOptions } from './options.ts';
import { openPdf } from './pdf.ts';
import { describeUnsupported, sniff } from './sniff.ts';

const SUPPORTED = 'PDF, PNG, JPEG, TIFF, WebP, GIF, AVIF, HEIF, SVG or JPEG 2000';

/**
 * Opens a PDF or an image for page-by-page rendering. The format comes from the content, never
 * the file name. Throws IngestError for anything wrong with the file; renderPage does the same.
 */
export async function openDocument(path: string, options?: IngestOptions): Promise<SourceDocument> {
  const resolved = resolveOptions(options);
  const stats = await stat(path).catch((err: unknown) => {
    throw fileError(path, err);
  });
  if (stats.isDirectory()) throw new IngestError('unreadable', path, 'is a folder, not a file; pass the files in it instead');
  // A FIFO or device would block or never end.
  if (!stats.isFile()) throw new IngestError('unreadable', path, 'is not a regular file');
  if (stats.size === 0) throw new IngestError('empty', path, 'is empty (0 bytes); submit the complete file');
  const head = await readHead(path);
  const kind = sniff(head);
  if (!kind) {
    const what = describeUnsupported(head);
    throw new IngestError('unsupported-format', path, what ? `is ${what}` : `is not a supported file; submit a ${SUPPORTED} file`);
  }
  return kind === 'pdf' ? openPdf(path, resolved) : openImage(path, kind, resolved);
}
