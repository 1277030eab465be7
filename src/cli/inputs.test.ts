import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { expandGlobs, ignoredBy } from './inputs.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logo-check-inputs-'));
  await mkdir(join(dir, 'assets/old'), { recursive: true });
  for (const file of ['assets/b.pdf', 'assets/a.pdf', 'assets/c.png', 'assets/old/d.pdf', 'flyer [v2].png']) await writeFile(join(dir, file), 'x');
});

describe('expandGlobs', () => {
  it('expands a glob to the files it matches, sorted, and leaves other arguments as given', async () => {
    const { paths, problems } = await expandGlobs(['assets/**/*.pdf', 'assets/c.png', 'missing.pdf'], dir);
    expect(paths).toEqual(['assets/a.pdf', 'assets/b.pdf', 'assets/old/d.pdf', 'assets/c.png', 'missing.pdf']);
    expect(problems).toEqual([]);
  });

  it('takes a file whose name looks like a glob as it is', async () => {
    expect(await expandGlobs(['flyer [v2].png'], dir)).toEqual({ paths: ['flyer [v2].png'], problems: [] });
  });

  it('reports a glob that matches nothing', async () => {
    const { paths, problems } = await expandGlobs(['*.tiff'], dir);
    expect(paths).toEqual([]);
    expect(problems).toEqual([{ path: '*.tiff', error: expect.objectContaining({ code: 'not-found', message: 'No file matches this pattern.' }) }]);
  });
});

describe('ignoredBy', () => {
  it('matches paths relative to the folder each set of patterns belongs to', () => {
    const ignored = ignoredBy([{ base: join(dir, 'assets'), patterns: ['old'] }, { base: dir, patterns: ['**/*.png'] }], dir);
    expect(ignored('assets/old/d.pdf')).toBe(true);
    expect(ignored(join(dir, 'assets/c.png'))).toBe(true);
    expect(ignored('assets/a.pdf')).toBe(false);
    // Outside the folder of the patterns: not theirs to ignore.
    expect(ignoredBy([{ base: join(dir, 'assets'), patterns: ['**'] }], dir)('other/x.pdf')).toBe(false);
  });
});
