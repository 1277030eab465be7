// Seeded damage done to real files, the kinds partners' files arrive with: a bit rotted on a
// disk, a download cut short, bytes spliced in by a bad transfer, blocks reordered by a broken
// tool, and (PDF) a cross-reference offset that points past the end.

/** A generator of numbers in [0, 1) from a 32-bit seed (mulberry32): the same seed, the same set. */
export type Random = () => number;

export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MUTATIONS = ['bit-flips', 'truncated', 'inserted-bytes', 'shuffled-body', 'xref-past-end'] as const;
export type Mutation = (typeof MUTATIONS)[number];

/** A copy: a Buffer's `slice` would share the original's memory, and damage it for the next case. */
function copy(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(bytes);
}

/** An integer in [min, max]. */
function between(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** The bytes a file keeps so that it is still taken for its format: damage starts after them. */
const KEPT_HEAD = 16;

/** Flips 1 to 64 bits anywhere past the signature. */
export function flipBits(bytes: Uint8Array, random: Random): Uint8Array {
  const out = copy(bytes);
  const flips = between(random, 1, 64);
  for (let i = 0; i < flips; i++) {
    const at = between(random, Math.min(KEPT_HEAD, out.length - 1), out.length - 1);
    out[at]! ^= 1 << between(random, 0, 7);
  }
  return out;
}

/** Cuts the file somewhere between its signature and its last byte. */
export function truncate(bytes: Uint8Array, random: Random): Uint8Array {
  return copy(bytes.subarray(0, between(random, Math.min(KEPT_HEAD, bytes.length - 1), bytes.length - 1)));
}

/** Splices one to four runs of 1 to 512 random bytes into the file. */
export function insertBytes(bytes: Uint8Array, random: Random): Uint8Array {
  let out = bytes;
  const runs = between(random, 1, 4);
  for (let r = 0; r < runs; r++) {
    const at = between(random, Math.min(KEPT_HEAD, out.length), out.length);
    const run = Uint8Array.from({ length: between(random, 1, 512) }, () => between(random, 0, 255));
    const next = new Uint8Array(out.length + run.length);
    next.set(out.subarray(0, at));
    next.set(run, at);
    next.set(out.subarray(at), at + run.length);
    out = next;
  }
  return out;
}

/** Reorders blocks of the body (between the signature and the last 1 KB, the trailer's place). */
export function shuffleBody(bytes: Uint8Array, random: Random): Uint8Array {
  const start = Math.min(KEPT_HEAD, bytes.length);
  const end = Math.max(start, bytes.length - 1024);
  // At least two blocks, or nothing would move.
  const size = between(random, 16, Math.max(16, Math.min(4096, Math.floor((end - start) / 2))));
  const blocks: Uint8Array[] = [];
  for (let at = start; at < end; at += size) blocks.push(bytes.subarray(at, Math.min(at + size, end)));
  for (let i = blocks.length - 1; i > 0; i--) {
    const j = between(random, 0, i);
    [blocks[i], blocks[j]] = [blocks[j]!, blocks[i]!];
  }
  const out = copy(bytes);
  let at = start;
  for (const block of blocks) {
    out.set(block, at);
    at += block.length;
  }
  return out;
}

/**
 * Points the last `startxref` past the end of the file, as a tool that rewrote the body without
 * the trailer leaves it. A file without one (an image) has its body shuffled instead.
 */
export function xrefPastEnd(bytes: Uint8Array, random: Random): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const at = text.lastIndexOf('startxref');
  if (at < 0) return shuffleBody(bytes, random);
  const offset = bytes.length + between(random, 1, 1_000_000);
  return Buffer.from(`${text.slice(0, at)}startxref\n${offset}\n%%EOF\n`, 'latin1');
}

const APPLY: Record<Mutation, (bytes: Uint8Array, random: Random) => Uint8Array> = {
  'bit-flips': flipBits,
  truncated: truncate,
  'inserted-bytes': insertBytes,
  'shuffled-body': shuffleBody,
  'xref-past-end': xrefPastEnd,
};

export function mutate(bytes: Uint8Array, mutation: Mutation, random: Random): Uint8Array {
  return APPLY[mutation](bytes, random);
}
