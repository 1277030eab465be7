import { beforeAll, describe, expect, it } from 'vitest';
import { compliantMeasurement, loadTestCharter, measuredColour, TEST_PAGE, type DeepPartial } from '../../test/fixtures/measurement.ts';
import type { Charter, Lang, LogoMeasurement, Medium } from '../types.ts';
import { runLogoRules } from './engine.ts';
import { checkDocument, checkLogo, rules, type LogoContext, type LogoRule } from './index.ts';

let charter: Charter;
beforeAll(async () => {
  charter = await loadTestCharter();
});

function medium(id: string): Medium {
  const found = charter.media.find((m) => m.id === id);
  if (!found) throw new Error(`no medium ${id} in the test charter`);
  return found;
}

function logoContext(logo: DeepPartial<LogoMeasurement> = {}, extra: Partial<LogoContext> = {}): LogoContext {
  return { charter, lang: 'fr', logo: compliantMeasurement(logo), page: { ...TEST_PAGE }, ...extra };
}

const greyArrow: DeepPartial<LogoMeasurement> = { elements: { arrow: { colours: [measuredColour('red', '#8A8A8A')] } } };
const grey = (hex: string) => ({ colours: [measuredColour('blue', hex)] });
/** A logo printed in one grey ink: every palette region off, and flagged monochrome. */
const monochrome: DeepPartial<LogoMeasurement> = {
  monochrome: true,
  elements: {
    at: { colours: [measuredColour('blue', '#4D4D4D'), measuredColour('white', '#FFFFFF')] },
    arrow: { colours: [measuredColour('red', '#8A8A8A')] },
    tagline: grey('#4D4D4D'),
    badge: { colours: [measuredColour('blue', '#4D4D4D'), measuredColour('white', '#FFFFFF')] },
  },
};
const textOnly: DeepPartial<LogoMeasurement> = {
  elements: { at: { present: false, likeness: 0 }, arrow: { present: false, likeness: 0 }, badge: { present: false, likeness: 0 } },
  badge: { text: null, source: null, match: null, similarity: 0, closest: null },
};

// One way to break each logo rule, with the category it needs, if any.
const breakers: Record<string, { logo: DeepPartial<LogoMeasurement>; category?: string }> = {
  colour: { logo: greyArrow },
  distortion: { logo: { geometry: { aspectRatio: 1.2 } } },
  rotation: { logo: { geometry: { rotationDeg: 12 } } },
  mirror: { logo: { geometry: { mirrored: true } } },
  'badge-text': { logo: { badge: { text: 'offre spéciale', match: null, similarity: 0.6 } } },
  'badge-category': { logo: {}, category: 'conseiller-tpe' },
  'tagline-text': { logo: { tagline: { text: 'Entrepreneurs, passez au numérique', match: null, similarity: 0.55 } } },
  'missing-element': { logo: { elements: { arrow: { present: false, likeness: 0.1 } } } },
  cropped: { logo: { visibleFraction: 0.7, croppedEdges: ['left'] } },
  addition: { logo: { additions: [{ bbox: [150, 150, 40, 40], areaFraction: 0.03, partnerLogo: false, confidence: 1 }] } },
  'min-size': { logo: { geometry: { widthPx: 90 } } },
  'clear-space': { logo: { clearSpace: { occupiedFraction: 0.3 } } },
  unverifiable: { logo: { unverifiable: [{ check: 'badge-text', element: 'badge', reason: 'too-small', textHeightPx: 4 }] } },
};

describe('checkLogo', () => {
  it('finds nothing on a compliant logo, with or without a category', () => {
    expect(checkLogo(logoContext())).toEqual([]);
    expect(checkLogo(logoContext({}, { category: 'offre-referencee' }))).toEqual([]);
  });

  it('has a breaking case for every logo rule', () => {
    expect(Object.keys(breakers).sort()).toEqual(rules.filter((r) => r.meta.scope === 'logo').map((r) => r.meta.id).sort());
  });

  describe.each(['fr', 'en'] as Lang[])('in %s', (lang) => {
    it.each(Object.entries(breakers))('%s: one finding, filled, with kind, severity and article of the rule', (id, { logo, category }) => {
      const findings = checkLogo(logoContext(logo, { lang, ...(category ? { category } : {}) }));
      const rule = rules.find((r) => r.meta.id === id)!;
      expect(findings.map((f) => f.rule)).toEqual([id]);
      const [finding] = findings;
      expect(finding.kind).toBe(rule.meta.kind);
      expect(finding.severity).toBe(rule.meta.severity);
      expect(finding.article).toBe(id === 'badge-category' ? 'Article II' : 'Article X');
      expect(finding.message).not.toMatch(/\{\{|\}\}|undefined|NaN/);
      expect(finding.fix).not.toMatch(/\{\{|\}\}|undefined|NaN/);
      expect(finding.waivedBy).toBeUndefined();
    });
  });

  it('builds the whole finding: article, message and fix naming the artwork to use', () => {
    expect(checkLogo(logoContext(greyArrow))).toEqual([
      {
        rule: 'colour',
        kind: 'modification',
        severity: 'error',
        article: 'Article X',
        message: 'flèche rouge : couleur mesurée #8A8A8A, écart ΔE2000 de 31,7 avec le rouge de la charte #E1000F (tolérance 10)',
        fix: "utilisez le fichier du logo fourni sans en changer les couleurs (logo-check artwork --badge offre-referencee) ; à l'impression, demandez le respect des couleurs de la charte",
        element: 'arrow',
        measured: '#8A8A8A',
        expected: '#E1000F',
        confidence: 1,
      },
    ]);
  });

  it('reports an error measured without confidence as a warning that says so', () => {
    // ΔE 11.0 against a tolerance of 10, measured ±2: as likely noise as a recolouring.
    const doubtful = compliantMeasurement({ elements: { arrow: { colours: [{ ...measuredColour('red', '#E10040'), uncertainty: 2 }] } } });
    const deltaE = doubtful.elements.arrow.colours[0].deltaE;
    expect(deltaE).toBeGreaterThan(10);
    expect(deltaE).toBeLessThan(12);
    const [finding, ...rest] = checkLogo(logoContext(doubtful, { lang: 'en' }));
    expect(rest).toEqual([]);
    expect(finding.rule).toBe('colour');
    expect(finding.severity).toBe('warning');
    expect(finding.confidence).toBeLessThan(charter.verdict.minConfidence);
    expect(finding.message).toMatch(/uncertain measurement \(confidence \d+ %, 90 % needed to conclude\)/);
    // The same colour measured precisely is an error.
    const sure = compliantMeasurement({ elements: { arrow: { colours: [{ ...measuredColour('red', '#E10040'), uncertainty: 0.2 }] } } });
    expect(checkLogo(logoContext(sure)).map((f) => [f.rule, f.severity])).toEqual([['colour', 'error']]);
  });

  it('leaves a text that could not be read to the unverifiable rule: a warning, never an error', () => {
    const findings = checkLogo(
      logoContext({
        badge: { text: 'offre rcfcrcncee', match: null, similarity: 0.7, confidence: 0.3 },
        unverifiable: [{ check: 'badge-text', element: 'badge', reason: 'too-small', textHeightPx: 4.5 }],
      }),
    );
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['unverifiable', 'warning']]);
  });

  it('points the fix at the declared category first, then at the closest badge read', () => {
    const fix = (ctx: LogoContext) => checkLogo(ctx).find((f) => f.rule === 'mirror')?.fix;
    const flipped = { geometry: { mirrored: true } };
    expect(fix(logoContext(flipped, { category: 'centre-competence-tpe' }))).toContain('--badge centre-competence-tpe');
    expect(fix(logoContext({ ...flipped, badge: { text: 'equipement', match: null, closest: 'equipement-reference' } }))).toContain('--badge equipement-reference');
  });

  it('reports several problems of one logo in registry order', () => {
    const findings = checkLogo(logoContext({ ...greyArrow, geometry: { mirrored: true, widthPx: 90 }, visibleFraction: 0.5, croppedEdges: ['top'] }));
    expect(findings.map((f) => f.rule)).toEqual(['colour', 'mirror', 'cropped', 'min-size']);
    expect(findings.find((f) => f.rule === 'min-size')?.severity).toBe('warning');
  });
});

describe('checkDocument', () => {
  it('cites Article IX for a date outside the period', () => {
    const [finding, ...rest] = checkDocument({ charter, lang: 'en', date: new Date('2009-02-03T10:00:00Z'), dateSource: 'pdf' });
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'validity', kind: 'period', severity: 'error', article: 'Article IX' });
    expect(finding.message).toBe('document dated 3 February 2009 (PDF creation date), after the operation ended: the logo may only be used from 1 November 2006 to 31 December 2008');
    expect(finding.fix).not.toMatch(/\{\{/);
  });

  it('finds nothing without a date or inside the period', () => {
    expect(checkDocument({ charter, lang: 'fr' })).toEqual([]);
    expect(checkDocument({ charter, lang: 'fr', date: new Date('2007-05-01T00:00:00Z'), dateSource: 'exif' })).toEqual([]);
  });

  it('runs no logo rule', () => {
    expect(checkDocument({ charter, lang: 'fr', date: new Date('2001-01-01T00:00:00Z') }).map((f) => f.rule)).toEqual(['validity']);
  });
});

describe('medium waivers (Article X, second paragraph)', () => {
  it('monochrome print excuses the colours of a monochrome logo', () => {
    const findings = checkLogo(logoContext(monochrome, { medium: medium('monochrome-print') }));
    expect(findings.map((f) => [f.rule, f.element, f.severity, f.waivedBy])).toEqual([
      ['colour', 'at', 'info', 'monochrome-print'],
      ['colour', 'arrow', 'info', 'monochrome-print'],
      ['colour', 'tagline', 'info', 'monochrome-print'],
      ['colour', 'badge', 'info', 'monochrome-print'],
    ]);
    expect(findings[1].message).toBe(
      'flèche rouge : couleur mesurée #8A8A8A, écart ΔE2000 de 31,7 avec le rouge de la charte #E1000F (tolérance 10). ' +
        'Admis pour le support « impression monochrome », car une presse ou une imprimante à une seule encre ne peut pas reproduire le bleu et le rouge.',
    );
    expect(findings[1].article).toBe('Article X');
  });

  it('says so in English too', () => {
    const [finding] = checkLogo(logoContext({ ...greyArrow, monochrome: true }, { lang: 'en', medium: medium('monochrome-print') }));
    expect(finding.message).toBe(
      'red arrow: measured colour #8A8A8A, ΔE2000 difference of 31.7 from the charter red #E1000F (tolerance 10). ' +
        'Allowed for the medium “monochrome print” because a one-ink press or printer cannot reproduce the blue and the red.',
    );
  });

  it('monochrome print does not excuse a recoloured logo that is not monochrome', () => {
    const findings = checkLogo(logoContext(greyArrow, { medium: medium('monochrome-print') }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'colour', severity: 'error' });
    expect(findings[0].waivedBy).toBeUndefined();
    expect(findings[0].message).not.toContain('Admis');
  });

  it('monochrome print excuses nothing but colours', () => {
    const findings = checkLogo(logoContext({ ...monochrome, geometry: { mirrored: true } }, { medium: medium('monochrome-print') }));
    expect(findings.find((f) => f.rule === 'mirror')).toMatchObject({ severity: 'error' });
    expect(findings.find((f) => f.rule === 'mirror')?.waivedBy).toBeUndefined();
  });

  it('SMS excuses the missing @, arrow and badge, but not a missing tagline', () => {
    const logo = { ...textOnly, elements: { ...textOnly.elements, tagline: { present: false, likeness: 0.1 } } };
    const findings = checkLogo(logoContext(logo, { medium: medium('sms') }));
    expect(findings.filter((f) => f.rule === 'missing-element').map((f) => [f.element, f.severity, f.waivedBy ?? null])).toEqual([
      ['at', 'info', 'sms'],
      ['arrow', 'info', 'sms'],
      ['tagline', 'error', null],
      ['badge', 'info', 'sms'],
    ]);
    expect(findings.find((f) => f.element === 'at')?.message).toMatch(/Admis pour le support « SMS », car un SMS ne porte que du texte : seule la dénomination peut y figurer\.$/);
  });

  it('without a medium, the same text-only logo fails', () => {
    const findings = checkLogo(logoContext(textOnly));
    expect(findings.filter((f) => f.rule === 'missing-element').map((f) => [f.element, f.severity])).toEqual([
      ['at', 'error'],
      ['arrow', 'error'],
      ['badge', 'error'],
    ]);
  });

  it('a waiver without elements excuses findings about the whole logo', () => {
    const [finding] = checkLogo(logoContext({ geometry: { widthPx: 90 } }, { medium: medium('small-screen') }));
    expect(finding).toMatchObject({ rule: 'min-size', severity: 'info', waivedBy: 'small-screen' });
  });

  it('a waiver limited to elements does not excuse a finding about the whole logo', () => {
    const custom: Medium = { ...medium('sms'), id: 'banner', waives: [{ rule: 'cropped', elements: ['at'], when: 'always' }] };
    const [finding] = checkLogo(logoContext({ visibleFraction: 0.5, croppedEdges: ['left'] }, { medium: custom }));
    expect(finding).toMatchObject({ rule: 'cropped', severity: 'error' });
    expect(finding.waivedBy).toBeUndefined();
  });
});

describe('rules that fail', () => {
  const mirror = rules.find((r) => r.meta.id === 'mirror') as LogoRule;
  const colour = rules.find((r) => r.meta.id === 'colour') as LogoRule;
  // Reports a good finding before throwing: the failure replaces its partial output.
  const boom: LogoRule = {
    meta: { ...mirror.meta, id: 'boom' },
    check(_, report) {
      report({ messageId: 'mirrored', data: {} });
      throw new Error('measurement has no colours');
    },
  };

  it('becomes one error finding and the batch goes on', () => {
    const [failure, ...others] = runLogoRules([boom, mirror], logoContext({ geometry: { mirrored: true } }));
    expect(failure).toEqual({
      rule: 'boom',
      kind: 'modification',
      severity: 'error',
      article: 'Article X',
      message: 'la règle boom a échoué : measurement has no colours',
      fix: "ce n'est pas forcément un défaut de votre document : relancez la vérification et, si l'erreur revient, signalez-la avec le fichier concerné",
    });
    expect(others.map((f) => f.rule)).toEqual(['mirror']);
  });

  it('names what was thrown when it is not an Error', () => {
    const odd: LogoRule = { meta: { ...mirror.meta, id: 'odd' }, check: () => { throw { reason: 'no badge' }; } };
    expect(runLogoRules([odd], logoContext())[0].message).toBe('la règle odd a échoué : {"reason":"no badge"}');
  });

  it('is said in English too, and is never waived', () => {
    const waivesBoom: Medium = { ...medium('sms'), waives: [{ rule: 'boom', when: 'always' }] };
    const [failure] = runLogoRules([boom], logoContext({}, { lang: 'en', medium: waivesBoom }));
    expect(failure).toMatchObject({ rule: 'boom', severity: 'error', message: 'rule boom failed: measurement has no colours' });
    expect(failure.waivedBy).toBeUndefined();
  });

  it('includes a template the rule cannot fill and an unknown message id', () => {
    const typo: LogoRule = { meta: colour.meta, check: (_, report) => report({ messageId: 'wrongColor', data: {} }) };
    const [failure] = runLogoRules([typo], logoContext());
    expect(failure.message).toBe('la règle colour a échoué : reported message id "wrongColor", which meta.messages does not define (defined: wrongColour, wrongColours)');
    const unfilled: LogoRule = { meta: colour.meta, check: (_, report) => report({ messageId: 'wrongColour', data: { element: 'x' } }) };
    expect(runLogoRules([unfilled], logoContext())[0].message).toMatch(/^la règle colour a échoué : template « .* » uses \{\{measured\}\}/);
  });

  it('includes a declared category the charter does not know', () => {
    const [failure] = checkLogo(logoContext({}, { category: 'offre' }));
    expect(failure).toMatchObject({ rule: 'badge-category', severity: 'error' });
    expect(failure.message).toBe(
      'la règle badge-category a échoué : category "offre" is not a badge variant of the charter; use one of offre-referencee, equipement-reference, centre-competence-tpe, conseiller-tpe',
    );
  });

  it('includes a colour measured against a palette entry the charter lacks', () => {
    const [failure] = checkLogo(logoContext({ elements: { arrow: { colours: [{ ...measuredColour('red', '#8A8A8A'), expected: 'rouge' }] } } }));
    expect(failure.message).toMatch(/^la règle colour a échoué : a measurement expects palette colour "rouge"/);
  });

  it('keeps a severity a rule overrides for one finding', () => {
    const mild: LogoRule = { meta: { ...mirror.meta, id: 'mild' }, check: (_, report) => report({ messageId: 'mirrored', data: {}, severity: 'info' }) };
    expect(runLogoRules([mild], logoContext())[0].severity).toBe('info');
  });
});
