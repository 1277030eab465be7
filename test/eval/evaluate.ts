// Scores the checker on a generated set: detection recall and false positives, per-class accuracy
// ("the violation is reported with the right rule", "a compliant logo passes"), and per-rule
// precision and recall over logos. Pure bookkeeping over FileResults and the set's manifest.
import type { BBox, FileResult, Finding } from '../../src/types.ts';
import type { Manifest, ManifestFile } from '../synth/generate.ts';

export interface Evaluation {
  files: number;
  fileErrors: string[];
  logos: number;
  detected: number;
  /** Detections matching no ground-truth logo, with where they were. */
  falsePositives: Array<{ path: string; page: number; bbox: BBox }>;
  /** Per violation class: logos, found, judged right. */
  classes: Record<string, { logos: number; found: number; right: number; misses: string[] }>;
  /** Per rule: over found logos (and files for document rules). */
  rules: Record<string, { tp: number; fp: number; fn: number }>;
}

const iou = (a: BBox, b: BBox) => {
  const x = Math.max(0, Math.min(a[0] + a[2], b[0] + b[2]) - Math.max(a[0], b[0]));
  const y = Math.max(0, Math.min(a[1] + a[3], b[1] + b[3]) - Math.max(a[1], b[1]));
  return (x * y) / (a[2] * a[3] + b[2] * b[3] - x * y);
};

/** Rules a user is told about: errors and warnings, not waived notes. */
export const reportedRules = (findings: Finding[]) => new Set(findings.filter((f) => f.severity !== 'info').map((f) => f.rule));

export function evaluate(manifest: Manifest, results: Map<string, FileResult>): Evaluation {
  const ev: Evaluation = { files: 0, fileErrors: [], logos: 0, detected: 0, falsePositives: [], classes: {}, rules: {} };
  const rule = (id: string) => (ev.rules[id] ??= { tp: 0, fp: 0, fn: 0 });
  const tally = (expected: Iterable<string>, reported: Set<string>) => {
    const want = new Set(expected);
    for (const id of want) reported.has(id) ? rule(id).tp++ : rule(id).fn++;
    for (const id of reported) if (!want.has(id)) rule(id).fp++;
  };
  for (const file of manifest.files) {
    ev.files++;
    const result = results.get(file.path);
    if (!result || result.error) {
      ev.fileErrors.push(`${file.path}: ${result?.error?.message ?? 'not checked'}`);
      continue;
    }
    scoreFile(file, result, ev, tally);
    tally(file.expectedFileRules, reportedRules(result.findings));
  }
  return ev;
}

function scoreFile(file: ManifestFile, result: FileResult, ev: Evaluation, tally: (e: Iterable<string>, r: Set<string>) => void) {
  for (const page of result.pages) {
    const truths = file.logos.filter((l) => l.page === page.page);
    const used = new Set<number>();
    for (const truth of truths) {
      ev.logos++;
      const cls = (ev.classes[truth.violation] ??= { logos: 0, found: 0, right: 0, misses: [] });
      cls.logos++;
      let best = -1;
      let bestIou = 0.4;
      page.logos.forEach((logo, i) => {
        const v = iou(logo.bbox, truth.bbox);
        if (!used.has(i) && v > bestIou) [best, bestIou] = [i, v];
      });
      if (best < 0) {
        cls.misses.push(`${file.path} p${page.page}: not found`);
        continue;
      }
      used.add(best);
      ev.detected++;
      cls.found++;
      const reported = reportedRules(page.logos[best].findings);
      const expected = new Set(truth.expectedRules);
      // Right means: the expected rules fire, and nothing else of error severity.
      const errors = new Set(page.logos[best].findings.filter((f) => f.severity === 'error').map((f) => f.rule));
      const right = [...expected].every((r) => reported.has(r)) && [...errors].every((r) => expected.has(r));
      if (right) cls.right++;
      else cls.misses.push(`${file.path} p${page.page}: expected [${[...expected]}] got [${[...reported]}]`);
      tally(expected, reported);
    }
    page.logos.forEach((logo, i) => {
      if (!used.has(i)) ev.falsePositives.push({ path: file.path, page: page.page, bbox: logo.bbox });
    });
  }
}

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '—');

export function formatEvaluation(ev: Evaluation): string {
  const lines = [
    `files ${ev.files}, unreadable ${ev.fileErrors.length}; logos ${ev.logos}, detected ${ev.detected} (recall ${pct(ev.detected, ev.logos)}); false positives ${ev.falsePositives.length}`,
    '',
    'class                      logos  found   right',
  ];
  for (const [id, c] of Object.entries(ev.classes).sort()) {
    lines.push(`${id.padEnd(26)} ${String(c.logos).padStart(5)}  ${pct(c.found, c.logos).padStart(7)} ${pct(c.right, c.logos).padStart(7)}`);
  }
  lines.push('', 'rule               tp   fp   fn  precision  recall');
  for (const [id, r] of Object.entries(ev.rules).sort()) {
    lines.push(`${id.padEnd(16)} ${String(r.tp).padStart(4)} ${String(r.fp).padStart(4)} ${String(r.fn).padStart(4)}  ${pct(r.tp, r.tp + r.fp).padStart(9)} ${pct(r.tp, r.tp + r.fn).padStart(7)}`);
  }
  return lines.join('\n');
}
