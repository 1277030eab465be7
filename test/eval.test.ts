// The generated evaluation sets: seeded placements, sizes, backgrounds (corpus photos when present),
// JPEG qualities, every violation class with its subtle variants, and every capture condition.
// Floors hold for pages as design software exports them (clean), for the classes' ordinary
// instances they were set on, and sit under what that set measures, with room for a few unlucky
// draws; a regression in any class breaks one of them. Subtle variants and the other conditions
// (scans, web exports, small and cut logos, phone photos) are measured and printed but have no
// floors yet: the checker is being taught them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChecker, type Checker } from '../src/check.ts';
import { loadCharter } from '../src/charter/load.ts';
import type { FileResult } from '../src/types.ts';
import { evaluate, type Evaluation } from './eval/evaluate.ts';
import { formatClassTable, formatEvaluation, formatSubtle, formatSummary } from './eval/format.ts';
import { generateSet, type GenerateOptions } from './synth/generate.ts';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Generates a set into a temporary folder and checks every file with one checker per declared category. */
async function measure(options: Omit<GenerateOptions, 'outDir'>): Promise<Evaluation> {
  const dir = await mkdtemp(join(tmpdir(), 'logo-check-eval-'));
  dirs.push(dir);
  const manifest = await generateSet({ ...options, outDir: dir });
  const charter = await loadCharter();
  const checkers = new Map<string, Checker>();
  const results = new Map<string, FileResult>();
  for (const file of manifest.files) {
    const key = file.category ?? '';
    if (!checkers.has(key)) checkers.set(key, await createChecker({ charter, lang: 'en', category: file.category }));
    results.set(file.path, await checkers.get(key)!.checkFile(join(dir, file.path)));
  }
  for (const c of checkers.values()) await c.close();
  return evaluate(manifest, results);
}

describe('generated evaluation set, clean pages', () => {
  let ev: Evaluation;
  beforeAll(async () => {
    // Three logos of each of the 20 classes, as design software exports them, no subtle variant.
    ev = await measure({ seed: 20061101, count: 60, conditions: ['clean'], secondLogoRate: 0, subtleRate: 0 });
    console.log(formatEvaluation(ev));
  }, 600_000);

  it('reads every file', () => {
    expect(ev.fileErrors).toEqual([]);
  });

  it('finds the logos (detection recall ≥ 95 %) and nothing else', () => {
    expect(ev.detected / ev.logos).toBeGreaterThanOrEqual(0.95);
    expect(ev.falsePositives).toEqual([]);
  });

  it('passes compliant logos with no error finding', () => {
    const c = ev.classes.compliant;
    expect(c.right / c.logos).toBeGreaterThanOrEqual(0.9);
  });

  it('reports violations with the right rule (≥ 85 % overall, ≥ 2 of 3 per class)', () => {
    const violations = Object.entries(ev.classes).filter(([id]) => id !== 'compliant');
    const right = violations.reduce((s, [, c]) => s + c.right, 0);
    const logos = violations.reduce((s, [, c]) => s + c.logos, 0);
    expect(right / logos).toBeGreaterThanOrEqual(0.85);
    for (const [id, c] of violations) expect(c.right / c.logos, id).toBeGreaterThanOrEqual(0.6);
  });

  it('keeps every rule precise (≥ 75 %) where it fires', () => {
    for (const [id, r] of Object.entries(ev.rules)) {
      if (r.tp + r.fp >= 3) expect(r.tp / (r.tp + r.fp), id).toBeGreaterThanOrEqual(0.75);
    }
  });
});

describe('generated evaluation set, capture conditions and subtle variants', () => {
  // Scans, web exports, small and cut logos, phone photos (test/synth/capture). Floors sit under
  // what this seed measures (23 logos of 100 px or more: found 22, compliant 4/4, violations 18/19)
  // by a logo or two; the figures per condition on larger held-out sets are in the issue notes.
  let ev: Evaluation;
  beforeAll(async () => {
    ev = await measure({ seed: 20061102, count: 24, negatives: 6, secondLogoRate: 0 });
    console.log(`${formatSummary(ev)}\n\n${formatClassTable(ev)}\n\n${formatSubtle(ev)}`);
  }, 600_000);

  it('reads every file', () => {
    expect(ev.fileErrors).toEqual([]);
  });

  it('measures every condition', () => {
    expect(Object.keys(ev.conditions).sort()).toEqual(['clean', 'cut', 'photo', 'scan', 'small', 'web']);
  });

  it('finds nearly every logo (≥ 90 %) and nothing else, photographed and scanned pages included', () => {
    expect(ev.detected / ev.logos).toBeGreaterThanOrEqual(0.9);
    expect(ev.falsePositives).toEqual([]);
  });

  it('passes compliant logos (≥ 75 %) and reports violations with the right rule (≥ 85 %)', () => {
    const compliant = ev.classes.compliant;
    expect(compliant.right / compliant.logos).toBeGreaterThanOrEqual(0.75);
    const violations = Object.entries(ev.classes).filter(([id]) => id !== 'compliant');
    const right = violations.reduce((sum, [, c]) => sum + c.right, 0);
    const logos = violations.reduce((sum, [, c]) => sum + c.logos, 0);
    expect(right / logos).toBeGreaterThanOrEqual(0.85);
  });
});
