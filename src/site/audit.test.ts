// The crawl and the audit against a site served on the loopback interface, and against the same
// site saved as a folder and as a WARC file. Nothing here sends a request elsewhere: the crawl
// fetches only the partner's host, and the one link to another site goes to ailleurs.invalid, a
// name reserved never to resolve.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCharter } from '../charter/load.ts';
import { createChecker, type Checker } from '../check.ts';
import type { Charter, FileResult } from '../types.ts';
import { auditSite, type SiteAudit, type SiteOutcome } from './audit.ts';
import { folderSource, warcSource, webSource } from './sources.ts';
import { saveAsFolder, saveAsWarc, startTestSite, type TestSite } from './testing/test-site.ts';

const UA = 'logo-check/test (Article VIII audit)';
let charter: Charter;
let site: TestSite;
let checker: Checker;
let dir: string;

const audit = (offerUrls: string[] = []): SiteAudit => ({
  home: site.partner,
  offerUrls: offerUrls.map((p) => new URL(p, site.partner).href),
  catalogue: site.catalogue,
  limits: { maxPages: 50, maxDepth: 10 },
  userAgent: UA,
  charter,
  lang: 'fr',
});

const web = () => webSource({ userAgent: UA, delayMs: 0, timeoutMs: 5000, maxBytes: 5_000_000 });
const page = (outcome: SiteOutcome, path: string): FileResult | undefined => outcome.files.find((f) => f.path === new URL(path, site.partner).href);
const rules = (file: FileResult | undefined) => (file?.findings ?? []).map((f) => f.rule);

beforeAll(async () => {
  charter = await loadCharter();
  site = await startTestSite(charter);
  checker = await createChecker({ charter, lang: 'fr' });
  dir = await mkdtemp(join(tmpdir(), 'logo-check-site-test-'));
}, 60_000);

afterAll(async () => {
  await checker?.close();
  await site?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('a partner site on the loopback interface, offer pages given by the catalogue', () => {
  let outcome: SiteOutcome;
  beforeAll(async () => {
    outcome = await auditSite(audit(['/niveau-7', '/offres/pack-tpe']), web(), checker);
  }, 180_000);

  it('stays on the host, within robots.txt, and says who it is', () => {
    expect(site.requests).not.toContain('/prive/tarifs.html');
    expect(site.requests.filter((p) => p === '/boucle-a')).toHaveLength(1);
    expect(site.requests[0]).toBe('/robots.txt');
    expect([...site.userAgents]).toEqual([UA]);
    // Every page of the site, once (the redirect adds /ancien), and the pictures and stylesheet.
    expect(new Set(site.requests).size).toBe(site.requests.length);
    // robots.txt asks for 0.05 s between requests; --delay was 0.
    const gaps = site.times.slice(1, site.requests.length).map((t, i) => t - site.times[i]);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(45);
  });

  it('reports the broken link as a page that could not be read', () => {
    expect(page(outcome, '/casse')?.error).toEqual({ code: 'http-404', message: 'HTTP 404' });
  });

  it('follows the redirect and reports the page where it leads', () => {
    expect(page(outcome, '/ancien')).toBeUndefined();
    expect(rules(page(outcome, '/a-propos'))).toContain('name-text');
  });

  it('warns that the offer page 7 clicks deep is past « moins de 6 clics », with the click path', () => {
    const [finding] = page(outcome, '/niveau-7')!.findings.filter((f) => f.rule === 'offer-depth');
    expect(finding).toMatchObject({ severity: 'warning', article: 'Article VIII', measured: 7, expected: 5 });
    expect(finding.data?.path).toEqual(['Toutes les offres', 'Niveau 2', 'Niveau 3', 'Niveau 4', 'Niveau 5', 'Niveau 6', 'Niveau 7']);
    expect(rules(page(outcome, '/niveau-7'))).not.toContain('catalogue-link');
  });

  it('fails the page whose way back to the catalogue takes 3 clicks', () => {
    const file = page(outcome, '/offres/pack-tpe')!;
    const [finding] = file.findings.filter((f) => f.rule === 'catalogue-link');
    expect(finding).toMatchObject({ severity: 'error', measured: 3, expected: 2, data: { path: ['À propos', 'Partenaires'] } });
    expect(file.status).toBe('fail');
    expect(rules(file)).not.toContain('offer-depth');
  });

  it("judges the offer page's documentation from its HTML text", () => {
    const [finding] = page(outcome, '/offres/pack-tpe')!.findings.filter((f) => f.rule === 'documentation');
    expect(finding.data?.missing).toEqual(['extra-costs', 'guarantee', 'base-unit']);
  });

  it('checks the logo as <img>, inline SVG and CSS background, each with its page and picture', () => {
    const home = page(outcome, '/')!;
    // The stylesheet's background is on every page: judged once, on the first page showing it.
    expect(home.pages.map((p) => p.source)).toEqual([new URL('/img/logo.png', site.partner).href, new URL('/img/bandeau.png', site.partner).href]);
    expect(home.pages[0].logos[0].findings).toEqual([]);
    const offer = page(outcome, '/offres/pack-tpe')!;
    expect(offer.pages.map((p) => p.source)).toEqual(['inline SVG 1']);
    const about = page(outcome, '/a-propos')!;
    expect(about.pages.map((p) => p.source)).toEqual([new URL('/img/bandeau-inline.png', site.partner).href]);
    expect(about.pages[0].logos[0].findings.map((f) => f.rule)).toContain('colour');
    expect(outcome.files.flatMap((f) => f.pages).filter((p) => p.source?.endsWith('/img/bandeau.png'))).toHaveLength(1);
    expect(outcome.pictures).toBe(4);
  });
});

describe('offer pages recognised on the site', () => {
  it('finds the offer on the home page by its logo: no offer-depth, no catalogue-link', async () => {
    const outcome = await auditSite(audit(), web(), checker);
    expect(outcome.files.flatMap((f) => f.findings).map((f) => f.rule).filter((r) => r === 'offer-depth' || r === 'catalogue-link')).toEqual([]);
  }, 180_000);

  it('warns when no page shows the logo or the name within the pages read (the catalogue has neither)', async () => {
    const outcome = await auditSite({ ...audit(), home: site.catalogue }, web(), checker);
    expect(outcome.files.flatMap((f) => f.findings).filter((f) => f.rule === 'offer-depth').map((f) => f.message)).toEqual([
      "aucune page du site ne présente l'offre, ni par le logo ni par le nom de l'opération (pages lues : 1)",
    ]);
  }, 180_000);
});

describe('saved copies', () => {
  const summary = (outcome: SiteOutcome) =>
    outcome.files
      .map((f) => `${new URL(f.path).pathname} ${f.status} ${[...f.findings.map((x) => x.rule), ...f.pages.flatMap((p) => p.logos.flatMap((l) => l.findings.map((x) => x.rule)))].sort().join(',')}`)
      .sort();

  it('a folder and a WARC file give the report the web gives', async () => {
    const live = await auditSite(audit(['/niveau-7', '/offres/pack-tpe']), web(), checker);
    const requestsBefore = site.requests.length;
    await saveAsFolder(site, join(dir, 'copie'));
    await saveAsWarc(site, join(dir, 'copie.warc.gz'));
    const fromFolder = await auditSite(audit(['/niveau-7', '/offres/pack-tpe']), folderSource(join(dir, 'copie')), checker);
    const fromWarc = await auditSite(audit(['/niveau-7', '/offres/pack-tpe']), await warcSource(join(dir, 'copie.warc.gz')), checker);
    expect(site.requests.length).toBe(requestsBefore);
    expect(summary(fromWarc)).toEqual(summary(live));
    // A folder has no redirects: /ancien is simply missing there.
    expect(summary(fromFolder)).toEqual([...summary(live), '/ancien error '].sort());
  }, 300_000);
});
