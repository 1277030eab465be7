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

/** What a problem is about: nearly always the file; for a path that is none, what it is. */
export type Subject = 'file' | 'folder' | 'link' | 'path';

const SUBJECTS: Record<Subject, Words> = {
  file: { en: 'The file', fr: 'Le fichier' },
  folder: { en: 'The folder', fr: 'Le dossier' },
  link: { en: 'The link', fr: 'Le lien' },
  path: { en: 'This path', fr: 'Ce chemin' },
};

export class IngestError extends Error {
  /**
   * What is wrong and, when the user can do something about it, what to do, in each report
   * language: a sentence, without the file's name, which a report prints beside it.
   */
  readonly messages: Words;

  /**
   * `problem` says what is wrong as a predicate of its subject (« est une image endommagée ;
   * exportez-la à nouveau », "does not exist; check the path"); the subject is put before it
   * here, so that every message reads as a sentence in both languages wherever it is shown.
   */
  constructor(
    readonly code: IngestErrorCode,
    readonly file: string,
    problem: Words,
    { subject = 'file', ...options }: { cause?: unknown; subject?: Subject } = {},
  ) {
    const messages = { en: sentence(SUBJECTS[subject].en, problem.en), fr: sentence(SUBJECTS[subject].fr, problem.fr) };
    super(messages.en, options);
    this.name = 'IngestError';
    this.messages = messages;
  }
}

function sentence(subject: string, predicate: string): string {
  const text = `${subject} ${predicate.trim()}`;
  return /[.!?…]$/.test(text) ? text : `${text}.`;
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
