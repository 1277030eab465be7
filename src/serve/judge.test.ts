// The server judges every upload again with the partner's category and language instead of
// running a checker per choice: the findings must be exactly those such a checker gives.
import { afterAll, describe, expect, it } from 'vitest';
import { loadCharter } from '../charter/load.ts';
import { createChecker, type Checker } from '../check.ts';
import { rejudge } from './judge.ts';

const charter = await loadCharter();
const plain: Checker = await createChecker({ charter, lang: 'fr' });
const declared: Checker = await createChecker({ charter, lang: 'en', category: 'conseiller-tpe' });
afterAll(async () => {
  await plain.close();
  await declared.close();
});

describe('judging a result again with other options', () => {
  it.each(['samples/flyer-conforme.png', 'samples/brochure-2010.pdf', 'samples/flyer-ajout-promo.png'])('gives what a checker with those options gives: %s', async (file) => {
    const expected = await declared.checkFile(file);
    const judged = rejudge(await plain.checkFile(file), { charter, lang: 'en', category: 'conseiller-tpe' });
    expect(judged.status).toBe(expected.status);
    expect(judged.findings).toEqual(expected.findings);
    expect(judged.pages.map((p) => p.logos.map((l) => l.findings))).toEqual(expected.pages.map((p) => p.logos.map((l) => l.findings)));
    // The category is what the partner declared: a logo with another approved badge breaks it.
    if (file === 'samples/flyer-conforme.png') expect(judged.pages[0].logos[0].findings.map((f) => f.rule)).toContain('badge-category');
  }, 60_000);
});
