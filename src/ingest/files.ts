import { open, readFile } from 'node:fs/promises';
import { IngestError, reason } from './errors.ts';
import { SNIFF_BYTES } from './sniff.ts';

/** The first bytes of a file, for `sniff`; shorter when the file is. */
export async function readHead(path: string): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
    const buffer = new Uint8Array(SNIFF_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, SNIFF_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } catch (err) {
    throw fileError(path, err);
  } finally {
    await handle?.close();
  }
}

export async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    throw fileError(path, err);
  }
}

/** Turns a file-system error into one the report can show next to the file. */
export function fileError(path: string, err: unknown): IngestError {
  if (err instanceof IngestError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new IngestError('not-found', path, { en: 'does not exist; check the path', fr: "n'existe pas ; vérifiez le chemin" }, { cause: err });
    case 'EACCES':
    case 'EPERM':
      return new IngestError(
        'unreadable',
        path,
        { en: 'cannot be read (permission denied); check its permissions', fr: 'ne peut pas être lu (accès refusé) ; vérifiez ses droits' },
        { cause: err },
      );
    case 'EISDIR':
      return new IngestError('unreadable', path, { en: 'is a folder, not a file', fr: 'est un dossier, pas un fichier' }, { cause: err, subject: 'path' });
    case 'ELOOP':
      return new IngestError(
        'unreadable',
        path,
        { en: 'leads back to itself; fix or remove it', fr: 'mène à lui-même ; corrigez-le ou supprimez-le' },
        { cause: err, subject: 'link' },
      );
    case 'ERR_FS_FILE_TOO_LARGE':
      return new IngestError(
        'too-large',
        path,
        { en: 'is too large to load into memory (over 2 GB); split or compress it', fr: 'est trop gros pour être chargé en mémoire (plus de 2 Go) ; découpez-le ou compressez-le' },
        { cause: err },
      );
    default: {
      const why = reason(err, path);
      return new IngestError('unreadable', path, { en: `cannot be read (${why})`, fr: `ne peut pas être lu (${why})` }, { cause: err });
    }
  }
}
