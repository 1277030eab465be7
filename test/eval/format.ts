// Text tables of an Evaluation: a summary per capture condition, right counts per class and
// condition, subtle variants, per-rule precision and recall, and the misses grouped by condition.
import type { Counts, Evaluation, Scores } from './evaluate.ts';

const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)} %` : '—');
const ratio = (c: Counts | undefined) => (c && c.logos ? `${c.right}/${c.logos}` : '·');
const pad = (s: string | number, n: number) => String(s).padStart(n);

const columns = (ev: Evaluation) => [...Object.keys(ev.conditions)].sort(byConditionOrder);

const ORDER = ['clean', 'scan', 'web', 'small', 'cut', 'photo'];
const byConditionOrder = (a: string, b: string) => (ORDER.indexOf(a) + 1 || 99) - (ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b);

function summaryRow(name: string, s: Scores): string {
  return [
    name.padEnd(10),
    pad(s.files, 6),
    pad(s.fileErrors.length, 7),
    pad(s.logos, 6),
    pad(s.detected, 6),
    pad(pct(s.detected, s.logos), 8),
    pad(s.falsePositives.length, 5),
    pad(`${s.compliant.right}/${s.compliant.logos}`, 9),
    pad(pct(s.compliant.right, s.compliant.logos), 8),
    pad(`${s.violations.right}/${s.violations.logos}`, 9),
    pad(pct(s.violations.right, s.violations.logos), 8),
    pad(s.unsure, 6),
    pad(s.belowFloor.logos ? `${s.belowFloor.found}/${s.belowFloor.logos}` : '·', 8),
  ].join(' ');
}

/** One row per condition and overall: files, unreadable, logos, detected, recall, false positives, compliant passed, violations right, logos with an unverifiable warning, logos under the 100 px floor found (left out of the other columns). */
export function formatSummary(ev: Evaluation): string {
  const head = `${'condition'.padEnd(10)} ${pad('files', 6)} ${pad('unread', 7)} ${pad('logos', 6)} ${pad('found', 6)} ${pad('recall', 8)} ${pad('FP', 5)} ${pad('compliant', 9)} ${pad('pass', 8)} ${pad('violation', 9)} ${pad('right', 8)} ${pad('unsure', 6)} ${pad('<100 px', 8)}`;
  return [head, ...columns(ev).map((c) => summaryRow(c, ev.conditions[c])), summaryRow('overall', ev)].join('\n');
}

/** Right / logos for each class (rows) in each condition (columns). */
export function formatClassTable(ev: Evaluation): string {
  const conds = columns(ev);
  const classes = Object.keys(ev.classes).sort();
  const lines = [`${'class'.padEnd(20)} ${conds.map((c) => pad(c, 7)).join(' ')} ${pad('overall', 8)}`];
  for (const id of classes) lines.push(`${id.padEnd(20)} ${conds.map((c) => pad(ratio(ev.conditions[c].classes[id]), 7)).join(' ')} ${pad(ratio(ev.classes[id]), 8)}`);
  return lines.join('\n');
}

/** Subtle variants: right / logos per condition. */
export function formatSubtle(ev: Evaluation): string {
  const conds = columns(ev);
  const modes = Object.keys(ev.subtle).sort();
  if (!modes.length) return '';
  const lines = [`${'subtle'.padEnd(20)} ${conds.map((c) => pad(c, 7)).join(' ')} ${pad('overall', 8)}  found`];
  for (const m of modes) {
    lines.push(`${m.padEnd(20)} ${conds.map((c) => pad(ratio(ev.conditions[c].subtle[m]), 7)).join(' ')} ${pad(ratio(ev.subtle[m]), 8)}  ${ev.subtle[m].found}`);
  }
  return lines.join('\n');
}

/** Per rule overall (tp, fp, fn, precision, recall), then precision/recall per condition. */
export function formatRules(ev: Evaluation): string {
  const conds = columns(ev);
  const pr = (r: Scores['rules'][string] | undefined) => {
    if (!r) return '·';
    const p = r.tp + r.fp ? Math.round((100 * r.tp) / (r.tp + r.fp)) : '–';
    const q = r.tp + r.fn ? Math.round((100 * r.tp) / (r.tp + r.fn)) : '–';
    return `${p}/${q}`;
  };
  const lines = [`${'rule'.padEnd(16)} ${pad('tp', 4)} ${pad('fp', 4)} ${pad('fn', 4)} ${pad('precision', 9)} ${pad('recall', 7)}   P/R % ${conds.map((c) => pad(c, 7)).join(' ')}`];
  for (const [id, r] of Object.entries(ev.rules).sort()) {
    lines.push(
      `${id.padEnd(16)} ${pad(r.tp, 4)} ${pad(r.fp, 4)} ${pad(r.fn, 4)} ${pad(pct(r.tp, r.tp + r.fp), 9)} ${pad(pct(r.tp, r.tp + r.fn), 7)}         ${conds.map((c) => pad(pr(ev.conditions[c].rules[id]), 7)).join(' ')}`,
    );
  }
  return lines.join('\n');
}

export function formatEvaluation(ev: Evaluation): string {
  return [formatSummary(ev), formatClassTable(ev), formatSubtle(ev), formatRules(ev)].filter(Boolean).join('\n\n');
}

/** Misses, false positives and unreadable files, grouped by condition. */
export function formatMisses(ev: Evaluation): string {
  const out: string[] = [];
  for (const c of columns(ev)) {
    const s = ev.conditions[c];
    const misses = Object.entries(s.classes).flatMap(([id, k]) => k.misses.map((m) => `${id}: ${m}`));
    if (!misses.length && !s.falsePositives.length && !s.fileErrors.length) continue;
    out.push(`${c}:`);
    out.push(...misses.map((m) => `  ${m}`));
    out.push(...s.falsePositives.map((f) => `  false positive: ${f.path} p${f.page} [${f.bbox.map(Math.round)}]`));
    out.push(...s.fileErrors.map((e) => `  unreadable: ${e}`));
  }
  return out.join('\n');
}
