// Paths as a shell user or a config file gives them: globs ('assets/**/*.pdf') expanded here,
// quoted so the shell leaves them alone, and ignore patterns applied to every file found, whether
// it was named, matched or found in a folder.
import { access } from 'node:fs/promises';
import { isAbsolute, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import type { InputProblem } from './deps.ts';

/** Patterns and the folder they are relative to: the current one, or the config file's. */
export interface IgnoreSet {
  base: string;
  patterns: string[];
}

/**
 * Each argument that is a glob becomes the files it matches (sorted, so runs are reproducible);
 * a glob that matches nothing is an input problem, like a missing file. A path that exists is
 * taken as it is even if it looks like a glob: partners' files are called « flyer [v2].png ».
 */
export async function expandGlobs(args: string[], cwd: string): Promise<{ paths: string[]; problems: InputProblem[] }> {
  const paths: string[] = [];
  const problems: InputProblem[] = [];
  for (const arg of args) {
    if (!isDynamicPattern(arg) || (await access(resolve(cwd, arg)).then(() => true, () => false))) {
      paths.push(arg);
      continue;
    }
    const matches = await glob(arg, { cwd, onlyFiles: true, dot: false, followSymbolicLinks: false, absolute: isAbsolute(arg), expandDirectories: false });
    if (matches.length === 0) {
      problems.push({
        path: arg,
        error: {
          code: 'not-found',
          message: 'No file matches this pattern.',
          messages: { fr: 'Aucun fichier ne correspond à ce motif.', en: 'No file matches this pattern.' },
        },
      });
    }
    paths.push(...matches.sort());
  }
  return { paths, problems };
}

/** Whether a file is ignored by one of the sets; a pattern ending in a folder name ignores what is inside. */
export function ignoredBy(sets: IgnoreSet[], cwd: string): (path: string) => boolean {
  const matchers = sets
    .filter((set) => set.patterns.length)
    .map((set) => ({ base: set.base, match: picomatch(set.patterns.flatMap((p) => [p, `${p.replace(/\/$/, '')}/**`]), { dot: true }) }));
  return (path) =>
    matchers.some(({ base, match }) => {
      const rel = relative(base, resolve(cwd, path)).split('\\').join('/');
      return !rel.startsWith('../') && match(rel);
    });
}
