// What the CLI needs from the rest of logo-check, declared here so tests can hand in fakes and so
// the CLI type-checks before src/check.ts and src/ingest/index.ts exist. The shapes mirror theirs.
import type { CheckOptions, FileResult } from '../types.ts';

export interface Checker {
  checkFile(path: string): Promise<FileResult>;
  close(): Promise<void>;
}

export type CreateChecker = (options: CheckOptions) => Promise<Checker>;

export interface InputProblem {
  path: string;
  error: { code: string; message: string };
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
}

export interface ResolvedDeps {
  createChecker: CreateChecker;
  expandInputs: ExpandInputs;
  stdout: Output;
  stderr: Output;
  env: Record<string, string | undefined>;
}

// Non-literal specifiers keep tsc from resolving modules other engineers are still writing; they
// are loaded only when a run needs them, so `artwork` and `charter` work without them.
const CHECK_MODULE = '../check.ts';
const INGEST_MODULE = '../ingest/index.ts';

export function resolveDeps(deps: MainDeps = {}): ResolvedDeps {
  return {
    createChecker:
      deps.createChecker ??
      (async (options) => ((await import(CHECK_MODULE)) as { createChecker: CreateChecker }).createChecker(options)),
    expandInputs:
      deps.expandInputs ??
      (async (paths) => ((await import(INGEST_MODULE)) as { expandInputs: ExpandInputs }).expandInputs(paths)),
    stdout: deps.stdout ?? process.stdout,
    stderr: deps.stderr ?? process.stderr,
    env: deps.env ?? process.env,
  };
}
