// Generates a labelled set and scores the checker on it: `npm run eval -- [count] [seed]`.
// Prints detection recall, false positives, per-class and per-rule figures, and the misses.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createChecker } from '../../src/check.ts';
import { loadCharter } from '../../src/charter/load.ts';
import type { FileResult } from '../../src/types.ts';
import { generateSet } from '../synth/generate.ts';
import { evaluate, formatEvaluation } from './evaluate.ts';

const count = Number(process.argv[2] ?? 150);
const seed = Number(process.argv[3] ?? 2026);
const dir = await mkdtemp(join(tmpdir(), 'logo-check-eval-'));
try {
  let t = Date.now();
  const manifest = await generateSet({ seed, count, outDir: dir });
  console.log(`generated ${manifest.files.length} files in ${Date.now() - t} ms (seed ${seed})`);
  const charter = await loadCharter();
  const checkers = new Map<string, Awaited<ReturnType<typeof createChecker>>>();
  const results = new Map<string, FileResult>();
  t = Date.now();
  for (const file of manifest.files) {
    const key = file.category ?? '';
    if (!checkers.has(key)) checkers.set(key, await createChecker({ charter, lang: 'en', category: file.category }));
    results.set(file.path, await checkers.get(key)!.checkFile(join(dir, file.path)));
  }
  console.log(`checked in ${Date.now() - t} ms\n`);
  const ev = evaluate(manifest, results);
  console.log(formatEvaluation(ev));
  const misses = Object.entries(ev.classes).flatMap(([id, c]) => c.misses.map((m) => `${id}: ${m}`));
  if (misses.length) console.log(`\nmisses:\n  ${misses.join('\n  ')}`);
  if (ev.falsePositives.length) console.log(`\nfalse positives:\n  ${ev.falsePositives.map((f) => `${f.path} p${f.page} ${f.bbox}`).join('\n  ')}`);
  if (ev.fileErrors.length) console.log(`\nunreadable:\n  ${ev.fileErrors.join('\n  ')}`);
  for (const c of checkers.values()) await c.close();
} finally {
  if (!process.env.KEEP) await rm(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
