import { stat } from 'node:fs/promises';
import type { SourceDocument } from '../types.ts';
import { IngestError } from './errors.ts';
import { fileError, readHead } from './files.ts';
import { openImage } from './image.ts';
import { resolveOptions, type IngestOptions } from './options.ts';
import { openPdf } from './pdf.ts';
import { describeUnsupported, sniff } from './sniff.ts';

const SUPPORTED = { en: 'PDF, PNG, JPEG, TIFF, WebP, GIF, AVIF, HEIF, SVG or JPEG 2000', fr: 'PDF, PNG, JPEG, TIFF, WebP, GIF, AVIF, HEIF, SVG ou JPEG 2000' };

/**
 * Opens a PDF or an image for page-by-page rendering. The format comes from the content, never
 * the file name. Throws IngestError for anything wrong with the file; renderPage does the same.
 */
export async function openDocument(path: string, options?: IngestOptions): Promise<SourceDocument> {
  const resolved = resolveOptions(options);
  const stats = await stat(path).catch((err: unknown) => {
    throw fileError(path, err);
  });
  if (stats.isDirectory()) {
    throw new IngestError('unreadable', path, {
      en: 'is a folder, not a file; pass the files in it instead',
      fr: "est un dossier, pas un fichier ; donnez plutôt les fichiers qu'il contient",
    }, { subject: 'path' });
  }
  // A FIFO or device would block or never end.
  if (!stats.isFile()) throw new IngestError('unreadable', path, { en: 'is not a regular file', fr: "n'est pas un fichier ordinaire" }, { subject: 'path' });
  if (stats.size === 0) {
    throw new IngestError('empty', path, { en: 'is empty (0 bytes); submit the complete file', fr: 'est vide (0 octet) ; envoyez le fichier complet' });
  }
  const head = await readHead(path);
  const kind = sniff(head);
  if (!kind) {
    throw new IngestError(
      'unsupported-format',
      path,
      describeUnsupported(head) ?? {
        en: `is not a supported file; submit a ${SUPPORTED.en} file`,
        fr: `n'est pas un fichier pris en charge ; envoyez un fichier ${SUPPORTED.fr}`,
      },
    );
  }
  return kind === 'pdf' ? openPdf(path, resolved) : openImage(path, kind, resolved);
}
