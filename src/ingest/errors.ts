import type { Lang } from '../types.ts';

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
  | 'too-complex'
  | 'timeout'
  | 'empty';

/** A message in each language a report is written in. */
export type Words = Readonly<Record<Lang, string>>;

export class IngestError extends Error {
  /**
   * What is wrong and, when the user can do something about it, what to do, in each report
   * language. Without the file's name: a report prints it beside the message.
   */
  readonly messages: Words;

  constructor(
    readonly code: IngestErrorCode,
    readonly file: string,
    problem: Words,
    options?: { cause?: unknown },
  ) {
    super(problem.en, options);
    this.name = 'IngestError';
    this.messages = problem;
  }
}

/** Longest stretch of a decoder's words kept in a message: past it they help nobody. */
const MAX_REASON = 200;

/**
 * The decoder's own words, for the end of a message: they help when reporting a bug upstream.
 * libvips names the file on every line and repeats a line per retry; the report names the file
 * already, so the path goes, and lines that differ only by their numbers count once.
 */
export function reason(err: unknown, path?: string): string {
  const raw = err instanceof Error ? err.message : typeof err === 'string' ? err : describe(err);
  const seen = new Set<string>();
  const lines: string[] = [];
  for (let line of raw.split(/\r?\n/)) {
    if (path) line = line.split(`${path}: `).join('').split(path).join('«file»');
    // pdf.js interpolates objects into some messages (« invalid object number in the ObjStm
    // stream: [object Object] »): the placeholder tells a reader nothing.
    line = line.replace(/:?\s*\[object \w+\]/g, '').replace(/\s+/g, ' ').trim();
    const shape = line.replace(/\d+/g, '#');
    if (!line || seen.has(shape)) continue;
    seen.add(shape);
    lines.push(line);
  }
  const text = lines.join('; ') || 'no details given';
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text;
}

/** A thrown value that is not an Error (pdf.js and WebAssembly glue throw plain objects). */
function describe(value: unknown): string {
  if (value && typeof value === 'object') {
    const { name, message } = value as { name?: unknown; message?: unknown };
    if (typeof message === 'string') return typeof name === 'string' ? `${name}: ${message}` : message;
    try {
      return JSON.stringify(value);
    } catch {
      return Object.prototype.toString.call(value);
    }
  }
  return value === undefined || value === null ? '' : String(value);
}
