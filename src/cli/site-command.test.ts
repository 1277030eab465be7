// logo-check site as a user runs it, against the test site on the loopback interface, with the
// real checker in this process (no worker threads).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCharter } from '../charter/load.ts';
import { createChecker } from '../check.ts';
import { reportValidator } from '../report/testing/validate-json-schema.ts';
import { startTestSite, type TestSite } from '../site/testing/test-site.ts';
import type { Report } from '../types.ts';
import { run } from './testing.ts';

const validate = reportValidator(JSON.parse(await readFile(new URL('../report/report.schema.json', import.meta.url), 'utf8')));
let site: TestSite;
let dir: string;
const real = { createChecker: (options: Parameters<typeof createChecker>[0]) => createChecker(options) };

beforeAll(async () => {
  site = await startTestSite(await loadCharter());
  dir = await mkdtemp(join(tmpdir(), 'logo-check-site-cli-'));
}, 60_000);

afterAll(async () => {
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('logo-check site', () => {
  it('reports the site as JSON that follows the schema, and fails on the missing way back to the catalogue', async () => {
    const offer = new URL('/offres/pack-tpe', site.partner).href;
    const result = await run(['site', site.partner, '--offer-url', offer, '--catalogue', site.catalogue, '--delay', '0', '--format', 'json', '--lang', 'en'], {}, real);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as Report;
    expect(validate(report)).toEqual([]);
    const page = report.files.find((f) => f.path === offer)!;
    expect(page.findings.map((f) => f.rule).sort()).toEqual(['catalogue-link', 'documentation']);
    expect(page.findings.find((f) => f.rule === 'catalogue-link')!.message).toBe(
      `back to the catalogue ${site.catalogue} in 3 clicks from this page (page → “À propos” → “Partenaires”); 2 at most`,
    );
    expect(result.stderr).toMatch(/pages reported, \d+ requests, 4 pictures checked, 1 links forbidden by robots\.txt/);
  }, 180_000);

  it('checks every site of a --sites list, one report each in the --output folder', async () => {
    const list = join(dir, 'sites.txt');
    await writeFile(list, `# partenaires à contrôler\n${site.partner} ${new URL('/niveau-7', site.partner).href}\n${site.catalogue}\n`);
    const out = join(dir, 'reports');
    const result = await run(['site', '--sites', list, '--catalogue', site.catalogue, '--delay', '0', '--max-pages', '30', '--output', out], {}, real);
    // The recoloured logo of the partner's « À propos » page fails that site.
    expect(result.code).toBe(1);
    const files = (await readdir(out)).sort();
    expect(files).toEqual([`${new URL(site.partner).host.replace(':', '_')}.txt`, `${new URL(site.catalogue).host.replace(':', '_')}_catalogue.txt`].sort());
    const partner = await readFile(join(out, files.find((f) => f.startsWith('127.0.0.1'))!), 'utf8');
    expect(partner).toContain("page de l'offre à 7 clics de la page d'accueil");
  }, 240_000);

  it('refuses a home page and --sites together, and an offer page of another site', async () => {
    const both = await run(['site', site.partner, '--sites', 'x.txt'], {}, real);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give either the home page address of one site or --sites FILE');
    const other = await run(['site', site.partner, '--offer-url', 'http://ailleurs.invalid/offre'], {}, real);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain("option '--offer-url <url>' argument 'http://ailleurs.invalid/offre' is invalid");
  });
});
