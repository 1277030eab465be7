import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { junit, xmlText } from './junit.ts';
import { sampleReport } from './testing/fixtures.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testcase', 'failure'].includes(name) });

function parsed(lang: 'fr' | 'en' = 'en') {
  const xml = junit(sampleReport(lang), { color: false });
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).testsuites;
}

describe('junit report', () => {
  it('is well-formed XML with one test case per file and the counts of the suite', () => {
    const suites = parsed();
    expect(suites).toMatchObject({ name: 'logo-check', tests: '4', failures: '2', errors: '1' });
    expect(suites.testsuite.testcase.map((c: { name: string }) => c.name)).toEqual(['samples/flyer ok.png', 'samples/brochure.pdf', 'samples/scan.tif', 'samples/photo.jpg']);
  });

  it('has a failure per error finding, the warnings in system-out, an error for an unreadable file', () => {
    const [ok, brochure, scan] = parsed().testsuite.testcase;
    expect(ok.failure).toBeUndefined();
    expect(brochure.failure.map((f: { type: string }) => f.type)).toEqual(['period', 'colour']);
    expect(brochure.failure[1].message).toBe('The red arrow has another colour: ΔE2000 = 14.2 from the charter red (tolerance 10).');
    expect(brochure.failure[1]['#text']).toContain('colour (Article X) — page 2, logo 1 [60, 1200, 400, 150]');
    expect(brochure['system-out']).toContain('[warning] addition (Article X)');
    expect(brochure['system-out']).toContain('[info] min-size');
    expect(scan.error).toMatchObject({ type: 'DECODE_FAILED', message: 'The file is damaged and cannot be opened.' });
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(xmlText(`a<b>&"c"'\u0001`)).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;');
    const report = sampleReport('fr');
    report.files[0] = { ...report.files[0], path: 'dossier <"&">/\u0007logo.png' };
    const xml = junit(report, { color: false });
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).testsuites.testsuite.testcase[0].name).toBe('dossier <"&">/logo.png');
  });
});
