import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { trianglesPdf } from '../../test/batch/triangles.ts';
import { loadCharter } from '../charter/load.ts';
import { MAX_PAGE_OPERATIONS } from '../ingest/pdf.ts';
import type { FileResult } from '../types.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import { createPoolChecker, poolError, RETIRE_AFTER_PIXELS } from './pool.ts';

const FLYER = join(import.meta.dirname, '../../samples/flyer-conforme.png');
const BROCHURE = join(import.meta.dirname, '../../samples/brochure-2010.pdf');

describe('a pool of checkers in worker threads', () => {
  it(
    'reports a vector-heavy page past the memory limit as out-of-memory, replaces the worker and checks the next file',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'logo-check-pool-'));
      const heavy = join(dir, 'triangles.pdf');
      // Under MAX_PAGE_OPERATIONS (two operations a triangle), over what a 64 MB heap holds.
      await writeFile(heavy, await trianglesPdf(120_000));
      const checker = await createPoolChecker({ charter: await loadCharter(), lang: 'en', limits: { memoryMb: 64 } }, { jobs: 1 });
      try {
        const first = await checker.checkFile(heavy);
        expect(first).toMatchObject({ path: heavy, status: 'error', error: { code: 'out-of-memory' } });
        expect(first.error!.message).toContain('more than 64 MB');
        const next = await checker.checkFile(FLYER);
        expect(next).toMatchObject({ path: FLYER, status: 'pass' });
        expect(next.pages[0].logos).toHaveLength(1);
      } finally {
        await checker.close();
      }
    },
    120_000,
  );

  it(
    'refuses a page of a million vector triangles as too-complex within the default limits, in a worker that lives on',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'logo-check-pool-'));
      const heavy = join(dir, 'million-triangles.pdf');
      await writeFile(heavy, await trianglesPdf(1_000_000));
      const checker = await createPoolChecker({ charter: await loadCharter(), lang: 'fr' }, { jobs: 1 });
      try {
        const before = process.memoryUsage.rss();
        let peak = before;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
        const first = await checker.checkFile(heavy).finally(() => clearInterval(sampler));
        // The worker's own error, not its death (out-of-memory, internal).
        expect(first).toMatchObject({ path: heavy, status: 'error', error: { code: 'too-complex' } });
        expect(first.error!.message).toMatch(new RegExp(`^Le fichier a plus de ${MAX_PAGE_OPERATIONS.toLocaleString('fr')} opérations de dessin`));
        console.log(`million triangles: process RSS ${mib(before)} MiB before, ${mib(peak)} MiB at its peak`);
        // Uncapped, the page's two million operations alone fill the worker's 1024 MB heap.
        expect(peak - before).toBeLessThan(DEFAULT_LIMITS.memoryMb * 2 ** 20);
        const next = await checker.checkFile(FLYER);
        expect(next).toMatchObject({ path: FLYER, status: 'pass' });
      } finally {
        await checker.close();
      }
    },
    120_000,
  );

  it(
    'loads pdf.js in a worker without tsx rewriting it, which would cost the worker about 400 MB',
    async () => {
      const checker = await createPoolChecker({ charter: await loadCharter(), lang: 'en' }, { jobs: 1 });
      try {
        const before = process.memoryUsage.rss();
        let peak = before;
        const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
        const result = await checker.checkFile(BROCHURE).finally(() => clearInterval(sampler));
        expect(result.pages).toHaveLength(3);
        console.log(`brochure: process RSS ${mib(before)} MiB before, ${mib(peak)} MiB at its peak`);
        expect(peak - before).toBeLessThan(300 * 2 ** 20);
      } finally {
        await checker.close();
      }
    },
    120_000,
  );

  it(
    'stops a file past --timeout with code timeout, counted from when a worker takes it, and keeps going',
    async () => {
      const checker = await createPoolChecker({ charter: await loadCharter(), lang: 'fr', limits: { timeoutMs: 20 } }, { jobs: 2 });
      try {
        // Both files: the second runs on a worker that replaced the first one's.
        const results = await Promise.all([checker.checkFile(BROCHURE), checker.checkFile(BROCHURE), checker.checkFile(FLYER)]);
        for (const result of results) expect(result.error?.code).toBe('timeout');
        expect(results[0].error!.message).toMatch(/^L'analyse a duré plus de 20 ms et a été arrêtée/);
      } finally {
        await checker.close();
      }
    },
    120_000,
  );

  it(
    'replaces a worker after a page over RETIRE_AFTER_PIXELS, so OpenCV\'s grown memory goes with it',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'logo-check-pool-'));
      const photo = join(dir, 'photo-40mp.jpg');
      const flyer = await sharp(FLYER).resize({ width: 3000 }).toBuffer();
      await sharp({ create: { width: 7300, height: 5480, channels: 3, background: '#f4f1ea' } })
        .composite([{ input: flyer, left: 2100, top: 1200 }])
        .jpeg()
        .toFile(photo);
      const checker = await createPoolChecker({ charter: await loadCharter(), lang: 'en' }, { jobs: 1 });
      try {
        const before = process.memoryUsage.rss();
        const result = await checker.checkFile(photo);
        expect(result.pages[0].width * result.pages[0].height).toBeGreaterThan(RETIRE_AFTER_PIXELS);
        expect(result.status).toBe('pass');
        // Kept, the worker would hold ~500 MB of WebAssembly memory for the rest of the batch.
        expect(process.memoryUsage.rss() - before).toBeLessThan(200 * 2 ** 20);
        expect((await checker.checkFile(FLYER)).status).toBe('pass');
      } finally {
        await checker.close();
      }
    },
    120_000,
  );

  it(
    'gives a file waiting for a worker that cannot start an internal error naming why, after one more try, and ends',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'logo-check-pool-'));
      // A worker whose first start succeeds and every later one fails, as a replacement started
      // when the machine is out of memory or threads would.
      const worker = join(dir, 'starts-once.mjs');
      const starts = join(dir, 'starts');
      await writeFile(
        worker,
        [
          `import { appendFileSync, readFileSync } from 'node:fs';`,
          `appendFileSync(${JSON.stringify(starts)}, 'x');`,
          `if (readFileSync(${JSON.stringify(starts)}, 'utf8').length > 1) throw new Error('out of threads');`,
          `export { default } from ${JSON.stringify(new URL('./worker.mjs', import.meta.url).href)};`,
        ].join('\n'),
      );
      const checker = await createPoolChecker({ charter: await loadCharter(), lang: 'en', limits: { timeoutMs: 20 } }, { jobs: 1, worker });
      try {
        // The first file's timeout ends the only worker; its replacement fails to start.
        const first = await checker.checkFile(BROCHURE);
        expect(first.error?.code).toBe('timeout');
        const second = await Promise.race([checker.checkFile(FLYER), sleep(30_000).then(() => 'still waiting after 30 s')]);
        expect(second).toMatchObject({ path: FLYER, status: 'error', error: { code: 'internal' } });
        expect((second as FileResult).error!.message).toContain('(WorkerStartError: no worker thread could start to check it (out of threads))');
        // The first worker, its replacement, and one more for the file handed back.
        expect(await readFile(starts, 'utf8')).toBe('xxx');
      } finally {
        await checker.close();
      }
    },
    60_000,
  );

  it('fails to start with the worker\'s own reason when the options are wrong', async () => {
    const charter = await loadCharter();
    await expect(createPoolChecker({ charter, lang: 'fr', medium: 'tv' }, { jobs: 1 })).rejects.toThrow('unknown medium "tv"');
  }, 60_000);
});

const mib = (bytes: number) => Math.round(bytes / 2 ** 20);

describe('poolError', () => {
  it.each([
    ['a time limit', new Error('The task has been aborted'), true, 'timeout'],
    ['a full heap', Object.assign(new Error('Worker terminated due to reaching memory limit: JS heap out of memory'), { code: 'ERR_WORKER_OUT_OF_MEMORY' }), false, 'out-of-memory'],
    ['a worker that exited', new Error('worker exited with code: 7'), false, 'internal'],
    ['a WebAssembly abort', Object.assign(new Error('Aborted(OOM)'), { name: 'RuntimeError' }), false, 'internal'],
  ])('turns %s into code %s', (_, err, timedOut, code) => {
    expect(poolError(err, timedOut, DEFAULT_LIMITS, 'en').code).toBe(code);
  });

  it('keeps the cause of an internal error, whatever was thrown', () => {
    expect(poolError(Object.assign(new Error('Aborted(OOM)'), { name: 'RuntimeError' }), false, DEFAULT_LIMITS, 'en').message).toContain('(RuntimeError: Aborted(OOM))');
    expect(poolError({ reason: 'odd' }, false, DEFAULT_LIMITS, 'en').message).toContain('({"reason":"odd"})');
  });
});
