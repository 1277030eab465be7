import { chmod, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs } from './expand.ts';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF = '%PDF-1.7\n';

let root: string;
const at = (...parts: string[]): string => join(root, ...parts);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'logo-check-ingest-expand-'));
  const tree: Record<string, Uint8Array | string> = {
    'b.pdf': PDF,
    'a.png': PNG,
    // Named for another format: the content decides.
    'misnamed.txt': PDF,
    'notes.txt': 'just notes',
    'empty.pdf': '',
    'Z-upper.png': PNG,
    'sub/c.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'sub/deeper/d.jpg': new Uint8Array([0xff, 0xd8, 0xff, 0xe0]),
    '.hidden.png': PNG,
    '.git/e.png': PNG,
    'node_modules/f.png': PNG,
  };
  for (const [name, content] of Object.entries(tree)) {
    await mkdir(join(root, name, '..'), { recursive: true });
    await writeFile(join(root, name), content);
  }
  // A loop (sub/deeper/up -> sub), a link to a file, and a dangling link.
  await symlink(at('sub'), at('sub/deeper/up'));
  await symlink(at('a.png'), at('link-to-a.png'));
  await symlink(at('nowhere.png'), at('dangling.png'));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('expandInputs', () => {
  it('walks folders in code-unit order, keeping supported content and files named like documents, and skipping dot-entries, node_modules, loops and links to files already listed', async () => {
    const { files, problems } = await expandInputs([root]);
    expect(files).toEqual([
      at('Z-upper.png'),
      at('a.png'),
      at('b.pdf'),
      // Empty, but named as a PDF: kept so that the report says it cannot be read.
      at('empty.pdf'),
      at('misnamed.txt'),
      at('sub/c.svg'),
      at('sub/deeper/d.jpg'),
    ]);
    // The loop is said, once, in the report's two languages, naming the folder it leads back to.
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: at('sub/deeper/up'), error: { code: 'unreadable' } });
    expect(problems[0]!.error.messages.en).toBe(`The link leads back to the folder ${at('sub')}, which contains it: a loop; skipped, the folder is checked once.`);
    expect(problems[0]!.error.messages.fr).toMatch(/^Le lien mène au dossier .*sub, qui le contient : une boucle/);
  });

  it('reports a link that leads to itself and goes on with the rest of the folder', async () => {
    const folder = at('self');
    await mkdir(folder);
    await symlink(join(folder, 'me.pdf'), join(folder, 'me.pdf'));
    await writeFile(join(folder, 'ok.pdf'), PDF);
    try {
      const { files, problems } = await expandInputs([folder]);
      expect(files).toEqual([join(folder, 'ok.pdf')]);
      expect(problems).toMatchObject([{ path: join(folder, 'me.pdf'), error: { code: 'unreadable', message: expect.stringMatching(/leads back to itself/) } }]);
    } finally {
      await rm(folder, { recursive: true });
    }
  });

  it('keeps an explicitly named file whatever it holds, so the checker can report it', async () => {
    const { files, problems } = await expandInputs([at('notes.txt'), at('empty.pdf')]);
    expect(files).toEqual([at('notes.txt'), at('empty.pdf')]);
    expect(problems).toEqual([]);
  });

  it('reports a missing path as not-found and carries on', async () => {
    const { files, problems } = await expandInputs([at('missing.pdf'), at('a.png')]);
    expect(files).toEqual([at('a.png')]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ path: at('missing.pdf'), error: { name: 'IngestError', code: 'not-found', file: at('missing.pdf') } });
    // The report prints the path beside the message: the message does not repeat it.
    expect(problems[0]!.error.message).toBe('The file does not exist; check the path.');
    expect(problems[0]!.error.messages.fr).toBe("Le fichier n'existe pas ; vérifiez le chemin.");
  });

  it('lists a file once when named twice, also reached through its folder, or through a link', async () => {
    const { files } = await expandInputs([at('sub/c.svg'), at('sub'), at('sub/c.svg'), at('link-to-a.png'), at('a.png')]);
    expect(files).toEqual([at('sub/c.svg'), at('sub/deeper/d.jpg'), at('link-to-a.png')]);
  });

  it('reports an unreadable folder, skips its files and goes on with the rest of the tree', async (context) => {
    const tree = at('tree');
    const locked = join(tree, 'locked');
    await mkdir(locked, { recursive: true });
    await writeFile(join(locked, 'hidden-from-us.pdf'), PDF);
    await writeFile(join(tree, 'z.pdf'), PDF);
    await chmod(locked, 0o000);
    try {
      // Root (and a process with CAP_DAC_OVERRIDE) reads the folder anyway: nothing to test there.
      const denied = await readdir(locked).then(() => false, () => true);
      if (!denied) context.skip();
      const { files, problems } = await expandInputs([tree]);
      expect(files).toEqual([join(tree, 'z.pdf')]);
      expect(problems).toMatchObject([{ path: locked, error: { code: 'unreadable', message: expect.stringMatching(/permission denied.*skipped/) } }]);
    } finally {
      await chmod(locked, 0o755);
      await rm(tree, { recursive: true });
    }
  });
});
