// logo-check site: a partner's web site judged against Article VIII (where the offer sits, the way
// back to the catalogue) and its pictures and texts against the rest of the terms, from the web or
// from a saved copy; or a list of sites, one report each.
import { mkdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { formatters, summarise, type FormatName } from '../report/index.ts';
import { auditSite, type SiteAudit } from '../site/audit.ts';
import { folderSource, warcSource, webSource, type SiteSource } from '../site/sources.ts';
import type { Lang, Report } from '../types.ts';
import { charterFromOption } from './charter-option.ts';
import { EXIT } from './usage.ts';
import type { ResolvedDeps } from './deps.ts';
import { invalidOption, UsageError } from './usage.ts';

export interface SiteCommandOptions {
  offerUrl?: string[];
  catalogue?: string;
  saved?: string;
  sites?: string;
  maxPages: number;
  maxDepth: number;
  delay: number;
  timeout: number;
  format: FormatName;
  output?: string;
  lang: Lang;
  charter?: string;
  dpi: number;
}

const COMMAND = 'logo-check site';
const EXTENSIONS: Record<FormatName, string> = { text: 'txt', json: 'json', sarif: 'sarif', html: 'html', junit: 'xml', csv: 'csv' };

interface SiteTarget {
  home: string;
  offerUrls: string[];
}

function httpUrl(value: string, flags: string): string {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
  } catch {
    // Reported below with the expected form.
  }
  throw invalidOption(flags, value, 'Expected an http:// or https:// address, e.g. https://www.example.fr/.', COMMAND);
}

/** `--sites FILE`: one site a line, its home page then the pages the catalogue links to; # starts a comment. */
export function parseSiteList(text: string, file: string): SiteTarget[] {
  const targets: SiteTarget[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*/, '').trim();
    if (!line) return;
    const [home, ...offers] = line.split(/\s+/);
    const where = `--sites ${file} line ${i + 1}`;
    targets.push({ home: httpUrl(home, where), offerUrls: offers.map((o) => httpUrl(o, where)) });
  });
  if (!targets.length) throw new UsageError(`--sites ${file} lists no site: write one home page address a line`, COMMAND);
  return targets;
}

function checkOnHost(target: SiteTarget): void {
  for (const offer of target.offerUrls) {
    if (new URL(offer).host !== new URL(target.home).host) {
      throw invalidOption('--offer-url <url>', offer, `Expected a page of the site ${new URL(target.home).host}, the one being checked.`, COMMAND);
    }
  }
}

async function sourceFor(saved: string | undefined, opts: SiteCommandOptions, userAgent: string): Promise<SiteSource> {
  if (saved === undefined) return webSource({ userAgent, delayMs: opts.delay, timeoutMs: opts.timeout * 1000, maxBytes: 50_000_000 });
  const info = await stat(saved).catch(() => undefined);
  if (!info) throw invalidOption('--saved <folder|file.warc>', saved, 'Expected a folder holding a saved copy of the site, or a WARC file.', COMMAND);
  if (info.isDirectory()) return folderSource(saved);
  try {
    return await warcSource(saved);
  } catch (err) {
    throw invalidOption('--saved <folder|file.warc>', saved, `Expected a WARC file; reading it failed: ${(err as Error).message}.`, COMMAND);
  }
}

function fileName(home: string, format: FormatName): string {
  const url = new URL(home);
  return `${`${url.host}${url.pathname}`.replace(/[^\w.-]+/g, '_').replace(/_+$/, '')}.${EXTENSIONS[format]}`;
}

export async function runSite(home: string | undefined, opts: SiteCommandOptions, deps: ResolvedDeps, tool: Report['tool']): Promise<number> {
  if ((home === undefined) === (opts.sites === undefined)) {
    throw new UsageError('give either the home page address of one site or --sites FILE', COMMAND);
  }
  const targets = opts.sites !== undefined
    ? parseSiteList(await readFile(opts.sites, 'utf8').catch(() => { throw invalidOption('--sites <file>', opts.sites!, 'Expected a text file listing one site a line.', COMMAND); }), opts.sites)
    : [{ home: httpUrl(home!, '<home-url>'), offerUrls: (opts.offerUrl ?? []).map((u) => httpUrl(u, '--offer-url <url>')) }];
  targets.forEach(checkOnHost);
  if (opts.sites !== undefined && opts.saved !== undefined) throw new UsageError('--saved holds one site: use it without --sites', COMMAND);
  const charter = await charterFromOption(opts.charter, COMMAND);
  const catalogue = opts.catalogue !== undefined ? httpUrl(opts.catalogue, '--catalogue <url>') : charter.site.catalogue;
  const userAgent = `${tool.name}/${tool.version} (Article VIII audit; +https://www.npmjs.com/package/${tool.name})`;
  const checker = await deps.createChecker({ charter, lang: opts.lang, dpi: opts.dpi }, { jobs: 1 });
  let worst: number = EXIT.ok;
  if (opts.sites !== undefined && opts.output !== undefined) await mkdir(opts.output, { recursive: true });
  try {
    for (const target of targets) {
      const source = await sourceFor(opts.saved, opts, userAgent);
      const audit: SiteAudit = { ...target, catalogue, limits: { maxPages: opts.maxPages, maxDepth: opts.maxDepth }, userAgent, charter, lang: opts.lang };
      const outcome = await auditSite(audit, source, checker);
      const report: Report = {
        tool,
        charter: { id: charter.id, name: charter.name },
        options: { lang: opts.lang },
        files: outcome.files,
        summary: summarise(outcome.files),
      };
      const out = formatters[opts.format](report, { color: false, lang: opts.lang, charter }) + '\n';
      if (opts.output === undefined) deps.stdout.write(out);
      else await writeFileAtomic(opts.sites !== undefined ? join(opts.output, fileName(target.home, opts.format)) : opts.output, out);
      deps.stderr.write(
        `logo-check site: ${target.home}: ${outcome.files.length} pages reported, ${outcome.requests} requests, ${outcome.pictures} pictures checked` +
          (outcome.forbidden.length ? `, ${outcome.forbidden.length} links forbidden by robots.txt` : '') +
          (outcome.notFollowed ? `, ${outcome.notFollowed} links not followed (--max-pages, --max-depth)` : '') +
          '\n',
      );
      const code = report.summary.failed > 0 ? EXIT.findings : EXIT.ok;
      worst = Math.max(worst, code);
    }
  } finally {
    await checker.close();
  }
  return worst;
}
