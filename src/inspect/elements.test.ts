// A text whose wording was replaced is still there (tagline-text); a text taken away is a
// deletion (missing-element). On small logos OCR cannot tell them apart, the outlines can: other
// words in the text's place draw about as many outlines as the approved ones, a blank place none.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LogoSpec } from '../../test/synth/logo.ts';
import { logoSpec, writeSingleLogoPage } from '../../test/synth/single.ts';
import { createChecker, type Checker } from '../check.ts';
import { loadCharter } from '../charter/load.ts';
import { outlineStrength } from './elements.ts';

describe('outlineStrength', () => {
  it('is the page outline energy over the artwork’s within the region', () => {
    const region = Uint8Array.from([1, 1, 0, 1]);
    expect(outlineStrength([2, 4, 100, 0], [4, 4, 1, 4], region)).toBeCloseTo(0.5, 9);
    expect(outlineStrength([0, 0, 9, 0], [4, 4, 1, 4], region)).toBe(0);
  });
});

describe('a text replaced or removed, on a small logo', () => {
  let checker: Checker;
  let dir: string;
  beforeAll(async () => {
    checker = await createChecker({ charter: await loadCharter(), lang: 'en' });
    dir = await mkdtemp(join(tmpdir(), 'logo-check-elements-'));
  }, 60_000);
  afterAll(async () => {
    await checker?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function rulesOn(name: string, logo: LogoSpec): Promise<string[]> {
    const file = join(dir, `${name}.png`);
    await writeSingleLogoPage(logo, file);
    const result = await checker.checkFile(file);
    const logos = result.pages.flatMap((p) => p.logos);
    expect(logos).toHaveLength(1);
    return logos[0].findings.filter((f) => f.severity === 'error').map((f) => f.rule);
  }

  it.each([120, 160])('a tagline reworded on a %i px logo is tagline-text, not a deletion', async (width) => {
    const rules = await rulesOn(`reworded-${width}`, logoSpec(width, { violation: 'tagline-text', taglineLines: ['Entrepreneurs,', 'choisissez le', 'numérique !'] }));
    expect(rules).toContain('tagline-text');
    expect(rules).not.toContain('missing-element');
  }, 60_000);

  it.each([120, 160])('a tagline removed from a %i px logo is missing-element', async (width) => {
    const rules = await rulesOn(`removed-${width}`, logoSpec(width, { violation: 'missing-tagline', omit: ['tagline'] }));
    expect(rules).toContain('missing-element');
    expect(rules).not.toContain('tagline-text');
  }, 60_000);

  it.each([130, 170])('an inverted %i px logo keeps its badge (its box is there, in other inks)', async (width) => {
    const rules = await rulesOn(`inverted-${width}`, logoSpec(width, { violation: 'colour-invert', colourOp: 'invert' }));
    expect(rules).toContain('colour');
    expect(rules).not.toContain('missing-element');
  }, 60_000);
});
