import { readdir, realpath, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { IngestError } from './errors.ts';
import { fileError, readHead } from './files.ts';
import { sniff } from './sniff.ts';

/** Extensions that claim a format logo-check reads. */
const CLAIMED = /\.(pdf|png|jpe?g|tiff?|webp|gif|avif|heic|heif|svg|jp2|j2k)$/i;

export interface ExpandedInputs {
  /** Files to check, in argument order, folder contents sorted. */
  files: string[];
  problems: { path: string; error: IngestError }[];
}

/**
 * Turns command-line paths into the list of files to check. A file named explicitly is always
 * kept, so an unsupported one is reported rather than silently dropped; inside folders only
 * files whose content is a supported format are kept, so a folder of mixed material just works.
 */
export async function expandInputs(paths: string[]): Promise<ExpandedInputs> {
  const out: ExpandedInputs = { files: [], problems: [] };
  const seen = new Set<string>();
  // Keyed by real path: a file reached twice, by name or through a link, is checked once.
  const keep = async (file: string): Promise<void> => {
    const key = await realpath(file).catch(() => resolve(file));
    if (seen.has(key)) return;
    seen.add(key);
    out.files.push(file);
  };
  const walk = folderWalker(keep, out.problems);
  for (const path of paths) {
    try {
      const stats = await stat(path);
      if (stats.isDirectory()) await walk(path, []);
      else await keep(path);
    } catch (err) {
      out.problems.push({ path, error: fileError(path, err) });
    }
  }
  return out;
}

/**
 * Walks folders depth first. A link back to a folder being walked (one of `ancestors`, by real
 * path) is a loop: reported, not followed. A folder reached again by another way is walked once,
 * silently: its files are already listed.
 */
function folderWalker(keep: (file: string) => Promise<void>, problems: ExpandedInputs['problems']) {
  const walked = new Set<string>();
  const walk = async (dir: string, ancestors: string[]): Promise<void> => {
    let real;
    let entries;
    try {
      real = await realpath(dir);
      if (ancestors.includes(real)) {
        problems.push({ path: dir, error: loopError(dir, real) });
        return;
      }
      if (walked.has(real)) return;
      walked.add(real);
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      problems.push({ path: dir, error: folderError(dir, err) });
      return;
    }
    // Code-unit order, not locale order, so that the same folder lists the same way everywhere.
    const names = entries
      .filter((e) => !e.name.startsWith('.') && e.name !== 'node_modules')
      .map((e) => e.name)
      .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    for (const name of names) {
      const path = join(dir, name);
      try {
        // stat follows symbolic links, so a link to a folder is walked like the folder itself.
        const stats = await stat(path);
        if (stats.isDirectory()) {
          await walk(path, [...ancestors, real]);
        } else if (stats.isFile() && (CLAIMED.test(name) || (stats.size > 0 && sniff(await readHead(path))))) {
          // A file named like a document is kept even when its content is not one, so that a
          // "brochure.pdf" that is really a web page is reported as unreadable, not silently skipped.
          await keep(path);
        }
      } catch (err) {
        // A dangling link is no more a document than any other stray entry; a link that leads
        // to itself (ELOOP) is reported like any other loop.
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        problems.push({ path, error: fileError(path, err) });
      }
    }
  };
  return walk;
}

function loopError(dir: string, target: string): IngestError {
  return new IngestError(
    'unreadable',
    dir,
    {
      en: `leads back to the folder ${target}, which contains it: a loop; skipped, the folder is checked once`,
      fr: `mène au dossier ${target}, qui le contient : une boucle ; ignoré, le dossier est vérifié une fois`,
    },
    { subject: 'link' },
  );
}

/** A folder that cannot be listed: its files are skipped, the rest of the tree is not. */
function folderError(dir: string, err: unknown): IngestError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') {
    return new IngestError(
      'unreadable',
      dir,
      {
        en: 'cannot be opened (permission denied); its files were skipped: check its permissions',
        fr: "ne peut pas être ouvert (accès refusé) ; ses fichiers n'ont pas été vérifiés : vérifiez ses droits",
      },
      { cause: err, subject: 'folder' },
    );
  }
  return fileError(dir, err);
}
