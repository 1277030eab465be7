// One partner's site judged against Article VIII, and its pages' logos and texts against the rest
// of the terms: the crawl gives the pages, the checker judges every picture as it judges files,
// and the rules judge where the offer sits. Each page becomes a FileResult whose path is its URL,
// so that every report format shows a site as it shows a folder.
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Checker } from '../check.ts';
import { fileStatus } from '../report/summary.ts';
import { checkDocument, checkSite, type OfferPage } from '../rules/index.ts';
import { findName } from '../rules/name-text.ts';
import type { Charter, FileResult, Finding, Lang, PageResult, PageText } from '../types.ts';
import { clickPath, crawlSite, createCrawler, sameHost, type CrawledPage, type CrawlLimits } from './crawl.ts';
import { cssUrls, type PagePicture } from './html.ts';
import type { SiteSource } from './sources.ts';

export interface SiteAudit {
  home: string;
  /** Pages the catalogue links to (Article VIII); the offer is recognised on the pages when none. */
  offerUrls: string[];
  catalogue: string;
  limits: CrawlLimits;
  userAgent: string;
  charter: Charter;
  lang: Lang;
}

export interface SiteOutcome {
  files: FileResult[];
  /** Requests sent to the site (or looked up in the saved copy). */
  requests: number;
  pictures: number;
  forbidden: string[];
  notFollowed: number;
}

const EXTENSIONS: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/svg+xml': '.svg',
  'image/avif': '.avif',
  'image/tiff': '.tif',
  'application/pdf': '.pdf',
};

/** Whether a link leads to the catalogue: its host (with or without www.) and under its path. */
export function isCatalogueLink(url: string, catalogue: string): boolean {
  const a = new URL(url);
  const b = new URL(catalogue);
  const host = (u: URL) => u.host.replace(/^www\./, '');
  return host(a) === host(b) && a.pathname.startsWith(b.pathname);
}

function pageError(url: string, page: CrawledPage): FileResult {
  const code = page.status ? `http-${page.status}` : 'unreachable';
  return { path: url, status: 'error', error: { code, message: page.problem ?? `HTTP ${page.status}` }, pages: [], findings: [] };
}

export async function auditSite(audit: SiteAudit, source: SiteSource, checker: Checker): Promise<SiteOutcome> {
  const { home, charter, lang } = audit;
  const crawler = await createCrawler(home, source, audit.userAgent);
  const map = await crawlSite(crawler, home, audit.limits);
  const fromHome = new Set(map.pages.keys());
  const scratch = await mkdtemp(join(tmpdir(), 'logo-check-site-'));
  const files = new Map<string, FileResult>();
  const fileFor = (url: string): FileResult => {
    let file = files.get(url);
    if (!file) files.set(url, (file = { path: url, status: 'pass', pages: [], findings: [] }));
    return file;
  };
  let pictures = 0;

  /** A fetched picture or document judged by the checker, from a private temporary file. */
  async function checkBytes(body: Buffer, contentType: string, name: string): Promise<FileResult> {
    const ext = EXTENSIONS[contentType.split(';')[0].trim().toLowerCase()] ?? '';
    const file = join(scratch, `${createHash('sha256').update(name).digest('hex').slice(0, 16)}${ext}`);
    await writeFile(file, body, { mode: 0o600 });
    try {
      return await checker.checkFile(file);
    } finally {
      await rm(file, { force: true });
    }
  }

  try {
    // Pages the catalogue links to may not be linked from the site at all: read them anyway.
    // The walks back to the catalogue come first, so that the pages they read have their pictures checked too.
    const ways = new Map<string, { clicks: number; path: string[] } | undefined>();
    for (const url of audit.offerUrls) {
      const offer = await crawler.page(url, Number.POSITIVE_INFINITY);
      ways.set(offer.url, await walkToCatalogue(crawler, offer.url, audit));
    }

    const seenPictures = new Set<string>();
    const logoPages = new Set<string>();
    const stylesheets = new Map<string, string[]>();
    for (const page of [...crawler.pages.values()]) {
      if (!page.content) {
        if (page.problem) files.set(page.url, pageError(page.url, page));
        else if (/pdf/i.test(page.contentType) && page.body) {
          // A brochure on the site: judged as the file it is, documentation included.
          const result = await checkBytes(page.body, 'application/pdf', page.url);
          files.set(page.url, { ...result, path: page.url });
        }
        continue;
      }
      const file = fileFor(page.url);
      const shown: PagePicture[] = [...page.content.pictures];
      for (const sheet of page.content.stylesheets) {
        if (!sameHost(sheet, home)) continue;
        if (!stylesheets.has(sheet)) {
          const css = await source.fetch(sheet);
          stylesheets.set(sheet, css.status === 200 ? cssUrls(css.body.toString('utf8'), sheet) : []);
        }
        for (const url of stylesheets.get(sheet)!) shown.push({ kind: 'css', url });
      }
      let svgIndex = 0;
      for (const picture of shown) {
        const key = picture.url ?? createHash('sha256').update(picture.svg ?? '').digest('hex');
        if (picture.kind === 'svg') svgIndex++;
        // A picture repeated on every page (a header) is judged once, on the first page showing it.
        if (seenPictures.has(key)) continue;
        seenPictures.add(key);
        let body: Buffer;
        let type: string;
        if (picture.svg) {
          body = Buffer.from(picture.svg.includes('xmlns=') ? picture.svg : picture.svg.replace(/^<svg/, '<svg xmlns="http://www.w3.org/2000/svg"'));
          type = 'image/svg+xml';
        } else {
          // The crawl never leaves the host: pictures served from elsewhere are not fetched.
          if (!sameHost(picture.url!, home)) continue;
          const fetched = await source.fetch(picture.url!);
          if (fetched.status !== 200) continue;
          body = fetched.body;
          type = fetched.contentType;
        }
        pictures++;
        const result = await checkBytes(body, type, key);
        const found = result.pages.filter((p) => p.logos.length > 0);
        if (!found.length) continue;
        logoPages.add(page.url);
        for (const p of found) {
          const entry: PageResult = { ...p, page: file.pages.length + 1, source: picture.url ?? `inline SVG ${svgIndex}` };
          file.pages.push(entry);
        }
      }
    }

    const offers = recogniseOffers(audit, crawler.pages, fromHome, logoPages);
    for (const offer of offers) {
      if (offer.recognisedBy !== 'given') continue;
      const back = ways.get(offer.url);
      offer.catalogueClicks = back?.clicks ?? null;
      offer.cataloguePath = back?.path ?? [];
    }

    // Texts: the offer pages' documentation, and the operation's name on every page.
    const offerUrls = new Set(offers.map((o) => o.url));
    for (const page of crawler.pages.values()) {
      if (!page.content) continue;
      const texts: PageText[] = [{ page: 1, text: page.content.text, source: 'html', confidence: 1 }];
      const findings = checkDocument({ charter, lang, texts }, offerUrls.has(page.url) ? undefined : ['name-text']);
      if (findings.length) fileFor(page.url).findings.push(...findings);
    }

    const siteFindings = checkSite({ charter, lang, home, catalogue: audit.catalogue, offers, pagesRead: crawler.pages.size });
    for (const finding of siteFindings) fileFor(pageOf(finding, home)).findings.push(finding);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }

  const ordered = [...files.values()].map((file) => ({ ...file, status: fileStatus(file) }));
  return { files: ordered, requests: source.requests, pictures, forbidden: map.forbidden, notFollowed: map.notFollowed };
}

function pageOf(finding: Finding, home: string): string {
  const url = finding.data?.url;
  return typeof url === 'string' ? url : home;
}

/** The pages presenting the offer: those given, else those showing the logo or the operation's name. */
export function recogniseOffers(audit: SiteAudit, pages: Map<string, CrawledPage>, fromHome: Set<string>, logoPages: Set<string>): OfferPage[] {
  const placement = (url: string, recognisedBy: OfferPage['recognisedBy']): OfferPage => {
    const page = pages.get(url);
    const reached = page !== undefined && fromHome.has(page.url);
    return {
      url: page?.url ?? url,
      recognisedBy,
      clicksFromHome: reached ? page.depth : null,
      homePath: reached ? clickPath(pages, page.url).map((c) => c.link) : [],
    };
  };
  if (audit.offerUrls.length) {
    // The catalogue may link to a URL that redirects: the page is where it leads.
    return audit.offerUrls.map((url) => placement([...pages.values()].find((p) => p.url === url || p.redirectedFrom.includes(url))?.url ?? url, 'given'));
  }
  const offers: OfferPage[] = [];
  for (const page of pages.values()) {
    if (!page.content || !fromHome.has(page.url)) continue;
    if (logoPages.has(page.url)) offers.push(placement(page.url, 'logo'));
    else if (findName(page.content.text, audit.charter.name, audit.charter.denomination.minSimilarity).length) offers.push(placement(page.url, 'name'));
  }
  return offers;
}

/** Fewest clicks from a page to a link to the catalogue, following the host's links, within the charter's limit. */
async function walkToCatalogue(
  crawler: Awaited<ReturnType<typeof createCrawler>>,
  start: string,
  audit: SiteAudit,
): Promise<{ clicks: number; path: string[] } | undefined> {
  const max = audit.charter.site.maxCatalogueClicks;
  // Looking one click further than allowed tells « 3 clicks » from « none at all ».
  const reach = max + 1;
  let frontier: Array<{ url: string; path: string[] }> = [{ url: start, path: [] }];
  const seen = new Set<string>([start]);
  for (let clicks = 1; clicks <= reach && frontier.length; clicks++) {
    const next: typeof frontier = [];
    for (const { url, path } of frontier) {
      const page = crawler.known(url) ?? (await crawler.page(url, Number.POSITIVE_INFINITY));
      if (!page.content) continue;
      if (page.content.links.some((l) => isCatalogueLink(l.url, audit.catalogue))) return { clicks, path };
      for (const link of page.content.links) {
        if (!sameHost(link.url, audit.home) || seen.has(link.url) || !crawler.allowed(link.url)) continue;
        seen.add(link.url);
        next.push({ url: link.url, path: [...path, link.text] });
      }
    }
    frontier = next;
  }
  return undefined;
}
