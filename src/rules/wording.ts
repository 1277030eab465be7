// Finding wordings in running text. French is written with and without accents, in capitals that
// drop them, and with typographic apostrophes: patterns in the charter are matched against a
// folded copy, and what they find is quoted from the text as written.

/** A text folded for matching, with where each folded character came from in the original. */
export interface FoldedText {
  folded: string;
  /** origin[i] is the index in the original text of folded character i; one past the end at the end. */
  origin: number[];
}

const MARKS = /\p{M}/gu;
const APOSTROPHES = /[\u2019\u02bc\u2018`´]/g;
const SPACES = /\s/u;

/** Lower case, no accents, one kind of apostrophe, runs of white space as one space. */
export function fold(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  let index = 0;
  for (const char of text) {
    const isSpace = SPACES.test(char);
    if (!(isSpace && folded.endsWith(' '))) {
      const plain = isSpace ? ' ' : char.normalize('NFD').replace(MARKS, '').replace(APOSTROPHES, "'").toLowerCase();
      for (const unit of plain) {
        folded += unit;
        origin.push(index);
      }
    }
    index += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

export interface Quote {
  /** The words found, with a few around them, as written. */
  quote: string;
  start: number;
  end: number;
}

/** The sentence around [start, end) of the text, cut at `room` characters each side on a word boundary. */
export function quoteAround(text: string, start: number, end: number, room = 30): string {
  let from = Math.max(0, start - room);
  let to = Math.min(text.length, end + room);
  const before = text.slice(from, start);
  // The quote starts after the last sentence, line or label before the words, else on a word.
  const stop = Math.max(...['. ', '\n', ' : '].map((mark) => {
    const at = before.lastIndexOf(mark);
    return at < 0 ? -1 : at + mark.length;
  }));
  if (stop >= 0) from += stop;
  else if (from > 0) from += before.indexOf(' ') + 1;
  const after = text.slice(end, to);
  const cut = after.search(/[.;\n](\s|$)/);
  if (cut >= 0) to = end + cut;
  else if (to < text.length) to = end + Math.max(0, after.lastIndexOf(' '));
  return text.slice(from, to).replace(/\s+/g, ' ').trim();
}

/** The first place one of the patterns matches the folded text, quoted from the original. */
export function findWording(text: string, folded: FoldedText, patterns: readonly RegExp[]): Quote | undefined {
  let best: { start: number; end: number } | undefined;
  for (const pattern of patterns) {
    const match = pattern.exec(folded.folded);
    pattern.lastIndex = 0;
    if (match && (!best || match.index < best.start)) best = { start: match.index, end: match.index + match[0].length };
  }
  if (!best) return undefined;
  const start = folded.origin[best.start];
  const end = folded.origin[best.end];
  return { quote: quoteAround(text, start, end), start, end };
}

const compiled = new Map<string, RegExp>();

/** A charter pattern as a regular expression, compiled once per process. */
export function charterPattern(source: string): RegExp {
  let pattern = compiled.get(source);
  if (!pattern) {
    pattern = new RegExp(source, 'u');
    compiled.set(source, pattern);
  }
  return pattern;
}
