import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { json } from './json.ts';
import { reportValidator } from './testing/validate-json-schema.ts';
import { sampleReport } from './testing/fixtures.ts';

const validate = reportValidator(JSON.parse(readFileSync(new URL('./report.schema.json', import.meta.url), 'utf8')));

describe('json report', () => {
  it('is the report itself, indented', () => {
    const report = sampleReport('fr');
    const out = json(report, { color: false });
    expect(JSON.parse(out)).toEqual(report);
    expect(out.split('\n')[1]).toBe('  "tool": {');
  });

  it('validates against report.schema.json in both languages and with declared options', () => {
    for (const report of [sampleReport('fr'), sampleReport('en', { category: 'offre-referencee', medium: 'sms', asOf: '2007-05-01' })]) {
      expect(validate(JSON.parse(json(report, { color: false })))).toEqual([]);
    }
  });

  it('keeps the fields auditors rely on', () => {
    const out = JSON.parse(json(sampleReport('fr'), { color: false }));
    const brochure = out.files[1];
    expect(brochure).toMatchObject({ path: 'samples/brochure.pdf', status: 'fail', kind: 'pdf', date: '2009-02-01' });
    expect(brochure.pages[1]).toMatchObject({ page: 2, width: 1240, height: 1754 });
    expect(brochure.pages[1].logos[0]).toMatchObject({ bbox: [60.4, 1200, 400, 150], confidence: 0.874, badge: 'offre-referencee' });
    expect(brochure.pages[1].logos[0].findings[0]).toEqual({
      rule: 'colour',
      kind: 'modification',
      severity: 'error',
      article: 'Article X',
      message: expect.any(String),
      fix: expect.any(String),
      element: 'arrow',
      measured: 14.2,
      expected: 10,
    });
    expect(out.files[2]).toMatchObject({ status: 'error', error: { code: 'DECODE_FAILED' } });
    expect(out.summary).toEqual({ complete: true, unchecked: 0, files: 4, passed: 2, failed: 1, errors: 1, logos: 3, findings: { error: 2, warning: 2, info: 1 } });
  });
});

describe('report.schema.json', () => {
  it('is compiled strictly, so a misspelt keyword in it fails the tests instead of being skipped', () => {
    expect(() => reportValidator({ type: 'object', requird: ['summary'] })).toThrow(/unknown keyword: "requird"/);
  });

  it('rejects reports that break the documented shape', () => {
    const broken = JSON.parse(json(sampleReport('fr'), { color: false }));
    broken.files[0].status = 'ok';
    broken.files[1].pages[1].logos[0].bbox = [1, 2, 3];
    broken.files[1].pages[1].logos[0].findings[0].severity = 'fatal';
    delete broken.files[1].findings[0].article;
    broken.files[2].extra = true;
    delete broken.summary;
    expect(validate(broken)).toEqual([
      "/: must have required property 'summary'",
      '/files/0/status: must be equal to one of the allowed values ["pass","fail","error"]',
      "/files/1/findings/0: must have required property 'article'",
      '/files/1/pages/1/logos/0/bbox: must NOT have fewer than 4 items',
      '/files/1/pages/1/logos/0/findings/0/severity: must be equal to one of the allowed values ["error","warning","info"]',
      '/files/2/extra: is not allowed here',
    ]);
  });
});
