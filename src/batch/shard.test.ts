import { describe, expect, it } from 'vitest';
import { inShard, parseShard } from './shard.ts';

describe('shards', () => {
  const paths = Array.from({ length: 300 }, (_, i) => `partners/lot-${Math.floor(i / 30)}/brochure-${i}.pdf`);

  it('puts every path in exactly one shard, in shares of similar size', () => {
    const shards = [1, 2, 3, 4].map((index) => paths.filter((p) => inShard(p, { index, count: 4 })));
    expect(shards.flat().sort()).toEqual([...paths].sort());
    // 75 expected each; a hash spreads 300 paths within a few standard deviations (σ ≈ 7.5).
    for (const share of shards) expect(Math.abs(share.length - 75)).toBeLessThan(30);
  });

  // Pinned: shards written by two versions of logo-check must still split the same way.
  it('decides by the path alone, whatever else is in the batch, on any machine', () => {
    expect(paths.slice(0, 10).map((p) => [1, 2, 3].find((index) => inShard(p, { index, count: 3 })))).toEqual([2, 2, 1, 3, 1, 3, 2, 1, 3, 3]);
    expect(inShard('partners\\lot-0\\brochure-0.pdf', { index: 2, count: 3 })).toBe(true);
  });

  it.each([
    ['1/4', { index: 1, count: 4 }],
    [' 4/4 ', { index: 4, count: 4 }],
    ['1/1', { index: 1, count: 1 }],
    ['0/4', undefined],
    ['5/4', undefined],
    ['1/0', undefined],
    ['a/b', undefined],
    ['1-4', undefined],
  ])('parses %j', (text, shard) => {
    expect(parseShard(text)).toEqual(shard);
  });
});
