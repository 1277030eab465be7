// What a project sets up once and CI runs every time: a settings file, ignore patterns, several
// reports from one run, a warning budget and a baseline of accepted findings. The checker is the
// fake of testing.ts; settings and baselines are real files in a temp folder.
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeEach, describe, expect, it } from 'vitest';
import { failingFile, passingFile, unreadableFile } from '../report/testing/fixtures.ts';
import type { FileResult } from '../types.ts';
import { run, type FakeWorld } from './testing.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logo-check-project-'));
});

const inDir = (args: string[], world: FakeWorld) => run(args, world, { cwd: dir });
const settings = (json: unknown) => writeFile(join(dir, 'logo-check.config.json'), JSON.stringify(json));

/** The failing file with only warnings left: colour and period turned to warnings. */
const warned: FileResult = (() => {
  const file = failingFile('fr');
  file.findings = file.findings.map((f) => ({ ...f, severity: 'warning' }));
  file.pages[1].logos[0].findings = file.pages[1].logos[0].findings.map((f) => (f.rule === 'colour' ? { ...f, severity: 'warning' } : f));
  return file;
})();

describe('settings file', () => {
  it('supplies the options flags leave out, and flags win', async () => {
    await settings({ category: 'offre-referencee', medium: 'sms', dpi: 200 });
    const r = await inDir(['x'], { results: { 'a.png': passingFile() } });
    expect(r.code).toBe(0);
    expect(r.options).toMatchObject({ category: 'offre-referencee', medium: 'sms', dpi: 200 });
    const flagged = await inDir(['--dpi', '300', '--category', 'equipement-reference', 'x'], { results: { 'a.png': passingFile() } });
    expect(flagged.options).toMatchObject({ category: 'equipement-reference', medium: 'sms', dpi: 300 });
    const none = await inDir(['--no-config', 'x'], { results: { 'a.png': passingFile() } });
    expect(none.options).toMatchObject({ dpi: 150 });
    expect(none.options!.category).toBeUndefined();
  });

  it('is found upward, and --config names another one', async () => {
    await settings({ dpi: 100 });
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'sub/other.json'), JSON.stringify({ dpi: 72 }));
    expect((await run(['x'], { results: { 'a.png': passingFile() } }, { cwd: join(dir, 'sub') })).options!.dpi).toBe(100);
    expect((await run(['-c', 'other.json', 'x'], { results: { 'a.png': passingFile() } }, { cwd: join(dir, 'sub') })).options!.dpi).toBe(72);
  });

  it('turns rules off or down to warnings', async () => {
    await settings({ rules: { validity: 'off', colour: 'warn' } });
    const file = failingFile('fr');
    file.findings = file.findings.map((f) => ({ ...f, rule: 'validity' }));
    const r = await inDir(['-f', 'json', 'x'], { results: { 'samples/brochure.pdf': file } });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.files[0]).toMatchObject({ status: 'pass', findings: [] });
    expect(report.summary.findings).toEqual({ error: 0, warning: 3, info: 1 });
  });

  it('is a usage error, exit 2, naming the file and the key', async () => {
    await settings({ dpi: 'high', rules: { colour: 'severe' } });
    const r = await inDir(['x'], { results: { 'a.png': passingFile() } });
    expect(r.code).toBe(2);
    expect(r.checked).toEqual([]);
    expect(r.stderr).toContain(`logo-check: configuration ${join(dir, 'logo-check.config.json')} is not valid:\n  - dpi: `);
    expect(r.stderr).toContain('  - rules.colour: ');
  });

  it('ignores the files its patterns match, as --ignore-pattern does', async () => {
    await settings({ ignorePatterns: ['archive/**'] });
    const results = { [join(dir, 'archive/old.png')]: failingFile('fr'), [join(dir, 'new/a.png')]: passingFile(), 'new/b.png': failingFile('fr') };
    const r = await inDir(['x'], { results });
    expect(r.checked).toEqual([join(dir, 'new/a.png'), 'new/b.png']);
    const both = await inDir(['--ignore-pattern', 'new/b.png', 'x'], { results });
    expect(both.checked).toEqual([join(dir, 'new/a.png')]);
    expect(both.code).toBe(0);
  });
});

describe('outputs', () => {
  it('-o and -f as ESLint spells them, and more reports with --report while the terminal report is shown', async () => {
    const sarifFile = join(dir, 'out.sarif');
    const junitFile = join(dir, 'out.xml');
    const csvFile = join(dir, 'out.csv');
    const r = await inDir(['--report', `sarif=${sarifFile}`, '--report', `junit=${junitFile}`, '--report', `csv=${csvFile}`, 'x'], {
      results: { 'samples/brochure.pdf': failingFile('fr') },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✘ samples/brochure.pdf — non conforme');
    expect(JSON.parse(await readFile(sarifFile, 'utf8')).runs[0].results).toHaveLength(5);
    expect(new XMLParser({ ignoreAttributes: false }).parse(await readFile(junitFile, 'utf8')).testsuites['@_failures']).toBe('2');
    expect((await readFile(csvFile, 'utf8')).startsWith('\uFEFFfichier,')).toBe(true);
    const json = join(dir, 'out.json');
    const short = await inDir(['-f', 'json', '-o', json, 'x'], { results: { 'a.png': passingFile() } });
    expect(short.stdout).toBe('');
    expect(JSON.parse(await readFile(json, 'utf8')).summary.files).toBe(1);
  });

  it('writes an HTML report with --report too, its pictures drawn from the files', async () => {
    const out = join(dir, 'report.html');
    const r = await inDir(['--lang', 'en', '--report', `html=${out}`, 'x'], { results: { 'samples/brochure.pdf': failingFile('en') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`logo-check: report written to ${out}\n`);
    const page = await readFile(out, 'utf8');
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('samples/brochure.pdf');
  });

  it('refuses a --report without a known format', async () => {
    const r = await inDir(['--report', 'pdf=out.pdf', 'x'], { results: { 'a.png': passingFile() } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--report <format=file>' argument 'pdf=out.pdf' is invalid. Expected a format and a file joined by =");
  });

  it('names SARIF files relative to --base-dir, from the current folder by default', async () => {
    const path = join(dir, 'assets/brochure.pdf');
    const results = { [path]: { ...failingFile('fr'), path } };
    const location = (r: { stdout: string }) => JSON.parse(r.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
    expect(location(await inDir(['-f', 'sarif', 'x'], { results }))).toEqual({ uri: 'assets/brochure.pdf', uriBaseId: '%SRCROOT%' });
    expect(location(await inDir(['-f', 'sarif', '--base-dir', 'assets', 'x'], { results }))).toEqual({ uri: 'brochure.pdf', uriBaseId: '%SRCROOT%' });
  });
});

describe('--max-warnings', () => {
  it('fails a run with more warnings than allowed, and says why', async () => {
    const results = { 'b.pdf': warned };
    expect((await inDir(['--max-warnings', '4', 'x'], { results })).code).toBe(0);
    const r = await inDir(['--max-warnings', '3', 'x'], { results });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('logo-check: 4 warnings, more than --max-warnings 3\n');
  });

  it('does not hide a file that could not be analysed: exit 3', async () => {
    expect((await inDir(['--max-warnings', '0', 'x'], { results: { 'b.pdf': warned, 'c.tif': unreadableFile('fr') } })).code).toBe(3);
  });
});

describe('baseline', () => {
  const results = () => ({ [join(dir, 'b.pdf')]: { ...failingFile('fr'), path: join(dir, 'b.pdf') }, [join(dir, 'a.png')]: { ...passingFile(), path: join(dir, 'a.png') } });

  it('accepts today\'s findings, so that the next run passes and says how many it left out', async () => {
    const written = await inDir(['baseline', '--reason', 'printed in 2008, before the audit', 'x'], { results: results() });
    expect(written.code).toBe(0);
    const file = join(dir, 'logo-check-baseline.json');
    expect(written.stderr).toBe(`logo-check: 4 findings in 1 file accepted in ${file}\n`);
    const baseline = JSON.parse(await readFile(file, 'utf8'));
    expect(baseline.entries[0]).toMatchObject({ file: 'b.pdf', page: 0, rule: 'period', reason: 'printed in 2008, before the audit' });

    const later = await inDir(['-f', 'json', 'x'], { results: results() });
    expect(later.code).toBe(0);
    expect(JSON.parse(later.stdout).summary).toMatchObject({ failed: 0, findings: { error: 0, warning: 0, info: 1 } });
    expect(later.stderr).toBe(`logo-check: 4 known findings accepted in ${file} not shown (--no-baseline shows them)\n`);
    expect((await inDir(['--no-baseline', 'x'], { results: results() })).code).toBe(1);
  });

  it('reports a new finding and lists entries that no longer occur', async () => {
    await inDir(['baseline', '--reason', 'known', 'x'], { results: results() });
    const changed = failingFile('fr');
    changed.findings = [];
    changed.pages[1].logos[1].findings.push({ rule: 'mirror', kind: 'modification', severity: 'error', article: 'Article X', message: 'le logo est retourné' });
    const r = await inDir(['x'], { results: { [join(dir, 'b.pdf')]: { ...changed, path: join(dir, 'b.pdf') } } });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('le logo est retourné');
    expect(r.stderr).toContain('logo-check: 1 baseline entry no longer found; write the baseline again to prune:\n  b.pdf: period\n');
  });

  it('can be named, and a named baseline that cannot be read is a usage error', async () => {
    await mkdir(join(dir, 'ci'), { recursive: true });
    expect((await inDir(['baseline', '--reason', 'known', '--baseline', 'ci/accepted.json', 'x'], { results: results() })).code).toBe(0);
    expect((await inDir(['--baseline', 'ci/accepted.json', 'x'], { results: results() })).code).toBe(0);
    const missing = await inDir(['--baseline', 'nope.json', 'x'], { results: results() });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain(`baseline ${join(dir, 'nope.json')} cannot be read (ENOENT)`);
  });

  it('is written again where later runs find it, from a sub-folder too, with paths relative to it', async () => {
    await inDir(['baseline', '--reason', 'first', 'x'], { results: results() });
    await mkdir(join(dir, 'sub'));
    const again = await run(['baseline', '--reason', 'second', 'x'], { results: results() }, { cwd: join(dir, 'sub') });
    expect(again.stderr).toContain(`accepted in ${join(dir, 'logo-check-baseline.json')}`);
    const baseline = JSON.parse(await readFile(join(dir, 'logo-check-baseline.json'), 'utf8'));
    expect(baseline.entries.map((e: { file: string; reason: string }) => [e.file, e.reason])[0]).toEqual(['b.pdf', 'second']);
  });

  it('needs a reason', async () => {
    const r = await inDir(['baseline', 'x'], { results: results() });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("required option '--reason <text>' not specified — see logo-check baseline --help");
  });
});

describe('help', () => {
  it('documents the exit codes, 3 included', async () => {
    const r = await run(['--help']);
    expect(r.stdout).toContain("3  at least one file could not be analysed / au moins un fichier n'a pas pu être analysé");
    for (const flag of ['-o, --output-file <file>', '-f, --format <format>', '--report <format=file>', '--max-warnings <n>', '-c, --config <file>', '--ignore-pattern <glob>', '--no-baseline']) {
      expect(r.stdout).toContain(flag);
    }
  });
});
