// Test support: runs main with a fake checker and captured streams, the way a user would run it.
import type { CheckOptions, FileResult } from '../types.ts';
import type { InputProblem, MainDeps } from './deps.ts';
import { main } from './main.ts';

export interface Captured {
  chunks: string[];
  isTTY?: boolean;
  write(chunk: string): boolean;
  readonly text: string;
}

export function capture(isTTY = false): Captured {
  const chunks: string[] = [];
  return {
    chunks,
    isTTY,
    write(chunk: string) {
      chunks.push(chunk);
      return true;
    },
    get text() {
      return chunks.join('');
    },
  };
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Options the checker was created with; undefined when no checker was created. */
  options?: CheckOptions;
  /** Files the checker was told to check at a time. */
  jobs?: number;
  checked: string[];
  closed: number;
}

export interface FakeWorld {
  /** What checkFile returns per path; a function lets a test make it throw. */
  results?: Record<string, FileResult | (() => FileResult)>;
  problems?: InputProblem[];
  stdoutTTY?: boolean;
  stderrTTY?: boolean;
  env?: Record<string, string | undefined>;
  /** Interrupts the run (as Ctrl-C would) once this many files have been handed to the checker. */
  interruptAfter?: number;
}

export async function run(args: string[], world: FakeWorld = {}, extra: Partial<MainDeps> = {}): Promise<Run> {
  const stdout = capture(world.stdoutTTY);
  const stderr = capture(world.stderrTTY);
  const state: Pick<Run, 'options' | 'jobs' | 'checked' | 'closed'> = { checked: [], closed: 0 };
  const results = world.results ?? {};
  const interrupt = new AbortController();
  const code = await main(['node', 'logo-check', ...args], {
    stdout,
    stderr,
    env: world.env ?? {},
    expandInputs: async () => ({ files: Object.keys(results), problems: world.problems ?? [] }),
    interruption: () => ({ signal: interrupt.signal, dispose: () => undefined }),
    createChecker: async (options, pool) => {
      state.options = options;
      state.jobs = pool.jobs;
      return {
        async checkFile(path) {
          state.checked.push(path);
          if (state.checked.length === world.interruptAfter) interrupt.abort();
          const result = results[path];
          return typeof result === 'function' ? result() : structuredClone(result);
        },
        async close() {
          state.closed++;
        },
      };
    },
    ...extra,
  });
  return { code, stdout: stdout.text, stderr: stderr.text, ...state };
}
