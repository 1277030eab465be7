// The reference model is what every detection compares against: a charter whose artwork cannot be
// used must stop the checker at its start with an error naming the badge and the file, not
// produce a model with an element missing.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artworkPath, loadCharter } from './load.ts';
import { buildReference } from './reference.ts';
import type { Charter } from './schema.ts';

let charter: Charter;
let dir: string;

beforeAll(async () => {
  charter = await loadCharter();
  dir = await mkdtemp(join(tmpdir(), 'logo-check-reference-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The bundled charter with the last badge's artwork at `file`, relative to `dir`. */
function withLastArtwork(file: string): Charter {
  const badges = charter.badges.map((b, i) => (i === charter.badges.length - 1 ? { ...b, artwork: file } : b));
  // The other badges keep their artwork where the bundled charter has it.
  return { ...charter, dir, badges: badges.map((b, i) => (i === badges.length - 1 ? b : { ...b, artwork: artworkPath(charter, b.id) })) };
}

describe('buildReference', () => {
  it('names the badge and the path of artwork that cannot be read', async () => {
    const broken = withLastArtwork('missing.svg');
    const last = broken.badges.at(-1)!;
    await expect(buildReference(broken)).rejects.toThrow(`approved artwork for badge "${last.id}" cannot be read at ${join(dir, 'missing.svg')}`);
  });

  it('names the element group an artwork lacks', async () => {
    const last = charter.badges.at(-1)!;
    const svg = await readFile(artworkPath(charter, last.id), 'utf8');
    await writeFile(join(dir, 'no-arrow.svg'), svg.replace('<g id="arrow">', '<g id="flèche">'));
    await expect(buildReference(withLastArtwork('no-arrow.svg'))).rejects.toThrow(`approved artwork ${join(dir, 'no-arrow.svg')} has no <g id="arrow"> group`);
  });

  it('renders every badge variant and element of the bundled artwork', async () => {
    const model = await buildReference(charter);
    expect(model.variants.map((v) => v.id)).toEqual(charter.badges.map((b) => b.id));
    for (const variant of model.variants) expect(variant.rgba.length).toBe(model.width * model.height * 4);
    for (const mask of Object.values(model.elementMasks)) expect(mask.some((v) => v === 1)).toBe(true);
  });
});
