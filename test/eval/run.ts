// Generates a labelled set and scores the checker on it:
//   npm run eval -- [COUNT] [SEED] [--conditions scan,photo] [--formats png,jpeg,pdf] [--json FILE]
// Prints, per capture condition and overall, detection recall, false positives, compliant logos
// passed and violations judged right, per-class, per-subtle-variant and per-rule figures, then the
// misses grouped by condition. KEEP=1 keeps the generated files.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createChecker } from '../../src/check.ts';
import { loadCharter } from '../../src/charter/load.ts';
import type { FileResult } from '../../src/types.ts';
import { CONDITIONS, type Condition } from '../synth/capture/index.ts';
import { generateSet } from '../synth/generate.ts';
import { FILE_KINDS, type FileKind } from '../synth/violations.ts';
import { evaluate } from './evaluate.ts';
import { formatEvaluation, formatMisses } from './format.ts';

function list<T extends string>(value: string | undefined, allowed: readonly T[], name: string): T[] | undefined {
  if (value === undefined) return undefined;
  const items = value.split(',').map((s) => s.trim()).filter(Boolean);
  const wrong = items.filter((s) => !allowed.includes(s as T));
  if (wrong.length || !items.length) {
    console.error(`--${name}: "${value}" is not a comma-separated list of ${allowed.join(', ')}`);
    process.exit(2);
  }
  return items as T[];
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { conditions: { type: 'string' }, formats: { type: 'string' }, json: { type: 'string' } },
});
const count = Number(positionals[0] ?? 150);
const seed = Number(positionals[1] ?? 2026);
if (!Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
  console.error(`usage: npm run eval -- [COUNT] [SEED] [--conditions ${CONDITIONS.join(',')}] [--formats ${FILE_KINDS.join(',')}] [--json FILE]`);
  process.exit(2);
}
const conditions = list<Condition>(values.conditions, CONDITIONS, 'conditions');
const formats = list<FileKind>(values.formats, FILE_KINDS, 'formats');

const dir = await mkdtemp(join(tmpdir(), 'logo-check-eval-'));
try {
  let t = Date.now();
  const manifest = await generateSet({ seed, count, outDir: dir, conditions, formats });
  console.log(`generated ${manifest.files.length} files in ${Date.now() - t} ms (seed ${seed}; ${conditions?.join(', ') ?? 'all conditions'})`);
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
  for (const c of checkers.values()) await c.close();
  const ev = evaluate(manifest, results);
  console.log(formatEvaluation(ev));
  const misses = formatMisses(ev);
  if (misses) console.log(`\nmisses, false positives and unreadable files by condition:\n${misses}`);
  if (values.json) {
    await writeFile(values.json, JSON.stringify({ seed, count, conditions: conditions ?? CONDITIONS, formats: formats ?? FILE_KINDS, evaluation: ev }, null, 2) + '\n');
    console.log(`\nwrote ${values.json}`);
  }
} finally {
  if (!process.env.KEEP) await rm(dir, { recursive: true, force: true });
  else console.log(`kept ${dir}`);
}
