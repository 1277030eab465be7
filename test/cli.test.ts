// The CLI end to end, with the real checker and the real input expansion: a batch of good and bad
// files must report every file and keep going past the bad ones (exit 3, not a crash), and the
// README's first command must do what the README says.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';
import { capture } from '../src/cli/testing.ts';
import type { FileResult, Report } from '../src/types.ts';

const ROOT = join(import.meta.dirname, '..');
const SAMPLES = join(ROOT, 'samples');
const HOSTILE = join(ROOT, '../shared/corpus/hostile');
const hasCorpus = existsSync(HOSTILE);

// Starting OpenCV and the OCR worker, then analysing two flyers at 150 dpi, on a loaded machine.
const BATCH_TIMEOUT_MS = 180_000;
// The README command runs in a child process that loads tsx and the whole pipeline for 10 files.
const README_TIMEOUT_MS = 180_000;

/** What each bad file is, and the error code its user needs to see. */
const BAD_FILES: Array<{ name: string; code: string; from: 'corpus' | 'written' }> = [
  { name: 'truncated.jpg', code: 'corrupt', from: 'corpus' }, // scan data cut after 10 000 bytes
  { name: 'AppleDouble_conference_a_l_ecole_42.pdf', code: 'unsupported-format', from: 'corpus' }, // macOS metadata named .pdf
  { name: 'saslprep-r6.pdf', code: 'encrypted', from: 'corpus' }, // AES-256 with a user password
  { name: '65536-uint32-limit.png', code: 'too-large', from: 'corpus' }, // 4.29 Gpixel PNG bomb
  { name: 'notes.pdf', code: 'unsupported-format', from: 'written' }, // plain text named .pdf
];

const logoFindings = (file: FileResult) => file.pages.flatMap((page) => page.logos.flatMap((logo) => logo.findings));

describe('a batch goes on past bad files', () => {
  let dir: string;
  let names: string[];
  let code: number;
  let report: Report;
  let stderr: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'logo-check-batch-'));
    await copyFile(join(SAMPLES, 'flyer-conforme.png'), join(dir, 'flyer-conforme.png'));
    await copyFile(join(SAMPLES, 'flyer-logo-etire.png'), join(dir, 'flyer-logo-etire.png'));
    if (hasCorpus) {
      for (const bad of BAD_FILES.filter((b) => b.from === 'corpus')) await copyFile(join(HOSTILE, bad.name), join(dir, bad.name));
    }
    await writeFile(join(dir, 'notes.pdf'), 'Meeting notes: send the brochure to the printer on Monday.\n');

    // Every file of the folder is named, as a shell expands `folder/*`: a folder argument keeps only
    // files whose content is a supported format (src/ingest/expand.ts), and this batch is about
    // files that are not.
    names = (await readdir(dir)).sort();
    const stdout = capture();
    const err = capture();
    code = await main(['node', 'logo-check', '--format', 'json', '--lang', 'en', ...names.map((n) => join(dir, n))], { stdout, stderr: err, env: {} });
    report = JSON.parse(stdout.text);
    stderr = err.text;
  }, BATCH_TIMEOUT_MS);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const file = (name: string): FileResult => {
    const found = report.files.find((f) => f.path === join(dir, name));
    expect(found, `${name} in files[]`).toBeDefined();
    return found!;
  };

  it('exits 3 (files that could not be analysed) and lists every file, in the order given', () => {
    expect(code).toBe(3);
    expect(stderr).toBe('');
    expect(report.files.map((f) => f.path)).toEqual(names.map((n) => join(dir, n)));
    expect(report.summary).toMatchObject({ files: names.length, passed: 1, failed: 1, errors: names.length - 2 });
  });

  it('analyses the compliant flyer: it passes with one logo', () => {
    const result = file('flyer-conforme.png');
    expect(result.status).toBe('pass');
    expect(result.error).toBeUndefined();
    expect(result.pages.flatMap((p) => p.logos)).toHaveLength(1);
  });

  it('analyses the stretched logo: it fails with a distortion finding', () => {
    const result = file('flyer-logo-etire.png');
    expect(result.status).toBe('fail');
    expect(logoFindings(result).filter((f) => f.severity === 'error').map((f) => f.rule)).toContain('distortion');
  });

  const present = BAD_FILES.filter((bad) => hasCorpus || bad.from === 'written');
  it.each(present.map((bad) => [bad.name, bad] as const))('reports %s as unreadable, with its code and its name', (name, bad) => {
    const result = file(name);
    expect(result.status).toBe('error');
    expect(result.error?.code).toBe(bad.code);
    // The report prints the path beside the message, which need not repeat it.
    expect(result.path).toContain(name);
    expect(result.error?.message).not.toContain(result.path);
    expect(result.pages).toEqual([]);
  });
});

describe('the README', () => {
  it(
    'first command, `node src/cli/bin.mjs samples --format json`, exits 1 with a JSON report of the 10 samples',
    () => {
      const child = spawnSync(process.execPath, ['src/cli/bin.mjs', 'samples', '--format', 'json'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: README_TIMEOUT_MS,
        // A colour or TTY setting inherited from the developer's shell must not change the output.
        env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(child.error, 'the child process could not run or timed out').toBeUndefined();
      expect(child.status, child.stderr).toBe(1);
      const report: Report = JSON.parse(child.stdout);
      expect(report.files).toHaveLength(10);
      expect(report.files.map((f) => f.path).every((p) => p.startsWith('samples/'))).toBe(true);
      expect(report.summary.errors).toBe(0);
    },
    README_TIMEOUT_MS + 10_000,
  );
});

describe('a reader of the standard output that goes away (| head)', () => {
  it(
    'stops the batch as Ctrl-C would (exit 130), without a crash',
    async () => {
      const child = spawn(process.execPath, ['src/cli/bin.mjs', '--jobs', '1', '--format', 'jsonl', 'samples'], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let stdout = '';
      // Like `head -2`: the run line and the first file, then the pipe is closed.
      await new Promise<void>((resolve) =>
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          if (stdout.includes('"type":"file"')) {
            child.stdout.destroy();
            resolve();
          }
        }),
      );
      expect(await exited).toBe(130);
      expect(stderr).not.toMatch(/EPIPE|Error:/);
      expect(stderr).toMatch(/interrupted: \d+ of 10 files not checked/);
    },
    README_TIMEOUT_MS,
  );
});

describe.skipIf(!hasCorpus)('--password', () => {
  it(
    'opens an encrypted PDF in the pool\'s workers, and without it the file is reported encrypted',
    async () => {
      const file = join(HOSTILE, 'saslprep-r6.pdf');
      const runWith = async (extra: string[]) => {
        const stdout = capture();
        await main(['node', 'logo-check', '--format', 'json', '--jobs', '1', ...extra, file], { stdout, stderr: capture(), env: {} });
        return (JSON.parse(stdout.text) as Report).files[0];
      };
      const opened = await runWith(['--password', 'S\u00aaSL\u00adprep']);
      expect(opened.error).toBeUndefined();
      expect(opened.pages.length).toBeGreaterThan(0);
      expect((await runWith([])).error?.code).toBe('encrypted');
    },
    BATCH_TIMEOUT_MS,
  );
});

describe('Ctrl-C during a batch', () => {
  it(
    'stops taking files, writes what finished with an end line marked incomplete, and exits 130',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'logo-check-sigint-'));
      const out = join(dir, 'results.jsonl');
      const child = spawn(process.execPath, ['src/cli/bin.mjs', '--jobs', '1', '--format', 'jsonl', '--output', out, 'samples'], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1' },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      // Interrupted as soon as the first file is written: nine samples are still to come.
      for (;;) {
        const text = await readFile(out, 'utf8').catch(() => '');
        if (text.includes('"type":"file"')) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      child.kill('SIGINT');
      expect(await exited).toBe(130);
      const records = (await readFile(out, 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
      const end = records.at(-1);
      expect(end.type).toBe('end');
      expect(end.summary.complete).toBe(false);
      expect(end.summary.files).toBe(records.filter((r) => r.type === 'file').length);
      expect(end.summary.files + end.summary.unchecked).toBe(10);
      expect(stderr).toMatch(/interrupted: \d+ of 10 files not checked/);
      await rm(dir, { recursive: true, force: true });
    },
    README_TIMEOUT_MS,
  );
});
