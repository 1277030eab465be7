// What the fuzz test demands of the report on damaged files, whatever ran the checker.
import type { FileResult } from '../../src/types.ts';

/** One file's outcome: its report entry, or what happened instead. */
export interface FuzzOutcome {
  path: string;
  /** Absent when the file ended or stalled the process that checked it. */
  result?: Pick<FileResult, 'path' | 'status' | 'error'>;
  /** The process checking the file died (crash) or stopped making progress (hang). */
  lost?: 'crash' | 'hang';
  ms: number;
  /** The cause of a crash, as the dying process printed it. */
  cause?: string;
}

export interface FuzzVerdict {
  files: number;
  /** Report codes ('pass', 'fail' or the error code) and how many files got each. */
  codes: Record<string, number>;
  /** Files with no report entry, each with why. */
  missing: string[];
  /** Messages a partner cannot act on, each with its file. */
  unclear: string[];
  worst: { path: string; ms: number } | undefined;
  totalMs: number;
}

/**
 * An `internal` error is acceptable only with its cause in words; no message may print an object
 * as « [object Object] » or name the file more than once (the report shows the path beside it).
 */
export function unclearMessage(result: NonNullable<FuzzOutcome['result']>): string | undefined {
  const error = result.error;
  if (!error) return undefined;
  const message = error.message ?? '';
  if (!error.code) return 'no error code';
  if (message.trim() === '') return 'an empty message';
  if (/\[object \w+\]|\bundefined\b|\bnull\b/.test(message)) return `a message with a value in it: ${message}`;
  if (message.split(result.path).length > 2) return `the path repeated: ${message}`;
  if (error.code === 'internal' && !/:\s*\S/.test(message.replace(`${result.path}: `, ''))) return `an internal error without its cause: ${message}`;
  return undefined;
}

export function judge(expected: string[], outcomes: FuzzOutcome[]): FuzzVerdict {
  const byPath = new Map(outcomes.map((o) => [o.path, o]));
  const codes: Record<string, number> = {};
  const missing: string[] = [];
  const unclear: string[] = [];
  let worst: FuzzVerdict['worst'];
  let totalMs = 0;
  for (const path of expected) {
    const outcome = byPath.get(path);
    if (!outcome?.result) {
      missing.push(`${path}: ${outcome?.lost ?? 'not in the report'}${outcome?.cause ? ` (${outcome.cause})` : ''}`);
      codes[outcome?.lost ?? 'missing'] = (codes[outcome?.lost ?? 'missing'] ?? 0) + 1;
      continue;
    }
    const code = outcome.result.error?.code ?? outcome.result.status;
    codes[code] = (codes[code] ?? 0) + 1;
    const problem = unclearMessage(outcome.result);
    if (problem) unclear.push(`${path}: ${problem}`);
    totalMs += outcome.ms;
    if (!worst || outcome.ms > worst.ms) worst = { path, ms: outcome.ms };
  }
  return { files: expected.length, codes, missing, unclear, worst, totalMs };
}
