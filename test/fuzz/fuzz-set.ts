// The set of damaged files the fuzz test checks: the shared corpus, read in place, each file
// mutated in turn by every kind of damage, written to a temporary folder (never the repository).
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MUTATIONS, mutate, seeded, type Mutation } from './mutate.ts';

const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
const CORPUS = resolve(ROOT, '../shared/corpus');
const SAMPLES = join(ROOT, 'samples');
const CORPUS_FOLDERS = ['pdf', 'images', 'hostile'];
/** Sources past this size make the set slow to check without finding more: the damage is the same. */
const MAX_SOURCE_BYTES = 2_000_000;

export interface FuzzCase {
  path: string;
  source: string;
  mutation: Mutation;
}

/** Where the originals come from: the shared corpus when present, else the repository's samples. */
export async function fuzzSources(): Promise<{ from: 'corpus' | 'samples'; files: string[] }> {
  const corpus = await Promise.all(CORPUS_FOLDERS.map((f) => listFiles(join(CORPUS, f)))).then((lists) => lists.flat());
  if (corpus.length) return { from: 'corpus', files: corpus };
  return { from: 'samples', files: await listFiles(SAMPLES) };
}

async function listFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const files: string[] = [];
  for (const name of names.sort()) {
    if (name.startsWith('.') || /\.(md|json|txt)$/i.test(name)) continue;
    const path = join(dir, name);
    const stats = await stat(path).catch(() => undefined);
    if (stats?.isFile() && stats.size > 0 && stats.size <= MAX_SOURCE_BYTES) files.push(path);
  }
  return files;
}

/**
 * Writes `count` damaged files into `dir`: case i takes source s = i mod n and, on round
 * r = i div n, damage kind (s + r) mod 5, so a few dozen cases already hold every kind and every
 * source meets every kind in five rounds. The bytes of case i depend on `seed` and i only.
 */
export async function writeFuzzSet(dir: string, sources: string[], count: number, seed: number): Promise<FuzzCase[]> {
  await mkdir(dir, { recursive: true });
  const originals = new Map<string, Uint8Array>();
  const cases: FuzzCase[] = [];
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length]!;
    const mutation = MUTATIONS[((i % sources.length) + Math.floor(i / sources.length)) % MUTATIONS.length]!;
    let original = originals.get(source);
    if (!original) originals.set(source, (original = new Uint8Array(await readFile(source))));
    const bytes = mutate(original, mutation, seeded(seed * 100_003 + i));
    const name = `${String(i).padStart(5, '0')}-${mutation}-${basename(source, extname(source))}${extname(source)}`;
    const path = join(dir, name);
    await writeFile(path, bytes);
    cases.push({ path, source, mutation });
  }
  return cases;
}
