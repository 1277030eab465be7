import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { failingFile, fileWithoutLogo, passingFile, unreadableFile } from '../report/testing/fixtures.ts';
import { reportValidator } from '../report/testing/validate-json-schema.ts';
import type { FileResult } from '../types.ts';
import { run } from './testing.ts';

const validate = reportValidator(JSON.parse(await readFile(new URL('../report/report.schema.json', import.meta.url), 'utf8')));

const pass = { 'samples/flyer ok.png': passingFile() };
const fail = { ...pass, 'samples/brochure.pdf': failingFile('fr') };
const broken = { ...fail, 'samples/scan.tif': unreadableFile('fr') };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logo-check-cli-'));
});

describe('exit codes', () => {
  it('is 0 when every file passes', async () => {
    const r = await run(['samples'], { results: { ...pass, 'samples/photo.jpg': fileWithoutLogo() } });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('is 1 when a file has an error-severity finding', async () => {
    expect((await run(['samples'], { results: fail })).code).toBe(1);
  });

  it('is 3 when a file could not be analysed, and the other files are still reported', async () => {
    const r = await run(['samples'], { results: broken });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('✔ samples/flyer ok.png — conforme');
    expect(r.stdout).toContain('✘ samples/brochure.pdf — non conforme');
    expect(r.stdout).toContain('⚠ samples/scan.tif — illisible [code DECODE_FAILED]\n  Le fichier est endommagé');
  });

  it('is 3 when an input cannot be expanded into files, reported like an unreadable file', async () => {
    const r = await run(['samples', 'missing.pdf'], {
      results: pass,
      problems: [{ path: 'missing.pdf', error: { code: 'NOT_FOUND', message: "Le fichier n'existe pas." } }],
    });
    expect(r.code).toBe(3);
    expect(r.stdout).toContain("⚠ missing.pdf — illisible [code NOT_FOUND]\n  Le fichier n'existe pas.");
  });

  it('is 2 when the paths hold no file to check, so a mistyped folder does not pass in CI', async () => {
    const r = await run(['empty/'], { results: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('logo-check: no image or PDF file found in empty/\n');
  });

  it('does not let a waived error fail the run', async () => {
    const file = passingFile();
    file.pages[0].logos[0].findings = [{ rule: 'min-size', kind: 'placement', severity: 'error', article: 'Article X', message: 'trop petit', waivedBy: 'fax' }];
    expect((await run(['a.png', '--medium', 'fax'], { results: { 'a.png': file } })).code).toBe(0);
  });

  it('derives the status from the findings, whatever the checker said', async () => {
    const r = await run(['--format', 'json', 'x'], { results: { 'samples/brochure.pdf': { ...failingFile('fr'), status: 'pass' } } });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).files[0].status).toBe('fail');
  });
});

describe('a file the checker chokes on', () => {
  it('keeps the message of an error given as an Error instance in the JSON report', async () => {
    const error = Object.assign(new Error('le fichier est chiffré'), { code: 'ENCRYPTED' });
    const r = await run(['--format', 'json', 'x'], { results: { 'a.pdf': () => ({ ...unreadableFile('fr'), path: 'a.pdf', error }) } });
    expect(JSON.parse(r.stdout).files[0].error).toEqual({ code: 'ENCRYPTED', message: 'le fichier est chiffré' });
  });

  it('becomes an error result and the batch goes on, with the checker closed', async () => {
    const r = await run(['samples'], {
      results: {
        'samples/bad.png': () => {
          throw new Error('boom');
        },
        ...pass,
      },
    });
    expect(r.code).toBe(3);
    expect(r.checked).toEqual(['samples/bad.png', 'samples/flyer ok.png']);
    expect(r.closed).toBe(1);
    expect(r.stdout).toContain("⚠ samples/bad.png — illisible [code internal]\n  L'analyse s'est arrêtée sur une erreur interne (boom) ;");
  });

  it('is reported on stderr with exit 2 when the checker cannot start', async () => {
    const r = await run(['samples'], { results: pass }, {
      createChecker: async () => {
        throw new Error('opencv did not load');
      },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('logo-check: the checker could not start: opencv did not load\n');
  });
});

describe('what the checker is told', () => {
  it('passes the declared options, the bundled charter and the defaults', async () => {
    const logo = join(dir, 'partner.png');
    await writeFile(logo, 'not really a png');
    const r = await run(['--category', 'offre-referencee', '--medium', 'sms', '--as-of', '2007-05-01', '--dpi', '300', '--partner-logo', logo, '--lang', 'en', 'x'], { results: pass });
    const { charter, ...options } = r.options!;
    expect(charter.id).toBe('econumerique-2006');
    expect(options).toEqual({
      lang: 'en',
      dpi: 300,
      limits: { timeoutMs: 300_000, memoryMb: 1024 },
      category: 'offre-referencee',
      medium: 'sms',
      asOf: new Date('2007-05-01T00:00:00Z'),
      partnerLogo: resolve(logo),
    });
  });

  it('defaults to French and 150 dpi', async () => {
    const { charter, ...options } = (await run(['x'], { results: pass })).options!;
    expect(charter.name).toBe("Entrepreneurs, faites le choix de l'économie numérique");
    expect(options).toEqual({ lang: 'fr', dpi: 150, limits: { timeoutMs: 300_000, memoryMb: 1024 } });
  });

  it('uses the charter given with --charter', async () => {
    const custom = JSON.parse(await readFile(new URL('../../charter/econumerique.json', import.meta.url), 'utf8'));
    custom.id = 'autre-operation';
    custom.media = [];
    const file = join(dir, 'custom.json');
    await writeFile(file, JSON.stringify(custom));
    const r = await run(['--charter', file, '--format', 'json', 'x'], { results: pass });
    expect(r.options!.charter.id).toBe('autre-operation');
    expect(JSON.parse(r.stdout).charter.id).toBe('autre-operation');
  });
});

describe('usage errors', () => {
  async function usage(args: string[]) {
    const r = await run(args, { results: pass });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.options).toBeUndefined();
    return r.stderr;
  }

  it.each([
    [['--format', 'xml', 'x'], "logo-check: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif, html, junit, csv, jsonl — see logo-check --help\n"],
    [['--lang', 'de', 'x'], "logo-check: option '--lang <lang>' argument 'de' is invalid. Allowed choices are fr, en — see logo-check --help\n"],
    [['--dpi', '20', 'x'], "logo-check: option '--dpi <n>' argument '20' is invalid. Expected a whole number from 36 to 600 — see logo-check --help\n"],
    [['--dpi', '150dpi', 'x'], "logo-check: option '--dpi <n>' argument '150dpi' is invalid. Expected a whole number from 36 to 600 — see logo-check --help\n"],
    [['--as-of', '31/12/2008', 'x'], "logo-check: option '--as-of <date>' argument '31/12/2008' is invalid. Expected a date written YYYY-MM-DD, e.g. 2008-12-31 — see logo-check --help\n"],
    [['--as-of', '2008-02-30', 'x'], "logo-check: option '--as-of <date>' argument '2008-02-30' is invalid. Expected a date written YYYY-MM-DD, e.g. 2008-12-31 — see logo-check --help\n"],
    [['--category', 'offre', 'x'], "logo-check: option '--category <variant>' argument 'offre' is invalid. Expected one of the charter's badge ids: offre-referencee, equipement-reference, centre-competence-tpe, conseiller-tpe — see logo-check --help\n"],
    [['--medium', 'tv', 'x'], "logo-check: option '--medium <id>' argument 'tv' is invalid. Expected one of the charter's media ids: monochrome-print, fax, sms, radio, small-screen — see logo-check --help\n"],
    [['--partner-logo', 'no-such-logo.png', 'x'], "logo-check: option '--partner-logo <file>' argument 'no-such-logo.png' is invalid. Expected an existing image file of your own logo — see logo-check --help\n"],
    [['--fromat', 'json', 'x'], "logo-check: unknown option '--fromat' (Did you mean --format?) — see logo-check --help\n"],
    [[], "logo-check: missing required argument 'paths' — see logo-check --help\n"],
  ])('%j', async (args, message) => {
    expect(await usage(args)).toBe(message);
  });

  it('prints a charter problem field by field', async () => {
    const bad = JSON.parse(await readFile(new URL('../../charter/econumerique.json', import.meta.url), 'utf8'));
    bad.palette.blue.hex = 'bleu';
    bad.badges[0].id = 'Offre Référencée';
    const file = join(dir, 'bad-charter.json');
    await writeFile(file, JSON.stringify(bad));
    expect(await usage(['--charter', file, 'x'])).toBe(
      `logo-check: option '--charter <file>': charter ${file} is not valid:\n` +
        '  - palette.blue.hex: must be a colour written #RRGGBB, e.g. "#0055A4"\n' +
        '  - badges.0.id: must be a lower-case id with dashes, e.g. "offre-referencee"\n' +
        'see logo-check --help\n',
    );
  });

  it('names a charter file that does not exist', async () => {
    const message = await usage(['--charter', 'nowhere.json', 'x']);
    expect(message).toBe(
      "logo-check: option '--charter <file>': charter nowhere.json is not valid:\n" +
        '  - cannot be read (ENOENT); pass an existing charter file with --charter\n' +
        'see logo-check --help\n',
    );
  });
});

describe('formats and languages', () => {
  it('writes a French text report by default', async () => {
    const r = await run(['samples'], { results: fail });
    expect(r.stdout).toMatch(/^logo-check 0\.1\.0 — charte « Entrepreneurs, faites le choix de l'économie numérique » \(econumerique-2006\)\n/);
    expect(r.stdout).toContain('Comment corriger : Reprenez la flèche');
    expect(r.stdout).toMatch(/Résumé : 2 fichiers analysés — 1 conforme, 1 non conforme, 0 illisible\n {9}3 logos trouvés — 2 erreurs, 2 avertissements\n$/);
  });

  it('writes English words with --lang en', async () => {
    const r = await run(['--lang', 'en', 'samples'], { results: { 'samples/brochure.pdf': failingFile('en') } });
    expect(r.stdout).toContain('✘ samples/brochure.pdf — not compliant');
    expect(r.stdout).toContain('How to fix: Take the arrow');
  });

  it('writes a JSON report that follows report.schema.json', async () => {
    const r = await run(['--format', 'json', '--category', 'offre-referencee', '--as-of', '2007-05-01', 'samples'], { results: broken });
    const report = JSON.parse(r.stdout);
    expect(validate(report)).toEqual([]);
    expect(report.tool).toEqual({ name: 'logo-check', version: pkg.version });
    expect(report.charter).toEqual({ id: 'econumerique-2006', name: "Entrepreneurs, faites le choix de l'économie numérique", sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(report.options).toEqual({ category: 'offre-referencee', asOf: '2007-05-01', lang: 'fr' });
    expect(report.files.map((f: FileResult) => [f.path, f.status])).toEqual([
      ['samples/flyer ok.png', 'pass'],
      ['samples/brochure.pdf', 'fail'],
      ['samples/scan.tif', 'error'],
    ]);
    expect(report.summary).toEqual({ complete: true, unchecked: 0, files: 3, passed: 1, failed: 1, errors: 1, logos: 3, findings: { error: 2, warning: 2, info: 1 } });
  });

  it('writes SARIF', async () => {
    const r = await run(['--format', 'sarif', 'samples'], { results: fail });
    const log = JSON.parse(r.stdout);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].tool.driver.name).toBe('logo-check');
    expect(log.runs[0].results).toHaveLength(5);
  });

  it('writes the report to --output instead of stdout, without colour', async () => {
    const out = join(dir, 'report.txt');
    const r = await run(['--output', out, 'samples'], { results: fail, stdoutTTY: true });
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`logo-check: report written to ${out}\n`);
    const written = await readFile(out, 'utf8');
    expect(written).toContain('✘ samples/brochure.pdf — non conforme');
    expect(written).not.toContain('\u001b[');
  });

  it('fails with exit 2 when --output cannot be written', async () => {
    const r = await run(['--output', join(dir, 'no/such/dir/report.json'), 'samples'], { results: pass });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^logo-check: cannot write the report to .*report\.json: ENOENT/);
  });
});

describe('terminal behaviour', () => {
  it('colours the text report on a terminal', async () => {
    expect((await run(['x'], { results: pass, stdoutTTY: true })).stdout).toContain('\u001b[32m✔\u001b[39m');
  });

  it('honours NO_COLOR', async () => {
    expect((await run(['x'], { results: pass, stdoutTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('honours FORCE_COLOR when piped', async () => {
    expect((await run(['x'], { results: pass, env: { FORCE_COLOR: '1' } })).stdout).toContain('\u001b[');
  });

  it('shows a progress bar on a terminal stderr for more than one file', async () => {
    const r = await run(['samples'], { results: fail, stderrTTY: true });
    expect(r.stderr).toContain('2/2');
    expect(r.stdout).toContain('Résumé');
  });

  it.each([
    ['one file', { 'samples/flyer ok.png': passingFile() }, []],
    ['--quiet', fail, ['--quiet']],
  ])('shows no progress bar for %s', async (_, results, flags) => {
    expect((await run([...flags, 'samples'], { results, stderrTTY: true })).stderr).toBe('');
  });

  it('shows no progress bar when stderr is not a terminal', async () => {
    expect((await run(['samples'], { results: fail })).stderr).toBe('');
  });

  it('--quiet lists only the files that need attention in the text report', async () => {
    const r = await run(['--quiet', 'samples'], { results: broken });
    expect(r.stdout).not.toContain('flyer ok.png');
    expect(r.stdout).toContain('✘ samples/brochure.pdf');
    expect(r.stdout).toContain('⚠ samples/scan.tif');
    expect(r.stdout).toContain('Résumé : 3 fichiers analysés — 1 conforme, 1 non conforme, 1 illisible');
  });

  it('--quiet keeps machine-readable reports whole', async () => {
    const r = await run(['--quiet', '--format', 'json', 'samples'], { results: broken });
    expect(JSON.parse(r.stdout).files).toHaveLength(3);
  });
});

describe('help and version', () => {
  it('prints the version from package.json', async () => {
    const r = await run(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('prints help with options, commands and exit codes', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    for (const text of ['--format <format>', '--category <variant>', 'offre-referencee', 'artwork', 'charter', 'Exit codes / codes de sortie', 'Repère le logo']) {
      expect(r.stdout).toContain(text);
    }
  });
});
