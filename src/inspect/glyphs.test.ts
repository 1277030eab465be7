import { beforeAll, describe, expect, it } from 'vitest';
import { buildReference, type ReferenceModel } from '../charter/reference.ts';
import { loadTestCharter } from '../../test/fixtures/measurement.ts';
import { findUpperParts, glyphsOf, medianHeight } from './glyphs.ts';

let ref: ReferenceModel;
beforeAll(async () => {
  ref = await buildReference(await loadTestCharter());
}, 60_000);

const variant = (id: string) => ref.variants.find((v) => v.id === id)!;

describe('glyphs of the approved texts', () => {
  it('finds the lowercase height of each text', () => {
    for (const v of ref.variants) expect(medianHeight(glyphsOf(ref, 'badge', v.gray))).toBeGreaterThanOrEqual(8);
    expect(medianHeight(glyphsOf(ref, 'tagline', ref.variants[0].gray))).toBeGreaterThanOrEqual(8);
  });

  it('lists what rises above the x-height, in reading order: « ff », é, f, é, é in « offre référencée »', () => {
    const parts = findUpperParts(glyphsOf(ref, 'badge', variant('offre-referencee').gray));
    expect(parts).toHaveLength(5);
    const xs = parts.map((p) => p.x0);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    // The merged « ff » is wider than any accent.
    expect(parts[0].x1 - parts[0].x0).toBeGreaterThan(2 * (parts[1].x1 - parts[1].x0));
  });

  it('counts the dots and accents of the two-line badge and the tagline, not the badge box corners', () => {
    // « conseiller informatique » (3 dots, l, l, f, t) over « et Télécoms TPE » (t, T, é, l, é, T, P, E)
    const badge = findUpperParts(glyphsOf(ref, 'badge', variant('conseiller-tpe').gray));
    expect(badge.length).toBeGreaterThanOrEqual(12);
    const [, by, , bh] = ref.charter.elements.badge.box.map((v) => v / 2);
    for (const p of badge) expect(p.y0).toBeGreaterThan(by + 2);
    expect(badge.every((p) => p.y1 < by + bh)).toBe(true);
    // « Entrepreneurs / faites le choix de / l'économie numérique »: at least the 4 i-dots and 2 é
    expect(findUpperParts(glyphsOf(ref, 'tagline', ref.variants[0].gray)).length).toBeGreaterThanOrEqual(6);
  });
});
