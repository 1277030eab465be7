import { describe, expect, it } from 'vitest';
import { judge, unclearMessage } from './verdict.ts';

const path = '/batch/brochure.pdf';
const error = (code: string, message: string) => ({ path, status: 'error' as const, error: { code, message } });

describe('what the fuzz test demands of each message', () => {
  it.each([
    ['an object printed as such', error('internal', 'analysis failed: [object Object]'), /value in it/],
    ['undefined', error('corrupt', 'is damaged (undefined)'), /value in it/],
    ['the path twice', error('corrupt', `${path}: is damaged (${path}: bad seek)`), /path repeated/],
    ['an internal error with no cause', error('internal', `${path}: analysis failed:`), /without its cause/],
    ['nothing', error('corrupt', ' '), /empty/],
  ])('refuses %s', (_name, result, problem) => {
    expect(unclearMessage(result)).toMatch(problem);
  });

  it('accepts a message that says what is wrong and what to do, and an internal error with its cause', () => {
    expect(unclearMessage(error('corrupt', 'is not a readable PDF (Invalid PDF structure.); re-export it'))).toBeUndefined();
    expect(unclearMessage(error('internal', `${path}: analysis failed: OpenCV abort(-215)`))).toBeUndefined();
    expect(unclearMessage({ path, status: 'pass' })).toBeUndefined();
  });
});

describe('judge', () => {
  it('counts codes, and lists files lost or missing from the results, and the slowest', () => {
    const verdict = judge(
      ['/a.pdf', '/b.png', '/c.pdf', '/d.pdf'],
      [
        { path: '/a.pdf', result: { path: '/a.pdf', status: 'pass' }, ms: 10 },
        { path: '/b.png', result: { path: '/b.png', status: 'error', error: { code: 'corrupt', message: 'is damaged' } }, ms: 30 },
        { path: '/c.pdf', lost: 'crash', ms: 5, cause: 'FormatError: Illegal character: 41' },
      ],
    );
    expect(verdict.codes).toEqual({ pass: 1, corrupt: 1, crash: 1, missing: 1 });
    expect(verdict.missing).toEqual(['/c.pdf: crash (FormatError: Illegal character: 41)', '/d.pdf: not in the report']);
    expect(verdict.worst).toEqual({ path: '/b.png', ms: 30 });
    expect(verdict.unclear).toEqual([]);
  });
});
