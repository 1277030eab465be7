// Batches as an auditor runs them: in order whatever the concurrency, interrupted, streamed,
// cached, sharded and merged. The checker is the fake of testing.ts; the files are real when
// their bytes matter (receipts, cache).
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { failingFile, passingFile, unreadableFile } from '../report/testing/fixtures.ts';
import { reportValidator } from '../report/testing/validate-json-schema.ts';
import type { FileResult } from '../types.ts';
import { run } from './testing.ts';

const validate = reportValidator(JSON.parse(await readFile(new URL('../report/report.schema.json', import.meta.url), 'utf8')));

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logo-check-batch-'));
});

/** Real files with distinct bytes, each with the result the fake checker gives it. */
async function files(n: number, result: (i: number) => FileResult = () => passingFile()): Promise<Record<string, FileResult>> {
  const results: Record<string, FileResult> = {};
  for (let i = 0; i < n; i++) {
    const path = join(dir, `file-${String(i).padStart(2, '0')}.png`);
    await writeFile(path, `bytes of file ${i}`);
    results[path] = { ...result(i), path };
  }
  return results;
}

const lines = (text: string) => text.trim().split('\n').map((line) => JSON.parse(line));

describe('--jobs', () => {
  it('reports files in the order given whatever order they finish in', async () => {
    const given = await files(6);
    const paths = Object.keys(given);
    // The first file given finishes last, and so on.
    const slow = Object.fromEntries(
      paths.map((p, i) => [p, () => new Promise<FileResult>((resolve) => setTimeout(() => resolve(given[p]), (paths.length - i) * 15))]),
    ) as unknown as Record<string, () => FileResult>;
    const r = await run(['--jobs', '3', '--format', 'json', dir], { results: slow });
    expect(JSON.parse(r.stdout).files.map((f: FileResult) => f.path)).toEqual(paths);
  });

  it('hands files to the checker in the order given, whatever hashing each one took', async () => {
    const given = await files(3);
    const [big] = Object.keys(given);
    await writeFile(big, Buffer.alloc(40 * 2 ** 20, 7));
    const r = await run(['--jobs', '3', dir], { results: given });
    expect(r.checked).toEqual(Object.keys(given));
  });

  it('hands the checker the number of jobs and the limits', async () => {
    const r = await run(['--jobs', '3', '--timeout', '90', '--max-memory', '512', '--password', 's3cret', 'x'], { results: await files(4) });
    expect(r.options).toMatchObject({ password: 's3cret', limits: { timeoutMs: 90_000, memoryMb: 512 } });
    expect(r.jobs).toBe(3);
  });

  it('checks as many files at a time as the machine has cores by default', async () => {
    expect((await run(['x'], { results: await files(availableParallelism() + 1) })).jobs).toBe(availableParallelism());
  });

  it('starts no more workers than there are files', async () => {
    expect((await run(['--jobs', '8', 'x'], { results: await files(3) })).jobs).toBe(3);
  });

  it('refuses a --timeout over an hour, the longest the image decoder (libvips) accepts', async () => {
    const r = await run(['--timeout', '3601', 'x'], { results: { 'a.png': passingFile() } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--timeout <seconds>' argument '3601' is invalid. Expected a whole number from 1 to 3600");
  });
});

describe('an interrupted run (Ctrl-C, SIGTERM)', () => {
  it('exits 130 with a report of what finished, marked incomplete', async () => {
    const r = await run(['--jobs', '1', '--format', 'json', dir], { results: await files(5), interruptAfter: 2 });
    expect(r.code).toBe(130);
    const report = JSON.parse(r.stdout);
    expect(validate(report)).toEqual([]);
    expect(report.summary).toMatchObject({ complete: false, unchecked: 4, files: 1 });
    expect(r.checked).toHaveLength(2);
    expect(r.closed).toBe(1);
    expect(r.stderr).toBe('logo-check: interrupted: 4 of 5 files not checked; the report holds the 1 that were\n');
  });

  it('says so in the text report', async () => {
    const fr = await run(['--jobs', '1', dir], { results: await files(3), interruptAfter: 1 });
    expect(fr.stdout).toContain('Vérification interrompue : 3 fichiers sur 3 non vérifiés');
    const en = await run(['--jobs', '1', '--lang', 'en', dir], { results: await files(3), interruptAfter: 1 });
    expect(en.stdout).toContain('Check interrupted: 3 of 3 files not checked');
  });

  it('replaces an older report at --output rather than leaving it as if it were this run\'s', async () => {
    const out = join(dir, 'report.json');
    await writeFile(out, '{"old": true}');
    const r = await run(['--jobs', '1', '--format', 'json', '--output', out, dir], { results: await files(4), interruptAfter: 3 });
    expect(r.code).toBe(130);
    expect(JSON.parse(await readFile(out, 'utf8')).summary.complete).toBe(false);
  });
});

describe('--format jsonl', () => {
  it('writes a run line, one complete line per file as it finishes, and an end line', async () => {
    const given = await files(3, (i) => (i === 1 ? failingFile('fr') : passingFile()));
    const out = join(dir, 'results.jsonl');
    const r = await run(['--format', 'jsonl', '--output', out, dir], { results: given });
    expect(r.code).toBe(1);
    const records = lines(await readFile(out, 'utf8'));
    expect(records.map((l) => l.type)).toEqual(['run', 'file', 'file', 'file', 'end']);
    expect(records[0]).toMatchObject({ tool: { name: 'logo-check' }, charter: { id: 'econumerique-2006' }, options: { lang: 'fr' } });
    expect(records.slice(1, 4).map((l) => l.path).sort()).toEqual(Object.keys(given).sort());
    expect(records[4].summary).toMatchObject({ complete: true, files: 3, failed: 1 });
    // The lines hold everything a report does: put together, they are one that follows the schema.
    const { type: _run, ...head } = records[0];
    const report = { ...head, files: records.slice(1, 4).map(({ type: _file, ...file }) => file), summary: records[4].summary };
    expect(validate(report)).toEqual([]);
  });

  it('has a line for an input that could not be expanded into files', async () => {
    const r = await run(['--format', 'jsonl', dir, 'missing.pdf'], {
      results: await files(1),
      problems: [{ path: 'missing.pdf', error: { code: 'not-found', message: "le fichier n'existe pas" } }],
    });
    expect(r.code).toBe(3);
    const records = lines(r.stdout);
    expect(records.find((l) => l.path === 'missing.pdf')).toMatchObject({ type: 'file', status: 'error', error: { code: 'not-found' } });
    expect(records.at(-1).summary).toMatchObject({ files: 2, errors: 1 });
  });

  it('words an input problem in the report language when ingest gives both', async () => {
    const problems = [{ path: 'gone.pdf', error: { code: 'not-found', message: 'The file does not exist; check the path.', messages: { fr: "Le fichier n'existe pas ; vérifiez le chemin.", en: 'The file does not exist; check the path.' } } }];
    const fr = await run(['--format', 'json', 'x'], { results: {}, problems });
    expect(JSON.parse(fr.stdout).files[0].error).toEqual({ code: 'not-found', message: "Le fichier n'existe pas ; vérifiez le chemin." });
    const en = await run(['--format', 'json', '--lang', 'en', 'x'], { results: {}, problems });
    expect(JSON.parse(en.stdout).files[0].error.message).toBe('The file does not exist; check the path.');
  });

  it('keeps the lines of the files that finished when the run is interrupted', async () => {
    const out = join(dir, 'results.jsonl');
    const given = await files(4);
    const r = await run(['--jobs', '1', '--format', 'jsonl', '--output', out, dir], { results: given, interruptAfter: 3 });
    expect(r.code).toBe(130);
    const records = lines(await readFile(out, 'utf8'));
    expect(records.map((l) => l.type)).toEqual(['run', 'file', 'file', 'end']);
    expect(records.at(-1).summary).toMatchObject({ complete: false, unchecked: 2 });
    expect(records.at(-1).unchecked).toEqual(Object.keys(given).slice(2));
  });
});

describe('receipts', () => {
  it('records the sha256 and size of each file, the charter, the tool, the options and the time taken', async () => {
    const given = await files(1);
    const [path] = Object.keys(given);
    const r = await run(['--format', 'json', '--category', 'offre-referencee', '--dpi', '200', dir], { results: given });
    const report = JSON.parse(r.stdout);
    expect(validate(report)).toEqual([]);
    const { receipt } = report.files[0];
    expect(receipt).toMatchObject({
      sha256: createHash('sha256').update('bytes of file 0').digest('hex'),
      size: 'bytes of file 0'.length,
      charter: { id: 'econumerique-2006', sha256: report.charter.sha256 },
      tool: { name: 'logo-check', version: pkg.version },
      options: { lang: 'fr', dpi: 200, category: 'offre-referencee' },
    });
    expect(Date.parse(receipt.checkedAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(receipt.ms).toBeGreaterThanOrEqual(0);
    expect(path).toBe(report.files[0].path);
  });
});

describe('--cache', () => {
  it('analyses only the files that changed since the last run', async () => {
    const given = await files(4);
    const cache = join(dir, 'cache');
    const first = await run(['--cache', cache, '--format', 'json', dir], { results: given });
    expect(first.checked).toHaveLength(4);

    const again = await run(['--cache', cache, '--format', 'json', dir], { results: given });
    expect(again.checked).toEqual([]);
    // Nothing to analyse: the checker (OpenCV, OCR) is not even started.
    expect(again.options).toBeUndefined();
    const report = JSON.parse(again.stdout);
    expect(report.files.map((f: FileResult) => f.receipt!.cached)).toEqual([true, true, true, true]);
    expect(report.files.map((f: FileResult) => f.receipt!.sha256)).toEqual(JSON.parse(first.stdout).files.map((f: FileResult) => f.receipt!.sha256));

    const changed = Object.keys(given)[2];
    await writeFile(changed, 'new bytes');
    expect((await run(['--cache', cache, dir], { results: given })).checked).toEqual([changed]);
  });

  it('analyses again when an option that changes the verdict changes', async () => {
    const given = await files(2);
    const cache = join(dir, 'cache');
    await run(['--cache', cache, dir], { results: given });
    expect((await run(['--cache', cache, '--lang', 'en', dir], { results: given })).checked).toHaveLength(2);
    expect((await run(['--cache', cache, '--dpi', '300', dir], { results: given })).checked).toHaveLength(2);
  });

  it('goes on, saying so once, when the cache cannot be written', async () => {
    const blocked = join(dir, 'not-a-folder');
    await writeFile(blocked, 'a file where the cache folder should be');
    const r = await run(['--cache', blocked, '--format', 'json', dir], { results: await files(3) });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary).toMatchObject({ complete: true, passed: 3 });
    expect(r.stderr.match(/cannot write to the cache/g)).toHaveLength(1);
  });

  it('resumes an interrupted run where it stopped', async () => {
    const given = await files(5);
    const cache = join(dir, 'cache');
    const stopped = await run(['--jobs', '1', '--cache', cache, dir], { results: given, interruptAfter: 3 });
    expect(stopped.code).toBe(130);
    const resumed = await run(['--jobs', '1', '--cache', cache, '--format', 'json', dir], { results: given });
    expect(resumed.code).toBe(0);
    // The file in progress when the run stopped finished after its report was written: its result
    // is in the cache all the same.
    expect(resumed.checked).toEqual(Object.keys(given).slice(3));
    expect(JSON.parse(resumed.stdout).summary).toMatchObject({ complete: true, files: 5, passed: 5 });
  });

  it('does not keep a result that says more about the run than the file (timeout, out-of-memory, internal)', async () => {
    const given = await files(3, (i) => (i === 0 ? { ...unreadableFile('fr'), error: { code: 'timeout', message: 'trop long' } } : unreadableFile('fr')));
    const cache = join(dir, 'cache');
    await run(['--cache', cache, dir], { results: given });
    expect((await run(['--cache', cache, dir], { results: given })).checked).toEqual([Object.keys(given)[0]]);
  });
});

describe('--shard and merge', () => {
  it('splits files between shards without overlap or loss, and merge gives the report of one run', async () => {
    const given = await files(12, (i) => (i % 4 === 0 ? failingFile('fr') : passingFile()));
    const shards = [];
    for (const i of [1, 2, 3]) {
      const out = join(dir, `shard-${i}.jsonl`);
      await run(['--shard', `${i}/3`, '--format', 'jsonl', '--output', out, dir], { results: given });
      shards.push(out);
    }
    const taken = await Promise.all(shards.map(async (s) => lines(await readFile(s, 'utf8')).filter((l) => l.type === 'file').map((l) => l.path)));
    expect(taken.flat().sort()).toEqual(Object.keys(given).sort());
    expect(new Set(taken.flat()).size).toBe(12);

    const merged = await run(['merge', ...shards, '--format', 'json']);
    expect(merged.code).toBe(1);
    const report = JSON.parse(merged.stdout);
    expect(validate(report)).toEqual([]);
    const whole = JSON.parse((await run(['--format', 'json', dir], { results: given })).stdout);
    expect(report.summary).toEqual(whole.summary);
    expect(report.files.map((f: FileResult) => f.path)).toEqual(whole.files.map((f: FileResult) => f.path));
    expect(report.options).toEqual(whole.options);
  });

  it('marks the merged report incomplete when a shard did not finish', async () => {
    const given = await files(4);
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    await run(['--shard', '1/2', '--format', 'jsonl', '--output', a, dir], { results: given });
    await run(['--shard', '2/2', '--format', 'jsonl', '--output', b, dir], { results: given });
    // Killed before its end line, and in the middle of writing a line.
    const killed = (await readFile(b, 'utf8')).trim().split('\n').slice(0, -1).join('\n') + '\n{"type":"file","pa';
    await writeFile(b, killed);
    const merged = await run(['merge', a, b, '--format', 'json']);
    expect(merged.code).toBe(2);
    expect(JSON.parse(merged.stdout).summary.complete).toBe(false);
    expect(merged.stderr).toContain('did not finish');
  });

  it('merges an interrupted run with the run that resumed it into a complete report', async () => {
    const given = await files(5, (i) => (i === 4 ? failingFile('fr') : passingFile()));
    const cache = join(dir, 'cache');
    const stopped = join(dir, 'stopped.jsonl');
    const resumed = join(dir, 'resumed.jsonl');
    await run(['--jobs', '1', '--cache', cache, '--format', 'jsonl', '--output', stopped, dir], { results: given, interruptAfter: 3 });
    expect((await run(['merge', stopped, '--format', 'json'])).code).toBe(2);
    await run(['--jobs', '1', '--cache', cache, '--format', 'jsonl', '--output', resumed, dir], { results: given });
    const merged = await run(['merge', stopped, resumed, '--format', 'json']);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(1);
    const report = JSON.parse(merged.stdout);
    expect(validate(report)).toEqual([]);
    expect(report.summary).toMatchObject({ complete: true, unchecked: 0, files: 5, passed: 4, failed: 1 });
  });

  it('keeps a merge incomplete while a file an interrupted run left unchecked is in no input', async () => {
    const given = await files(4);
    const stopped = join(dir, 'stopped.jsonl');
    const other = join(dir, 'other.jsonl');
    await run(['--jobs', '1', '--format', 'jsonl', '--output', stopped, dir], { results: given, interruptAfter: 2 });
    // A run of all the files but the last.
    const allButLast = Object.fromEntries(Object.entries(given).slice(0, -1));
    await run(['--format', 'jsonl', '--output', other, dir], { results: allButLast });
    const merged = await run(['merge', stopped, other, '--format', 'json']);
    expect(merged.code).toBe(2);
    expect(JSON.parse(merged.stdout).summary).toMatchObject({ complete: false, unchecked: 1, files: 3 });
  });

  it('refuses shards checked against different options', async () => {
    const given = await files(2);
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    await run(['--shard', '1/2', '--format', 'jsonl', '--output', a, dir], { results: given });
    await run(['--shard', '2/2', '--lang', 'en', '--format', 'jsonl', '--output', b, dir], { results: given });
    const merged = await run(['merge', a, b]);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toMatch(/^logo-check: .*b\.jsonl was checked with options .*merge runs of the same options — see logo-check merge --help\n$/);
  });

  it.each(['0/3', '4/3', '1of3', '1/0'])('refuses --shard %s', async (shard) => {
    const r = await run(['--shard', shard, 'x'], { results: { 'a.png': passingFile() } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`option '--shard <i/n>' argument '${shard}' is invalid`);
  });
});
