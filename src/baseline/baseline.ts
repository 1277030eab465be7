// Known problems a team has accepted, so that a check fails only on new ones. Each entry keys a
// finding by what stays the same from one run to the next: the file (its bytes' hash, or its
// path when it was edited), the page, the rule, the element and where the logo sits on the page
// (as fractions of the page, so that another --dpi finds the same logo). Messages carry measured
// values that may move by a hair; they are kept for the reader only.
import { readFile } from 'node:fs/promises';
import { dirname, relative, resolve } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { effectiveSeverity } from '../report/summary.ts';
import type { FileResult, Finding } from '../types.ts';

export const BASELINE_FILE = 'logo-check-baseline.json';

/** How far (as a fraction of the page) a logo may have moved and still be the same logo. */
const SAME_PLACE = 0.02;

export interface BaselineEntry {
  /** Relative to the baseline file's folder, with forward slashes. */
  file: string;
  sha256?: string;
  /** 0 for a finding about the whole document. */
  page: number;
  rule: string;
  element?: string;
  /** Centre of the logo as fractions of the page's width and height. */
  logo?: [number, number];
  reason: string;
  /** The finding as worded when it was accepted. */
  message: string;
}

export interface Baseline {
  version: 1;
  entries: BaselineEntry[];
}

export class BaselineError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`baseline ${file} ${problem}`);
    this.name = 'BaselineError';
  }
}

/** A finding with where it was found, as the baseline keys it. */
interface Located {
  finding: Finding;
  page: number;
  logo?: [number, number];
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function located(result: FileResult): Located[] {
  const found: Located[] = result.findings.map((finding) => ({ finding, page: 0 }));
  for (const page of result.pages) {
    for (const logo of page.logos) {
      const [x, y, w, h] = logo.bbox;
      const centre: [number, number] = [round((x + w / 2) / page.width), round((y + h / 2) / page.height)];
      for (const finding of logo.findings) found.push({ finding, page: page.page, logo: centre });
    }
  }
  // Only what can fail a run or warn is worth accepting; notes change nothing.
  return found.filter(({ finding }) => effectiveSeverity(finding) !== 'info');
}

/** The path an entry names the file by: relative to the baseline's folder, forward slashes. */
export function entryPath(baselineFile: string, path: string, cwd: string): string {
  return relative(dirname(resolve(cwd, baselineFile)), resolve(cwd, path)).split('\\').join('/');
}

/** Today's findings as a baseline, each with the reason they are accepted. */
export function baselineOf(results: FileResult[], reason: string, pathOf: (path: string) => string): Baseline {
  const entries = results.flatMap((result) =>
    located(result).map(({ finding, page, logo }) => ({
      file: pathOf(result.path),
      ...(result.receipt?.sha256 && { sha256: result.receipt.sha256 }),
      page,
      rule: finding.rule,
      ...(finding.element !== undefined && { element: finding.element }),
      ...(logo && { logo }),
      reason,
      message: finding.message,
    })),
  );
  return { version: 1, entries };
}

function sameFile(entry: BaselineEntry, file: string, sha256: string | undefined): boolean {
  return (entry.sha256 !== undefined && entry.sha256 === sha256) || entry.file === file;
}

function sameFinding(entry: BaselineEntry, { finding, page, logo }: Located): boolean {
  if (entry.page !== page || entry.rule !== finding.rule || entry.element !== finding.element) return false;
  if (!entry.logo || !logo) return entry.logo === logo;
  return Math.abs(entry.logo[0] - logo[0]) <= SAME_PLACE && Math.abs(entry.logo[1] - logo[1]) <= SAME_PLACE;
}

export interface Suppression {
  /** The results without the findings the baseline accepts. */
  results: FileResult[];
  suppressed: number;
  /** Entries about files of this run that no longer occur: they can be pruned. */
  stale: BaselineEntry[];
}

/** Removes accepted findings; each entry accepts one finding, so a second identical problem is new. */
export function applyBaseline(baseline: Baseline, results: FileResult[], pathOf: (path: string) => string): Suppression {
  const used = new Set<BaselineEntry>();
  const checked = new Set<BaselineEntry>();
  let suppressed = 0;
  const kept = results.map((result) => {
    if (result.status === 'error' || result.error) return result;
    const file = pathOf(result.path);
    const sha256 = result.receipt?.sha256;
    const candidates = baseline.entries.filter((entry) => sameFile(entry, file, sha256));
    for (const entry of candidates) checked.add(entry);
    const accepted = new Set<Finding>();
    for (const item of located(result)) {
      const entry = candidates.find((e) => !used.has(e) && sameFinding(e, item));
      if (!entry) continue;
      used.add(entry);
      accepted.add(item.finding);
      suppressed++;
    }
    if (accepted.size === 0) return result;
    const keep = (findings: Finding[]) => findings.filter((f) => !accepted.has(f));
    return {
      ...result,
      findings: keep(result.findings),
      pages: result.pages.map((page) => ({ ...page, logos: page.logos.map((logo) => ({ ...logo, findings: keep(logo.findings) })) })),
    };
  });
  return { results: kept, suppressed, stale: [...checked].filter((entry) => !used.has(entry)) };
}

export async function readBaseline(file: string): Promise<Baseline> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new BaselineError(file, code ? `cannot be read (${code})` : `is not valid JSON: ${(err as Error).message}`);
  }
  const baseline = json as Partial<Baseline> | null;
  if (baseline?.version !== 1 || !Array.isArray(baseline.entries)) {
    throw new BaselineError(file, 'is not a logo-check baseline (expected { "version": 1, "entries": [...] }); write one with logo-check baseline');
  }
  baseline.entries.forEach((entry, i) => {
    if (typeof entry?.file !== 'string' || typeof entry.rule !== 'string' || typeof entry.page !== 'number') {
      throw new BaselineError(file, `entries.${i}: expected at least file, page and rule`);
    }
  });
  return baseline as Baseline;
}

export async function writeBaseline(file: string, baseline: Baseline): Promise<void> {
  await writeFileAtomic(file, JSON.stringify(baseline, null, 2) + '\n');
}
