// The bundled samples are the README's demo and the end-to-end contract: each file's manifest entry
// says which rules must fire on which page (and on the document), and nothing else may.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker } from '../src/check.ts';
import { loadCharter } from '../src/charter/load.ts';
import type { FileResult } from '../src/types.ts';

interface SampleEntry {
  path: string;
  category?: string;
  logos: Array<{ page: number }>;
  pageRules: Array<{ page: number; rules: string[] }>;
  expectedFileRules: string[];
}

const dir = join(import.meta.dirname, '../samples');
const manifest: { files: SampleEntry[] } = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
const checkers = new Map<string, Checker>();

async function check(entry: SampleEntry): Promise<FileResult> {
  const key = entry.category ?? '';
  if (!checkers.has(key)) {
    checkers.set(key, await createChecker({ charter: await loadCharter(), lang: 'fr', category: entry.category }));
  }
  return checkers.get(key)!.checkFile(join(dir, entry.path));
}

/** Rules reported at error or warning severity, deduplicated and sorted. */
const reported = (findings: Array<{ rule: string; severity: string }>) =>
  [...new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.rule))].sort();

describe('bundled samples', () => {
  beforeAll(async () => {
    await check(manifest.files[0]);
  }, 120_000);
  afterAll(async () => {
    for (const c of checkers.values()) await c.close();
  });

  it.each(manifest.files.map((f) => [f.path, f] as const))('%s reports exactly its manifest findings', async (_path, entry) => {
    const result = await check(entry);
    expect(result.error).toBeUndefined();
    for (const { page, rules } of entry.pageRules) {
      const pageResult = result.pages.find((p) => p.page === page);
      expect(pageResult, `page ${page}`).toBeDefined();
      const expectedLogos = entry.logos.filter((l) => l.page === page).length;
      expect(pageResult!.logos.length, `logos on page ${page}`).toBe(expectedLogos);
      expect(reported(pageResult!.logos.flatMap((l) => l.findings)), `rules on page ${page}`).toEqual([...rules].sort());
    }
    expect(reported(result.findings), 'document rules').toEqual([...entry.expectedFileRules].sort());
  }, 120_000);

  it('reports the « -20 % » added to a flyer as one addition, outlined around all its glyphs', async () => {
    const result = await check(manifest.files.find((f) => f.path === 'flyer-ajout-promo.png')!);
    const logos = result.pages.flatMap((p) => p.logos);
    expect(logos.flatMap((l) => l.findings).filter((f) => f.rule === 'addition')).toHaveLength(1);
    const additions = logos.flatMap((l) => l.measurement.additions);
    expect(additions).toHaveLength(1);
    // The text is about three times as wide as it is tall: one outline, not one per glyph.
    const [, , w, h] = additions[0].bbox;
    expect(w / h).toBeGreaterThan(2.5);
  }, 120_000);
});
