import { describe, expect, it } from 'vitest';
import type { FileResult, Finding } from '../types.ts';
import { fileStatus, summarise } from './summary.ts';
import { failingFile, fileWithoutLogo, passingFile, unreadableFile } from './testing/fixtures.ts';

const warning: Finding = { rule: 'addition', kind: 'addition', severity: 'warning', article: 'Article X', message: 'm' };
const error: Finding = { rule: 'colour', kind: 'modification', severity: 'error', article: 'Article X', message: 'm' };

function withLogoFindings(findings: Finding[], documentFindings: Finding[] = []): FileResult {
  const file = passingFile();
  file.pages[0].logos[0].findings = findings;
  file.findings = documentFindings;
  return file;
}

describe('fileStatus', () => {
  it.each<[string, FileResult, string]>([
    ['no finding', withLogoFindings([]), 'pass'],
    ['only a warning', withLogoFindings([warning]), 'pass'],
    ['an error on a logo', withLogoFindings([warning, error]), 'fail'],
    ['an error about the document', withLogoFindings([], [error]), 'fail'],
    ['an error waived for the declared medium', withLogoFindings([{ ...error, waivedBy: 'sms' }]), 'pass'],
    ['an error object', unreadableFile('fr'), 'error'],
    ['no logo at all', fileWithoutLogo(), 'pass'],
  ])('%s → %s', (_, file, expected) => {
    expect(fileStatus(file)).toBe(expected);
  });

  it('recomputes the status instead of trusting the one it is given', () => {
    expect(fileStatus({ ...failingFile('fr'), status: 'pass' })).toBe('fail');
    expect(fileStatus({ ...passingFile(), status: 'fail' })).toBe('pass');
  });

  it('keeps a file the checker marked unreadable an error even without an error object', () => {
    expect(fileStatus({ ...passingFile(), status: 'error' })).toBe('error');
  });
});

describe('summarise', () => {
  it('counts files by status, logos, and findings by effective severity', () => {
    const summary = summarise([passingFile(), failingFile('fr'), unreadableFile('fr'), fileWithoutLogo()]);
    expect(summary).toEqual({
      complete: true,
      unchecked: 0,
      files: 4,
      passed: 2,
      failed: 1,
      errors: 1,
      logos: 3,
      // The waived min-size warning counts as info.
      findings: { error: 2, warning: 2, info: 1 },
    });
  });

  it('is all zeros for no file', () => {
    expect(summarise([])).toEqual({ complete: true, unchecked: 0, files: 0, passed: 0, failed: 0, errors: 0, logos: 0, findings: { error: 0, warning: 0, info: 0 } });
  });

  it('says the run is incomplete when files were left unchecked', () => {
    expect(summarise([passingFile()], 3)).toMatchObject({ complete: false, unchecked: 3, files: 1 });
  });
});
