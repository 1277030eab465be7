import type { Charter, Lang, Report } from '../types.ts';
import type { ReportVisuals } from './html-visuals.ts';

export interface FormatContext {
  /** ANSI colours; the caller decides from the TTY and NO_COLOR. Only the text format uses it. */
  color: boolean;
  /** Overrides report.options.lang. */
  lang?: Lang;
  /** Lets the text format name badges and media as the charter does instead of by id. */
  charter?: Charter;
  /** Pictures drawn from the files for the HTML report (see html-visuals.ts); the others ignore them. */
  visuals?: ReportVisuals;
  /** Absolute folder SARIF names files relative to (--base-dir); relative report paths are from the current folder. */
  baseDir?: string;
}

/** A formatter is pure: same report and context, same string (without a trailing newline). */
export type Formatter = (report: Report, ctx: FormatContext) => string;

/** The report formats; src/report/index.ts maps each to its formatter. */
export const FORMAT_NAMES = ['text', 'json', 'sarif', 'html', 'junit', 'csv'] as const;

export type FormatName = (typeof FORMAT_NAMES)[number];

/** Key of a logo's pictures in FileVisuals.logos: here, so the HTML formatter needs no image code. */
export const logoKey = (page: number, index: number): string => `${page}:${index}`;
