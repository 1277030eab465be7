// The fuzz test in CI: a few hundred damaged files through ingest, a few dozen through the real
// checker, every one accounted for in bounded time. `npm run fuzz` runs the full set.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCharter } from '../../src/charter/load.ts';
import { createChecker } from '../../src/check.ts';
import { IngestError, openDocument } from '../../src/ingest/index.ts';
import { reason } from '../../src/ingest/errors.ts';
import { fuzzSources, writeFuzzSet, type FuzzCase } from './fuzz-set.ts';
import { judge, type FuzzOutcome, type FuzzVerdict } from './verdict.ts';

const INGEST_FILES = 300;
const CHECKER_FILES = 40;
/** Low resolution: the damage is in the bytes; pixels only cost time. */
const DPI = 36;
/** Pages rendered per file through ingest: the damage shows on the first ones or at opening. */
const PAGES = 2;
/** Far above any file's time on this machine (the slowest takes about 1.5 s), far below a hang. */
const FILE_LIMIT_MS = 30_000;

let dir: string;
let sources: string[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logo-check-fuzz-test-'));
  sources = (await fuzzSources()).files;
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Settles with the outcome of `work`, or as a hang once FILE_LIMIT_MS have passed. */
async function bounded(path: string, work: () => Promise<FuzzOutcome['result']>): Promise<FuzzOutcome> {
  const began = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), FILE_LIMIT_MS)));
  try {
    const result = await Promise.race([work(), hang]);
    const ms = performance.now() - began;
    return result === 'hang' ? { path, lost: 'hang', ms } : { path, result, ms };
  } finally {
    clearTimeout(timer);
  }
}

function expectAllAccountedFor(cases: FuzzCase[], verdict: FuzzVerdict): void {
  expect(verdict.files).toBe(cases.length);
  expect(verdict.missing).toEqual([]);
  expect(verdict.unclear).toEqual([]);
}

describe('damaged files', () => {
  it(`${INGEST_FILES} open and render, or fail with an IngestError a partner can read`, async () => {
    const cases = await writeFuzzSet(join(dir, 'ingest'), sources, INGEST_FILES, 2);
    const outcomes: FuzzOutcome[] = [];
    for (const { path } of cases) {
      outcomes.push(
        await bounded(path, async () => {
          try {
            const doc = await openDocument(path, { dpi: DPI });
            try {
              for (let index = 1; index <= Math.min(PAGES, doc.pageCount); index++) await doc.renderPage(index);
            } finally {
              await doc.close();
            }
            return { path, status: 'pass' };
          } catch (err) {
            // Anything but an IngestError would reach the report as `internal`: a bug here.
            if (err instanceof IngestError) return { path, status: 'error', error: { code: err.code, message: err.messages.fr } };
            return { path, status: 'error', error: { code: 'internal', message: `not an IngestError: ${reason(err)}` } };
          }
        }),
      );
    }
    const verdict = judge(
      cases.map((c) => c.path),
      outcomes,
    );
    expectAllAccountedFor(cases, verdict);
    expect(verdict.codes.internal).toBeUndefined();
    // The set damages every kind of file every way: some must still open, some must not.
    expect(verdict.codes.pass).toBeGreaterThan(0);
    expect(verdict.codes.corrupt).toBeGreaterThan(0);
  }, 150_000);

  it(`${CHECKER_FILES} through the real checker: each file in the results, none internal without its cause`, async () => {
    const cases = await writeFuzzSet(join(dir, 'checker'), sources, CHECKER_FILES, 3);
    const checker = await createChecker({ charter: await loadCharter(), lang: 'fr', dpi: DPI });
    const outcomes: FuzzOutcome[] = [];
    try {
      for (const { path } of cases) outcomes.push(await bounded(path, () => checker.checkFile(path)));
    } finally {
      await checker.close();
    }
    expectAllAccountedFor(
      cases,
      judge(
        cases.map((c) => c.path),
        outcomes,
      ),
    );
  }, 150_000);
});
