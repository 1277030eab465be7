import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failingFile, passingFile, unreadableFile } from '../report/testing/fixtures.ts';
import { allFindings } from '../report/summary.ts';
import type { FileResult } from '../types.ts';
import { applyBaseline, baselineOf, entryPath, readBaseline, writeBaseline } from './baseline.ts';

const asIs = (path: string) => path;
const withHash = (result: FileResult, sha256: string): FileResult => ({ ...result, receipt: { sha256, checkedAt: '', charter: { id: 'c', sha256: 'x' }, tool: { name: 'logo-check', version: '0' }, options: { lang: 'fr', dpi: 150 }, ms: 0 } });

describe('baselineOf', () => {
  it('keys each error and warning by file, page, rule, element and logo centre, with the reason', () => {
    const baseline = baselineOf([withHash(failingFile('en'), 'abc'), passingFile()], 'printed in 2008', asIs);
    // min-size is waived for the declared medium (a note): nothing to accept.
    expect(baseline.entries.map(({ page, rule, element, logo }) => [page, rule, element, logo])).toEqual([
      [0, 'period', undefined, undefined],
      [2, 'colour', 'arrow', [0.210, 0.727]],
      [2, 'addition', undefined, [0.210, 0.727]],
      [2, 'badge-text', 'badge', [0.847, 0.066]],
    ]);
    expect(baseline.entries[1]).toMatchObject({ file: 'samples/brochure.pdf', sha256: 'abc', reason: 'printed in 2008', message: expect.stringContaining('ΔE2000') });
  });
});

describe('applyBaseline', () => {
  const baseline = baselineOf([withHash(failingFile('en'), 'abc')], 'accepted', asIs);

  it('suppresses the accepted findings of the same file, found by hash even after a rename', () => {
    const renamed = { ...withHash(failingFile('fr'), 'abc'), path: 'archive/brochure.pdf' };
    const { results, suppressed, stale } = applyBaseline(baseline, [renamed], asIs);
    expect(suppressed).toBe(4);
    expect(allFindings(results[0]).map((f) => f.rule)).toEqual(['min-size']);
    expect(stale).toEqual([]);
  });

  it('keeps a new finding, and lists entries that no longer occur', () => {
    const edited = withHash(failingFile('en'), 'def');
    // The arrow was fixed; the logo moved a hair; a new problem on the second logo.
    const logos = edited.pages[1].logos;
    logos[0] = { ...logos[0], bbox: [64, 1204, 400, 150], findings: logos[0].findings.filter((f) => f.rule !== 'colour') };
    logos[1] = { ...logos[1], findings: [...logos[1].findings, { ...logos[1].findings[0], rule: 'mirror', element: undefined }] };
    const { results, suppressed, stale } = applyBaseline(baseline, [edited], asIs);
    expect(suppressed).toBe(3);
    expect(allFindings(results[0]).map((f) => f.rule)).toEqual(['min-size', 'mirror']);
    expect(stale.map((e) => e.rule)).toEqual(['colour']);
  });

  it('does not accept a logo elsewhere on the page, nor entries of files not checked in this run', () => {
    const moved = withHash(failingFile('en'), 'abc');
    moved.pages[1].logos[1] = { ...moved.pages[1].logos[1], bbox: [100, 900, 300, 110] };
    const { results, stale } = applyBaseline(baseline, [moved, unreadableFile('en')], asIs);
    expect(allFindings(results[0]).map((f) => f.rule)).toEqual(['min-size', 'badge-text']);
    expect(stale.map((e) => e.rule)).toEqual(['badge-text']);
    expect(applyBaseline(baseline, [passingFile()], asIs).stale).toEqual([]);
  });
});

describe('baseline files', () => {
  it('name files relative to the baseline folder, and read back what was written', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'logo-check-baseline-'));
    expect(entryPath(join(dir, 'ci/logo-check-baseline.json'), 'assets/a.pdf', dir)).toBe('../assets/a.pdf');
    const file = join(dir, 'logo-check-baseline.json');
    const baseline = baselineOf([failingFile('fr')], 'accepted', asIs);
    await writeBaseline(file, baseline);
    expect(await readBaseline(file)).toEqual(JSON.parse(JSON.stringify(baseline)));
  });

  it('refuses a file that is not a baseline, naming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'logo-check-baseline-'));
    const file = join(dir, 'b.json');
    await writeFile(file, JSON.stringify({ version: 1, entries: [{ file: 'a.pdf' }] }));
    await expect(readBaseline(file)).rejects.toThrow(`baseline ${file} entries.0: expected at least file, page and rule`);
    await expect(readBaseline(join(dir, 'none.json'))).rejects.toThrow(/cannot be read \(ENOENT\)/);
  });
});
