// Article II gives the operation one name, « Entrepreneurs, faites le choix de l'économie
// numérique », to be used only for the operation. In running text a partner sometimes writes it
// from memory: words changed, dropped or misspelt. Such words are found by how much they look like
// the name (word by word, letters within words), and quoted with the approved form beside.
import type { DocumentRule } from './rule.ts';
import { quoted } from './template.ts';

interface Word {
  /** Lower case, as written. */
  text: string;
  /** French drops accents on capitals: « ECONOMIE » is not misspelt. */
  capitals: boolean;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): Word[] {
  return [...text.matchAll(WORD)].map((m) => ({
    text: m[0].toLowerCase(),
    capitals: m[0].length > 1 && m[0] === m[0].toUpperCase() && m[0] !== m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Levenshtein distance between two short words. */
function letterEdits(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** 0 for the same word, 1 for another; a misspelling (« numérqiue ») costs less than a change of word. */
function wordCost(a: string, b: string, foldAccents: boolean): number {
  const plain = (w: string) => (foldAccents ? w.normalize('NFD').replace(/\p{M}/gu, '') : w);
  const x = plain(a);
  const y = plain(b);
  if (x === y) return 0;
  const likeness = 1 - letterEdits(x, y) / Math.max(x.length, y.length);
  return likeness >= 0.6 ? 1 - likeness : 1;
}

/** Word edits (change, drop, add) that turn `found` into `name`, weighted by wordCost. */
function nameEdits(found: readonly Word[], name: readonly string[]): number {
  let previous = Array.from({ length: name.length + 1 }, (_, j) => j);
  for (let i = 1; i <= found.length; i++) {
    const current = [i];
    for (let j = 1; j <= name.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + wordCost(found[i - 1].text, name[j - 1], found[i - 1].capitals));
    }
    previous = current;
  }
  return previous[name.length];
}

export interface NameOccurrence {
  quote: string;
  start: number;
  /** 0..1: 1 is the name as approved. */
  similarity: number;
}

/**
 * Runs of words that look like the name. A run starts on a word like one of the name's first two
 * and ends on a word like one of its last two (either may be the dropped one), so that prose that
 * merely shares its middle words (« les entrepreneurs font le choix de l'informatique ») is no
 * occurrence; of the runs from one start, the one most like the name is kept.
 */
export function findName(text: string, name: string, minSimilarity: number): NameOccurrence[] {
  const target = words(name).map((w) => w.text);
  const found = words(text);
  const like = (word: Word, ends: string[]) => ends.some((t) => wordCost(word.text, t, true) < 0.4);
  const occurrences: NameOccurrence[] = [];
  for (let i = 0; i < found.length; i++) {
    if (!like(found[i], target.slice(0, 2))) continue;
    let best: { end: number; similarity: number } | undefined;
    for (let end = i + 2; end <= Math.min(found.length, i + target.length + 3); end++) {
      if (!like(found[end - 1], target.slice(-2))) continue;
      const similarity = Math.max(0, 1 - nameEdits(found.slice(i, end), target) / target.length);
      if (!best || similarity > best.similarity) best = { end, similarity };
    }
    if (!best || best.similarity < minSimilarity) continue;
    const start = found[i].start;
    occurrences.push({ quote: text.slice(start, found[best.end - 1].end).replace(/\s+/g, ' '), start, similarity: best.similarity });
    i = best.end - 1;
  }
  return occurrences;
}

export const nameText: DocumentRule = {
  meta: {
    id: 'name-text',
    kind: 'modification',
    severity: 'warning',
    clause: 'name',
    scope: 'document',
    description: {
      fr: "Le nom de l'opération est écrit tel qu'il est approuvé, sans mot changé, omis ni mal orthographié.",
      en: "The operation's name is written as approved, without a word changed, dropped or misspelt.",
    },
    messages: {
      altered: {
        fr: "page {{page}} : nom de l'opération écrit {{quote}} au lieu de {{name}}",
        en: "page {{page}}: the operation's name written {{quote}} instead of {{name}}",
      },
    },
    fix: {
      fr: "écrivez le nom exactement : {{name}}",
      en: 'write the name exactly: {{name}}',
    },
    charterEntries: ['name', 'denomination.minSimilarity', 'denomination.severity'],
  },
  check({ charter, texts }, report) {
    if (!texts) return;
    const { minSimilarity, severity } = charter.denomination;
    for (const page of texts) {
      for (const occurrence of findName(page.text, charter.name, minSimilarity)) {
        if (occurrence.similarity === 1) continue;
        report({
          messageId: 'altered',
          data: { page: page.page, quote: quoted(occurrence.quote), name: quoted(charter.name) },
          severity,
          measured: occurrence.quote,
          expected: charter.name,
          confidence: page.confidence,
          details: { page: page.page, quote: occurrence.quote, approved: charter.name, similarity: Math.round(occurrence.similarity * 100) / 100 },
        });
      }
    }
  },
};
