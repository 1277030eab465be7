import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { artifactUri, sarif } from './sarif.ts';
import { sarifValidator } from './testing/validate-json-schema.ts';
import { sampleReport } from './testing/fixtures.ts';
import { summarise } from './summary.ts';
import { loadCharter } from '../charter/load.ts';
import { HELP_URI } from './sarif.ts';
import { ruleLabel } from './html-words.ts';

// shared/ sits beside the repository, on developers' machines and in CI alike.
const SCHEMA = new URL('../../../shared/schemas/sarif-schema-2.1.0.json', import.meta.url);
const validate = existsSync(SCHEMA) ? sarifValidator(JSON.parse(readFileSync(SCHEMA, 'utf8'))) : undefined;

function log(lang: 'fr' | 'en' = 'fr'): any {
  return JSON.parse(sarif(sampleReport(lang), { color: false }));
}

describe('sarif report', () => {
  it.skipIf(!validate)('validates against the SARIF 2.1.0 schema', () => {
    expect(validate!(log('fr'))).toEqual([]);
    expect(validate!(log('en'))).toEqual([]);
  });

  it.skipIf(!validate)('is checked for real: a log breaking SARIF rules is rejected', () => {
    const broken = log('fr');
    // Pages are lines in SARIF terms, and lines count from 1.
    broken.runs[0].results[1].locations[0].physicalLocation.region.startLine = 0;
    broken.runs[0].results[2].level = 'fatal';
    delete broken.version;
    expect(validate!(broken)).toEqual([
      "/: must have required property 'version'",
      '/runs/0/results/1/locations/0/physicalLocation/region/startLine: must be >= 1',
      '/runs/0/results/2/level: must be equal to one of the allowed values ["none","note","warning","error"]',
    ]);
  });

  it('has one run whose driver lists each rule once, in order of appearance', () => {
    const out = log();
    expect(out.version).toBe('2.1.0');
    expect(out.runs).toHaveLength(1);
    expect(out.runs[0].tool.driver).toMatchObject({ name: 'logo-check', version: '0.1.0' });
    const rules = out.runs[0].tool.driver.rules;
    expect(rules.map((r: { id: string; properties: object }) => [r.id, r.properties])).toEqual([
      ['period', { article: 'Article IX', kind: 'period', tags: ['period'] }],
      ['colour', { article: 'Article X', kind: 'modification', tags: ['modification'] }],
      ['addition', { article: 'Article X', kind: 'addition', tags: ['addition'] }],
      ['min-size', { article: 'Article X', kind: 'placement', tags: ['placement'] }],
      ['badge-text', { article: 'Article II', kind: 'modification', tags: ['modification'] }],
    ]);
  });

  it('describes each rule as code scanning shows it: short and full description, markdown help, a link', async () => {
    const charter = await loadCharter();
    const rules = JSON.parse(sarif(sampleReport('en'), { color: false, charter })).runs[0].tool.driver.rules;
    for (const rule of rules) {
      expect(rule.shortDescription.text).toBeTruthy();
      expect(rule.fullDescription.text).toBeTruthy();
      expect(rule.help.markdown).toContain(`[All rules](${HELP_URI})`);
      expect(rule.helpUri).toBe(HELP_URI);
    }
    const colour = rules[1];
    expect(colour.shortDescription.text).toBe(`${ruleLabel('colour', 'en')} (Article X)`);
    expect(colour.fullDescription.text).toBe('Each element of the logo keeps the charter colours, within the accepted tolerance.');
    expect(colour.help.markdown).toMatch(/^\*\*Article X\*\* — « Toute modification, adjonction/);
    expect(colour.help.markdown).toContain('**How to fix:** use the supplied logo file without changing its colours (logo-check artwork --badge <variant>)');
    expect(colour.help.text).not.toContain('**');
    expect(colour.defaultConfiguration).toEqual({ level: 'error' });
  });

  it('maps severities to levels and places logo findings by page and pixel box', () => {
    const results = log().runs[0].results;
    expect(results.map((r: { ruleId: string; level: string; ruleIndex: number }) => [r.ruleId, r.level, r.ruleIndex])).toEqual([
      ['period', 'error', 0],
      ['colour', 'error', 1],
      ['addition', 'warning', 2],
      ['min-size', 'note', 3],
      ['badge-text', 'warning', 4],
    ]);
    // A finding about the whole document is shown on its first page.
    expect(results[0].locations).toEqual([
      { physicalLocation: { artifactLocation: { uri: 'samples/brochure.pdf' }, region: { startLine: 1, properties: { page: 1 } } } },
    ]);
    expect(results[1].locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'samples/brochure.pdf' },
          region: { startLine: 2, properties: { page: 2, bbox: [60.4, 1200, 400, 150] } },
        },
      },
    ]);
    expect(results[1].message.text).toBe(
      "La flèche rouge est d'une autre couleur : ΔE2000 = 14.2 du rouge de la charte (tolérance 10). " +
        'Comment corriger : Reprenez la flèche dans le fichier officiel du logo, sans changer sa couleur.',
    );
    expect(results[1].properties).toEqual({
      kind: 'modification',
      article: 'Article X',
      severity: 'error',
      element: 'arrow',
      measured: 14.2,
      expected: 10,
      fix: 'Reprenez la flèche dans le fichier officiel du logo, sans changer sa couleur.',
    });
  });

  it('reports a waived finding as a note suppressed by the declared medium', () => {
    const waived = log('en').runs[0].results[3];
    expect(waived.level).toBe('note');
    expect(waived.message.text).toBe(
      'The logo is 18 mm wide (minimum 25 mm). ' +
        'Allowed for the medium “small screen (mobile, banner)” because a small screen cannot show the logo at its minimum print size.',
    );
    expect(waived.suppressions).toEqual([{ kind: 'external', justification: 'adaptation allowed for the medium small-screen' }]);
    expect(waived.properties.severity).toBe('warning');
  });

  it('reports an unreadable file as a failed execution, not as a finding', () => {
    const run = log().runs[0];
    expect(run.invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'Le fichier est endommagé et ne peut pas être ouvert.' },
            descriptor: { id: 'DECODE_FAILED' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'samples/scan.tif' } } }],
          },
        ],
      },
    ]);
    expect(run.results.some((r: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) =>
      r.locations[0].physicalLocation.artifactLocation.uri === 'samples/scan.tif')).toBe(false);
  });

  it('carries charter, options and summary in the run properties', () => {
    expect(log().runs[0].properties).toEqual({
      charter: { id: 'econumerique-2006', name: "Entrepreneurs, faites le choix de l'économie numérique" },
      options: { lang: 'fr' },
      summary: { complete: true, unchecked: 0, files: 4, passed: 2, failed: 1, errors: 1, logos: 3, findings: { error: 2, warning: 2, info: 1 } },
    });
  });

  it('is a successful empty run when nothing was checked', () => {
    const report = { ...sampleReport('fr'), files: [], summary: { complete: true, unchecked: 0, files: 0, passed: 0, failed: 0, errors: 0, logos: 0, findings: { error: 0, warning: 0, info: 0 } } };
    const out = JSON.parse(sarif(report, { color: false }));
    if (validate) expect(validate(out)).toEqual([]);
    expect(out.runs[0]).toMatchObject({ invocations: [{ executionSuccessful: true }], results: [] });
  });
});

describe('sarif report of a batch', () => {
  const receipt = {
    sha256: 'a'.repeat(64),
    size: 1234,
    checkedAt: '2026-11-30T01:00:00.000Z',
    charter: { id: 'econumerique-2006', sha256: 'b'.repeat(64) },
    tool: { name: 'logo-check', version: '0.1.0' },
    options: { lang: 'fr' as const, dpi: 150 },
    ms: 812,
  };

  it('lists each file with a receipt as an artifact with its sha-256 and length', () => {
    const report = sampleReport('fr');
    report.files[0] = { ...report.files[0], receipt };
    const out = JSON.parse(sarif(report, { color: false }));
    if (validate) expect(validate(out)).toEqual([]);
    expect(out.runs[0].artifacts).toEqual([
      { location: { uri: artifactUri(report.files[0].path) }, length: 1234, hashes: { 'sha-256': 'a'.repeat(64) }, properties: { receipt } },
    ]);
  });

  it('is not a successful execution when the run was interrupted, and says why', () => {
    const report = sampleReport('fr');
    report.files = report.files.filter((f) => f.status !== 'error');
    report.summary = summarise(report.files, 2);
    const invocation = JSON.parse(sarif(report, { color: false })).runs[0].invocations[0];
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      { level: 'error', message: { text: 'interrupted: 2 files not checked; this log holds only what finished' }, descriptor: { id: 'interrupted' } },
    ]);
  });
});

describe('sarif for code scanning', () => {
  it('gives every result a fingerprint that is the same from run to run and differs between findings', () => {
    const prints = () => log().runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['logoCheck/v1']) as string[];
    const first = prints();
    expect(first.every((p) => /^[0-9a-f]{32}$/.test(p))).toBe(true);
    expect(new Set(first).size).toBe(first.length);
    expect(prints()).toEqual(first);
    // The English report of the same files: the words differ, the findings do not.
    const english = JSON.parse(sarif(sampleReport('en'), { color: false })).runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['logoCheck/v1']);
    expect(english).toEqual(first);
  });

  it('names files relative to --base-dir through originalUriBaseIds, and those outside it by their own URI', () => {
    const report = sampleReport('fr');
    report.files[0] = { ...report.files[0], path: '/elsewhere/flyer.png' };
    const base = resolve('samples/..');
    const out = JSON.parse(sarif(report, { color: false, baseDir: base }));
    if (validate) expect(validate(out)).toEqual([]);
    expect(out.runs[0].originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: pathToFileURL(base).href + '/' } });
    expect(out.runs[0].results[1].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'samples/brochure.pdf', uriBaseId: '%SRCROOT%' });
    const sub = JSON.parse(sarif(report, { color: false, baseDir: resolve('samples') }));
    expect(sub.runs[0].results[1].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'brochure.pdf', uriBaseId: '%SRCROOT%' });
    expect(sub.runs[0].invocations[0].toolExecutionNotifications[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'scan.tif', uriBaseId: '%SRCROOT%' });
  });
});

describe('artifactUri', () => {
  it.each([
    ['samples/flyer ok.png', 'samples/flyer%20ok.png'],
    ['dossier\\brochure été.pdf', 'dossier/brochure%20%C3%A9t%C3%A9.pdf'],
    ['/srv/audit/a#1.pdf', 'file:///srv/audit/a%231.pdf'],
    ['http://www.dupont-informatique.fr/offres/pack tpe', 'http://www.dupont-informatique.fr/offres/pack%20tpe'],
  ])('%s → %s', (path, uri) => {
    expect(artifactUri(path)).toBe(uri);
  });
});
