/**
 * Why a file could not be turned into pages. The CLI reports these per file and carries on with
 * the batch, so each code maps to something the user can act on.
 */
export type IngestErrorCode =
  | 'not-found'
  | 'unreadable'
  | 'unsupported-format'
  | 'corrupt'
  | 'encrypted'
  | 'too-large'
  | 'timeout'
  | 'empty';

export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    readonly file: string,
    /** What is wrong and, when the user can do something about it, what to do. */
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${problem}`, options);
    this.name = 'IngestError';
  }
}

/** The decoder's own words, for the end of a message: they help when reporting a bug upstream. */
export function reason(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s+/g, ' ').trim();
}
