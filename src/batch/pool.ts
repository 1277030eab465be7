// A checker that spreads files over a pool of worker threads (piscina), one file per worker at a
// time. A file that goes past its time or memory limit, or kills its worker, is reported as that
// file's error; piscina replaces the worker and the batch goes on.
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Checker } from '../cli/deps.ts';
import type { CheckOptions, FileError, FileResult, Lang } from '../types.ts';
import { causeOf, internalMessage, limitMessage, resolveLimits, type FileLimits } from './limits.ts';
import type { FileStarted, WorkerTask } from './worker-task.ts';

const WORKER = fileURLToPath(new URL('./worker.mjs', import.meta.url));

/**
 * OpenCV's WebAssembly memory grows to fit the largest page a worker has seen and never shrinks
 * (a 40-megapixel photo leaves about 500 MB behind). A worker that checked a page this large is
 * replaced, so that one big photo does not keep its memory for the rest of the batch.
 */
export const RETIRE_AFTER_PIXELS = 16e6;

export interface PoolOptions {
  /** Files checked at the same time, one worker thread each. */
  jobs: number;
  /** The module each worker thread runs: src/batch/worker.mjs, unless a test stands in for it. */
  worker?: string;
}

/** Why a file waiting for a worker was given up: none could start to take it. */
export class WorkerStartError extends Error {
  constructor(cause: unknown) {
    super(`no worker thread could start to check it (${cause === undefined ? 'it ended without a word' : causeOf(cause)})`, { cause });
    this.name = 'WorkerStartError';
  }
}

/** The abort reason of a file past its time limit. */
const TIMED_OUT = Symbol('timed out');

/** Raised by checkFile for a file the pool was closed on: it was not checked, through no fault of its own. */
export class PoolClosedError extends Error {
  constructor(path: string) {
    super(`${path}: not checked, the batch was stopped`);
    this.name = 'PoolClosedError';
  }
}

export async function createPoolChecker(options: CheckOptions, { jobs, worker = WORKER }: PoolOptions): Promise<Checker> {
  const limits = resolveLimits(options.limits);
  const pool = new Piscina<WorkerTask, FileResult | null>({
    filename: worker,
    minThreads: jobs,
    maxThreads: jobs,
    idleTimeout: Number.POSITIVE_INFINITY,
    concurrentTasksPerWorker: 1,
    // An idle worker blocked in Atomics.wait would also block its own start (OpenCV, OCR).
    atomics: 'disabled',
    // Catches pages whose drawing operators fill the JavaScript heap; rasters are typed arrays
    // outside it, bounded by limits.maxPixels instead.
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
    workerData: { options },
  });
  const startTimers = new Map<number, (thread: number) => void>();
  pool.on('message', (message: unknown) => {
    const { started, thread } = (message ?? {}) as Partial<FileStarted>;
    if (typeof started === 'number' && typeof thread === 'number') startTimers.get(started)?.(thread);
  });
  let closed = false;
  /** Files handed to piscina that no worker has taken yet, by id, each with its way to be stopped. */
  const waiting = new Map<number, AbortController>();
  /** What the last worker that died between files said; for one that failed to start, why. */
  let lastWorkerError: unknown;
  // A worker that dies between files has nobody's file to blame; piscina replaces it — unless it
  // died while starting: then piscina starts no other until it is given a new file, and files
  // already waiting would wait forever. They are stopped, and checkFile hands each one back once.
  pool.on('error', (err: unknown) => (lastWorkerError = err));
  pool.on('workerCreate', () => (lastWorkerError = undefined));
  pool.on('workerDestroy', () => setImmediate(() => {
    if (closed || pool.threads.length > 0) return;
    const failure = new WorkerStartError(lastWorkerError);
    for (const stop of waiting.values()) stop.abort(failure);
  }));

  try {
    await pool.run({ kind: 'ready' });
  } catch (err) {
    await pool.destroy();
    throw new Error(causeOf(err));
  }

  let nextId = 0;

  /** Workers ended by `retire`; a file handed to one as it went is checked again, not blamed. */
  let retirements = 0;

  async function checkFile(path: string, retried = false): Promise<FileResult> {
    const id = ++nextId;
    const retirementsBefore = retirements;
    const stop = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    let thread: number | undefined;
    waiting.set(id, stop);
    startTimers.set(id, (startedOn) => {
      waiting.delete(id);
      thread = startedOn;
      timer = setTimeout(() => stop.abort(TIMED_OUT), limits.timeoutMs);
    });
    try {
      const result = await pool.run({ kind: 'file', id, path }, { signal: stop.signal });
      if (!result) throw new Error('the worker returned no result');
      if (thread !== undefined && largestPage(result) > RETIRE_AFTER_PIXELS) await retire(thread);
      return result;
    } catch (err) {
      if (closed) throw new PoolClosedError(path);
      const reason: unknown = stop.signal.reason;
      const timedOut = reason === TIMED_OUT;
      const caughtInRetirement = !timedOut && retirements > retirementsBefore && /worker exited/.test(causeOf(err));
      // Handed back, piscina starts a worker for it: a failed start may have been passing.
      if (!retried && (caughtInRetirement || reason instanceof WorkerStartError)) return checkFile(path, true);
      const error = poolError(reason instanceof WorkerStartError ? reason : err, timedOut, limits, options.lang);
      return { path, status: 'error', error, pages: [], findings: [] };
    } finally {
      clearTimeout(timer);
      startTimers.delete(id);
      waiting.delete(id);
    }
  }

  /**
   * Ends a worker; piscina starts another. Its exit is awaited before the file's result is given
   * back, so the batch's next file goes to another worker; a file piscina had already handed it
   * (one waiting for a worker) fails with "worker exited" and is checked again by checkFile.
   */
  async function retire(thread: number): Promise<void> {
    const worker = pool.threads.find((w) => w.threadId === thread);
    if (!worker) return;
    retirements++;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    await worker.terminate();
    await exited;
  }

  return {
    checkFile,
    async close() {
      closed = true;
      // Terminates the workers, files in progress included: close is also how a batch stops.
      await pool.destroy();
    },
  };
}

function largestPage(result: FileResult): number {
  return Math.max(0, ...result.pages.map((page) => page.width * page.height));
}

/** Why the worker gave no result for a file, as the file's error. */
export function poolError(err: unknown, timedOut: boolean, limits: FileLimits, lang: Lang): FileError {
  if (timedOut) return { code: 'timeout', message: limitMessage('timeout', limits, lang) };
  if ((err as { code?: unknown } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return { code: 'out-of-memory', message: limitMessage('out-of-memory', limits, lang) };
  }
  return { code: 'internal', message: internalMessage(causeOf(err), lang) };
}
