// Scores the checker on a generated set: detection recall and false positives, compliant logos
// passed, violations judged right, per-class and per-rule figures, each overall and per capture
// condition (clean, scan, web, small, cut, photo) and per subtle variant. Pure bookkeeping over
// FileResults and the set's manifest; formatting is apart, in format.ts.
import { rules as ruleRegistry } from '../../src/rules/index.ts';
import type { BBox, FileResult, Finding } from '../../src/types.ts';
import type { Manifest, ManifestFile } from '../synth/generate.ts';
import type { GroundTruth } from '../synth/page.ts';

export interface Counts {
  logos: number;
  found: number;
  right: number;
}

export interface Scores {
  files: number;
  fileErrors: string[];
  logos: number;
  detected: number;
  /** Detections matching no ground-truth logo (logo-free files included), with where they were. */
  falsePositives: Array<{ path: string; page: number; bbox: BBox }>;
  /** Logos no error rule should fire on (min-size and clear-space are warnings): `right` when found with no error finding. */
  compliant: Counts;
  /** Logos some error rule should fire on: `right` when found, every expected rule reported and no other error. */
  violations: Counts;
  /** Per violation class: right means the expected rules fire and no other error does. */
  classes: Record<string, Counts & { misses: string[] }>;
  /** Per subtle variant (GroundTruth params.subtle), judged as its class. */
  subtle: Record<string, Counts>;
  /** Per rule: over found logos (and files for document rules). Rules that say what could not be checked (kind 'unverified') claim no breach and are counted in `unsure` instead. */
  rules: Record<string, { tp: number; fp: number; fn: number }>;
  /** Found logos with something reported as not checkable (an `unverified` warning). */
  unsure: number;
  /**
   * Logos narrower than FLOOR_PX in the file's pixels (a small page far off in a phone photo): under
   * the size the checker is built to judge, counted apart and left out of every other figure.
   */
  belowFloor: { logos: number; found: number };
}

/** Narrowest logo, in the file's pixels, the checker promises to find and judge (issue 5: from 100 px). */
export const FLOOR_PX = 100;

export interface Evaluation extends Scores {
  /** The same scores for the files of each capture condition. */
  conditions: Record<string, Scores>;
}

const emptyScores = (): Scores => ({
  files: 0,
  fileErrors: [],
  logos: 0,
  detected: 0,
  falsePositives: [],
  compliant: { logos: 0, found: 0, right: 0 },
  violations: { logos: 0, found: 0, right: 0 },
  classes: {},
  subtle: {},
  rules: {},
  unsure: 0,
  belowFloor: { logos: 0, found: 0 },
});

const iou = (a: BBox, b: BBox) => {
  const x = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
  const y = Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
  return (x * y) / (a[2] * a[3] + b[2] * b[3] - x * y);
};

/** Rules a user is told about: errors and warnings, not waived notes. */
export const reportedRules = (findings: Finding[]) => new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.rule));

const SEVERITY = new Map(ruleRegistry.map((r) => [r.meta.id, r.meta.severity]));
const isError = (rule: string) => SEVERITY.get(rule) === 'error';
const UNVERIFIED = new Set(ruleRegistry.filter((r) => r.meta.kind === 'unverified').map((r) => r.meta.id));

/** How the checker did on one logo of the ground truth. */
interface LogoOutcome {
  truth: GroundTruth;
  /** Rules reported on the matched detection, or null when no detection matched. */
  reported: Set<string> | null;
  right: boolean;
  miss?: string;
}

/** Matches detections to ground truth page by page (IoU > 0.4, best first) and judges each logo. */
function judgeFile(file: ManifestFile, result: FileResult): { outcomes: LogoOutcome[]; falsePositives: Scores['falsePositives'] } {
  const outcomes: LogoOutcome[] = [];
  const falsePositives: Scores['falsePositives'] = [];
  for (const page of result.pages) {
    const used = new Set<number>();
    for (const truth of file.logos.filter((l) => l.page === page.page)) {
      let best = -1;
      let bestIou = 0.4;
      page.logos.forEach((logo, i) => {
        const v = iou(logo.bbox, truth.bbox);
        if (!used.has(i) && v > bestIou) [best, bestIou] = [i, v];
      });
      if (best < 0) {
        outcomes.push({ truth, reported: null, right: false, miss: `${file.path} p${page.page}: not found` });
        continue;
      }
      used.add(best);
      const findings = page.logos[best].findings;
      const reported = reportedRules(findings);
      const expected = new Set(truth.expectedRules);
      // Right means: the expected rules fire, and nothing else of error severity.
      const errors = findings.filter((f) => f.severity === 'error').map((f) => f.rule);
      const right = [...expected].every((r) => reported.has(r)) && errors.every((r) => expected.has(r));
      outcomes.push({ truth, reported, right, ...(right ? {} : { miss: `${file.path} p${page.page}: expected [${[...expected]}] got [${[...reported]}]` }) });
    }
    page.logos.forEach((logo, i) => {
      if (!used.has(i)) falsePositives.push({ path: file.path, page: page.page, bbox: logo.bbox });
    });
  }
  return { outcomes, falsePositives };
}

function add(scores: Scores, file: ManifestFile, result: FileResult | undefined, judged: ReturnType<typeof judgeFile> | null): void {
  scores.files++;
  if (!judged || !result) {
    scores.fileErrors.push(`${file.path}: ${result?.error?.message ?? 'not checked'}`);
    return;
  }
  const rule = (id: string) => (scores.rules[id] ??= { tp: 0, fp: 0, fn: 0 });
  const tally = (expected: Iterable<string>, reported: Set<string>) => {
    const want = new Set(expected);
    for (const id of want) reported.has(id) ? rule(id).tp++ : rule(id).fn++;
    for (const id of reported) if (!want.has(id) && !UNVERIFIED.has(id)) rule(id).fp++;
  };
  for (const o of judged.outcomes) {
    const found = o.reported !== null;
    if (o.truth.bbox[2] < FLOOR_PX) {
      scores.belowFloor.logos++;
      if (found) scores.belowFloor.found++;
      continue;
    }
    const counts = [
      (scores.classes[o.truth.violation] ??= { logos: 0, found: 0, right: 0, misses: [] }),
      o.truth.expectedRules.some(isError) ? scores.violations : scores.compliant,
      ...(o.truth.params.subtle ? [(scores.subtle[o.truth.params.subtle] ??= { logos: 0, found: 0, right: 0 })] : []),
    ];
    for (const c of counts) {
      c.logos++;
      if (found) c.found++;
      if (o.right) c.right++;
    }
    scores.logos++;
    if (found) scores.detected++;
    if (o.miss) scores.classes[o.truth.violation].misses.push(o.miss);
    if (o.reported) tally(o.truth.expectedRules, o.reported);
    if (o.reported && [...o.reported].some((id) => UNVERIFIED.has(id))) scores.unsure++;
  }
  scores.falsePositives.push(...judged.falsePositives);
  tally(file.expectedFileRules, reportedRules(result.findings));
}

export function evaluate(manifest: Manifest, results: Map<string, FileResult>): Evaluation {
  const ev: Evaluation = { ...emptyScores(), conditions: {} };
  for (const file of manifest.files) {
    const result = results.get(file.path);
    const judged = result && !result.error ? judgeFile(file, result) : null;
    // Manifests written before conditions existed hold clean files only.
    const condition = file.condition ?? 'clean';
    add(ev, file, result, judged);
    add((ev.conditions[condition] ??= emptyScores()), file, result, judged);
  }
  return ev;
}
