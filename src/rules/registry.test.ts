// The registry checks itself, as markdownlint's and ESLint's do: a rule without both languages,
// a clause the charter lacks, a charter field that does not exist, or a missing test file fails
// the build rather than a partner's report.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTestCharter } from '../../test/fixtures/measurement.ts';
import type { Charter } from '../types.ts';
import { rules } from './index.ts';
import { placeholders } from './template.ts';

const here = dirname(fileURLToPath(import.meta.url));
const KINDS = ['modification', 'addition', 'deletion', 'placement', 'period', 'unverified', 'documentation', 'site'];
const SEVERITIES = ['error', 'warning', 'info'];

let charter: Charter;
beforeAll(async () => {
  charter = await loadTestCharter();
});

/** Whether a dotted path, `*` meaning every key, names a field of the charter. */
function resolves(value: unknown, path: string[]): boolean {
  if (path.length === 0) return value !== undefined;
  if (typeof value !== 'object' || value === null) return false;
  const [head, ...rest] = path;
  const record = value as Record<string, unknown>;
  if (head === '*') return Object.values(record).length > 0 && Object.values(record).every((child) => resolves(child, rest));
  return head in record && resolves(record[head], rest);
}

it('keeps the public rule ids', () => {
  expect(rules.map((r) => r.meta.id)).toEqual([
    'colour',
    'distortion',
    'rotation',
    'mirror',
    'badge-text',
    'badge-category',
    'tagline-text',
    'missing-element',
    'cropped',
    'addition',
    'min-size',
    'clear-space',
    'unverifiable',
    'validity',
    'documentation',
    'name-text',
    'offer-depth',
    'catalogue-link',
  ]);
});

describe.each(rules.map((rule) => [rule.meta.id, rule] as const))('%s', (id, { meta }) => {
  it('lives in its own file, with a test file beside it', () => {
    expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(existsSync(join(here, `${id}.ts`))).toBe(true);
    expect(existsSync(join(here, `${id}.test.ts`))).toBe(true);
  });

  it('has a kind, a severity and a scope', () => {
    expect(KINDS).toContain(meta.kind);
    expect(SEVERITIES).toContain(meta.severity);
    expect(['logo', 'document', 'site']).toContain(meta.scope);
  });

  it('cites a clause the charter quotes', () => {
    const clause = charter.terms.clauses[meta.clause];
    expect(clause?.article).toMatch(/^(Article [IVXL]+|Annex \d+(\.\d+)*)$/);
    expect(clause?.quote.length).toBeGreaterThan(0);
  });

  it('reads only charter fields that exist', () => {
    for (const entry of meta.charterEntries) expect(resolves(charter, entry.split('.')), entry).toBe(true);
  });

  it('speaks French and English', () => {
    for (const text of [meta.description, meta.fix, ...Object.values(meta.messages)]) {
      expect(text.fr.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
    }
    expect(Object.keys(meta.messages).length).toBeGreaterThan(0);
  });

  it('fills the same placeholders in both languages', () => {
    for (const [messageId, text] of Object.entries(meta.messages)) {
      expect(placeholders(text.en).sort(), messageId).toEqual(placeholders(text.fr).sort());
    }
    expect(placeholders(meta.fix.en).sort()).toEqual(placeholders(meta.fix.fr).sort());
  });
});

it('knows every rule the charter media waive', () => {
  const ids = new Set(rules.map((r) => r.meta.id));
  for (const medium of charter.media) {
    for (const waiver of medium.waives) expect(ids.has(waiver.rule), `${medium.id} waives ${waiver.rule}`).toBe(true);
  }
});
