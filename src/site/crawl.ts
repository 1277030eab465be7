// Breadth-first crawl of one partner's site from its home page: HTML links only (no scripts run),
// on the home page's host only, what robots.txt forbids left alone, within a number of pages and
// of clicks. Breadth first, each page is reached by the fewest clicks there are to it: its depth
// is what Article VIII counts.
import robotsParserModule from 'robots-parser';
import { readPage, type PageContent } from './html.ts';
import type { Fetched, SiteSource } from './sources.ts';

export interface CrawlLimits {
  maxPages: number;
  /** Clicks from the home page beyond which links are not followed. */
  maxDepth: number;
}

export interface CrawledPage {
  /** Where the page is, after redirects on the host. */
  url: string;
  /** Clicks from the home page. */
  depth: number;
  /** The page whose link led here first, and the words of that link. */
  via?: { url: string; text: string };
  status: number;
  /** Why the page could not be read, in English. */
  problem?: string;
  contentType: string;
  /** Parsed, for HTML pages. */
  content?: PageContent;
  /** The bytes, for documents (PDF) and pictures the page links to. */
  body?: Buffer;
  /** URLs that redirected here. */
  redirectedFrom: string[];
}

export interface SiteMap {
  home: string;
  /** Pages by URL, in the order they were reached. */
  pages: Map<string, CrawledPage>;
  /** Links on the host that robots.txt forbids, with the page that had them. */
  forbidden: string[];
  /** Links left because of --max-pages or --max-depth. */
  notFollowed: number;
}

const MAX_REDIRECTS = 5;

interface Robots {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
  getCrawlDelay(userAgent?: string): number | undefined;
}

/** A Crawl-delay longer than this is a mistake or a refusal; it would make an audit last days. */
const MAX_CRAWL_DELAY_S = 30;

// A CommonJS module whose types declare an ES default export that TypeScript's NodeNext mode does
// not see as callable; at run time the default import is the function.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => Robots;

export function isHtml(contentType: string): boolean {
  return /^(text\/html|application\/xhtml\+xml)\b/i.test(contentType);
}

export function sameHost(a: string, b: string): boolean {
  return new URL(a).host === new URL(b).host;
}

export interface Crawler {
  /** The page at `url`, fetched once; redirects on the host followed. */
  page(url: string, depth: number, via?: CrawledPage['via']): Promise<CrawledPage>;
  allowed(url: string): boolean;
  known(url: string): CrawledPage | undefined;
  readonly pages: Map<string, CrawledPage>;
}

/** A page store over a source, for the home crawl and the walks from offer pages to share. */
export async function createCrawler(home: string, source: SiteSource, userAgent: string): Promise<Crawler> {
  const pages = new Map<string, CrawledPage>();
  const aliases = new Map<string, string>();
  const robotsUrl = new URL('/robots.txt', home).href;
  const robotsFile = await source.fetch(robotsUrl);
  const robots = robotsFile.status === 200 ? robotsParser(robotsUrl, robotsFile.body.toString('utf8')) : undefined;
  const allowed = (url: string) => robots?.isAllowed(url, userAgent) ?? true;
  const crawlDelay = robots?.getCrawlDelay(userAgent);
  if (crawlDelay !== undefined && crawlDelay > 0) source.slowTo?.(Math.min(crawlDelay, MAX_CRAWL_DELAY_S) * 1000);

  async function follow(url: string): Promise<{ fetched: Fetched; redirectedFrom: string[] }> {
    const redirectedFrom: string[] = [];
    let fetched = await source.fetch(url);
    while (fetched.status >= 300 && fetched.status < 400 && fetched.location) {
      const next = fetched.location;
      if (redirectedFrom.length >= MAX_REDIRECTS || !sameHost(next, home) || redirectedFrom.includes(next) || !allowed(next)) break;
      redirectedFrom.push(fetched.url);
      fetched = await source.fetch(next);
    }
    return { fetched, redirectedFrom };
  }

  function known(url: string): CrawledPage | undefined {
    return pages.get(aliases.get(url) ?? url);
  }

  async function page(url: string, depth: number, via?: CrawledPage['via']): Promise<CrawledPage> {
    const seen = known(url);
    if (seen) return seen;
    const { fetched, redirectedFrom } = await follow(url);
    const final = pages.get(fetched.url);
    if (final) {
      aliases.set(url, final.url);
      return final;
    }
    const crawled: CrawledPage = {
      url: fetched.url,
      depth,
      ...(via && { via }),
      status: fetched.status,
      contentType: fetched.contentType,
      redirectedFrom,
    };
    if (fetched.problem) crawled.problem = fetched.problem;
    else if (fetched.status >= 300 && fetched.status < 400) crawled.problem = `redirects to ${fetched.location ?? 'nowhere'}, off the site or too many times`;
    else if (fetched.status >= 400) crawled.problem = `HTTP ${fetched.status}`;
    else if (isHtml(fetched.contentType)) crawled.content = readPage(fetched.body.toString('utf8'), fetched.url);
    else crawled.body = fetched.body;
    pages.set(crawled.url, crawled);
    for (const from of [url, ...redirectedFrom]) if (from !== crawled.url) aliases.set(from, crawled.url);
    return crawled;
  }

  return { page, allowed, known, pages };
}

/** Every page of the host reachable from the home page within the limits, breadth first. */
export async function crawlSite(crawler: Crawler, home: string, limits: CrawlLimits): Promise<SiteMap> {
  const forbidden: string[] = [];
  let notFollowed = 0;
  const queued = new Set<string>([home]);
  let frontier: Array<{ url: string; via?: CrawledPage['via'] }> = [{ url: home }];
  for (let depth = 0; frontier.length; depth++) {
    const next: typeof frontier = [];
    for (const { url, via } of frontier) {
      if (crawler.pages.size >= limits.maxPages) {
        notFollowed++;
        continue;
      }
      const page = await crawler.page(url, depth, via);
      if (!page.content || page.depth !== depth) continue;
      for (const link of page.content.links) {
        if (!sameHost(link.url, home) || queued.has(link.url)) continue;
        queued.add(link.url);
        if (!crawler.allowed(link.url)) forbidden.push(link.url);
        else if (depth + 1 > limits.maxDepth) notFollowed++;
        else next.push({ url: link.url, via: { url: page.url, text: link.text } });
      }
    }
    frontier = next;
  }
  return { home, pages: crawler.pages, forbidden, notFollowed };
}

export interface Click {
  from: string;
  /** Words of the link clicked. */
  link: string;
  to: string;
}

/** The clicks from the home page to `url` along the links the crawl first followed. */
export function clickPath(pages: Map<string, CrawledPage>, url: string): Click[] {
  const clicks: Click[] = [];
  const seen = new Set<string>();
  let page = pages.get(url);
  while (page?.via && !seen.has(page.url)) {
    seen.add(page.url);
    clicks.unshift({ from: page.via.url, link: page.via.text, to: page.url });
    page = pages.get(page.via.url);
  }
  return clicks;
}
