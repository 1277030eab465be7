// What the CLI needs from the rest of logo-check, declared here so tests can hand in fakes and so
// the CLI type-checks before src/check.ts and src/ingest/index.ts exist. The shapes mirror theirs.
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import type { CheckOptions, FileResult } from '../types.ts';
import type { PoolOptions } from '../batch/pool.ts';

export interface Checker {
  checkFile(path: string): Promise<FileResult>;
  close(): Promise<void>;
}

/** Checks files `pool.jobs` at a time; checkFile may be called that many times at once. */
export type CreateChecker = (options: CheckOptions, pool: PoolOptions) => Promise<Checker>;

/** Ctrl-C and SIGTERM while a batch runs: `signal` aborts; `dispose` gives the signals back. */
export interface Interruption {
  signal: AbortSignal;
  dispose(): void;
}

export interface InputProblem {
  path: string;
  /** `messages`, when given, in each report language (ingest's IngestError); `message` otherwise. */
  error: { code: string; message: string; messages?: Readonly<Record<'fr' | 'en', string>> };
}

export type ExpandInputs = (paths: string[]) => Promise<{ files: string[]; problems: InputProblem[] }>;

/** The part of a stream the CLI writes to; isTTY decides colours and the progress bar. */
export interface Output {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface MainDeps {
  createChecker?: CreateChecker;
  expandInputs?: ExpandInputs;
  stdout?: Output;
  stderr?: Output;
  /** For NO_COLOR / FORCE_COLOR; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Defaults to the process's SIGINT and SIGTERM. */
  interruption?: () => Interruption;
  /** Where settings, the baseline and globs are looked for; defaults to process.cwd(). */
  cwd?: string;
}

export interface ResolvedDeps {
  createChecker: CreateChecker;
  expandInputs: ExpandInputs;
  stdout: Output;
  stderr: Output;
  env: Record<string, string | undefined>;
  interruption: () => Interruption;
  cwd: string;
}

// Non-literal specifiers keep tsc from resolving modules other engineers are still writing; they
// are loaded only when a run needs them, so `artwork` and `charter` work without them.
const POOL_MODULE = '../batch/pool.ts';
// Finding the files needs neither the decoders nor sharp: the main thread does not load them.
const INGEST_MODULE = '../ingest/expand.ts';

export function resolveDeps(deps: MainDeps = {}): ResolvedDeps {
  return {
    createChecker:
      deps.createChecker ??
      (async (options, pool) => {
        compileInPlaceWhenCoresAreFull(pool.jobs);
        return ((await import(POOL_MODULE)) as { createPoolChecker: CreateChecker }).createPoolChecker(options, pool);
      }),
    expandInputs:
      deps.expandInputs ??
      (async (paths) => ((await import(INGEST_MODULE)) as { expandInputs: ExpandInputs }).expandInputs(paths)),
    stdout: deps.stdout ?? process.stdout,
    stderr: deps.stderr ?? process.stderr,
    env: deps.env ?? process.env,
    interruption: deps.interruption ?? processInterruption,
    cwd: deps.cwd ?? process.cwd(),
  };
}

/**
 * V8 optimises hot functions on background threads while the function goes on unoptimised. With
 * a worker on every core those threads find no idle core: the functions wait longer unoptimised
 * and the compiling costs as much anyway (each worker compiles its own code). Compiling on the
 * worker's own thread gets optimised code sooner: 11–17 % less CPU for the same files with
 * --jobs 2 on 2 cores (test/bench/batch.ts). A V8 flag is process-wide and read when an isolate
 * starts, so it is set before the pool's workers exist; with a core to spare it is left alone.
 */
function compileInPlaceWhenCoresAreFull(jobs: number): void {
  if (jobs >= availableParallelism()) setFlagsFromString('--no-concurrent-recompilation');
}

/**
 * The first Ctrl-C or SIGTERM stops the batch, which then writes what finished; the handlers are
 * removed at once, so a second Ctrl-C ends the process the usual way. A reader of the standard
 * output that goes away (`logo-check --format jsonl … | head`) stops it too, as SIGPIPE would.
 */
function processInterruption(): Interruption {
  const controller = new AbortController();
  const onSignal = () => {
    dispose();
    controller.abort();
  };
  const onStdoutError = (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') onSignal();
  };
  const dispose = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  ignoreClosedStdout();
  process.stdout.on('error', onStdoutError);
  return {
    signal: controller.signal,
    dispose: () => {
      dispose();
      process.stdout.off('error', onStdoutError);
    },
  };
}

let stdoutGuarded = false;
/** Nobody reads what is written after the reader went: dropped, rather than a crash with a stack. */
function ignoreClosedStdout(): void {
  if (stdoutGuarded) return;
  stdoutGuarded = true;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
  });
}
