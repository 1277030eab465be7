// `logo-check serve`: the partner's page over HTTP, on this computer. One checker for the whole
// server; each upload goes to a private temporary folder that is deleted once answered, and is
// only ever sent back, as a report, to the client that uploaded it. Limits on size, pages, time,
// concurrent analyses and uploads per minute protect the machine when it serves other people.
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import sharp from 'sharp';
import { artworkPath } from '../charter/load.ts';
import { fileSection, html } from '../report/html.ts';
import { renderVisuals, type FileVisuals, type ReportVisuals } from '../report/html-visuals.ts';
import { fileErrorInWords } from '../report/html-words.ts';
import { summarise } from '../report/summary.ts';
import type { Charter, FileResult, Lang, Report } from '../types.ts';
import { rejudge } from './judge.ts';
import { rateLimiter, slots, type Limits } from './limits.ts';
import { partnerPage } from './page.ts';

/** What the server needs of the checker: the same contract as the CLI's. */
export interface ServeChecker {
  checkFile(path: string): Promise<FileResult>;
}

export interface ServeOptions {
  charter: Charter;
  checker: ServeChecker;
  tool: Report['tool'];
  dpi: number;
  limits: Limits;
  /** Counts pages before the analysis, so a document over the limit is refused early. */
  countPages: (path: string) => Promise<number | undefined>;
  /**
   * Served on the loopback interface only: requests must then name it as their host, so that a
   * web page whose name was pointed at 127.0.0.1 (DNS rebinding) cannot use the server.
   */
  loopback?: boolean;
}

const LOOPBACK_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

// The page may talk to this server only; images may be inline. Nothing else loads, nothing leaves.
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS = {
  'Content-Security-Policy': PAGE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const CLIENT_SCRIPT = readFile(new URL('./client.js', import.meta.url));

/** The upload's own name, for display only: never used as a path. */
export function displayName(name: string | null): string {
  const base = basename((name ?? '').replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return (base || 'document').slice(0, 200);
}

function send(res: ServerResponse, status: number, type: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), ...extra });
  res.end(body);
}

/**
 * The answer to an upload is a stream of JSON lines: what is happening (waiting for a turn, pages
 * to analyse) while the partner waits, then the report section. The status is the first line's.
 */
function progress(res: ServerResponse, status: number, line: object): void {
  if (!res.headersSent) res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/x-ndjson; charset=utf-8' });
  res.write(JSON.stringify(line) + '\n');
}

class TooLarge extends Error {}

/** Streams the request body into a file, stopping at `max` bytes. */
async function receive(req: IncomingMessage, file: string, max: number): Promise<number> {
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(size > max ? new TooLarge() : null, chunk);
    },
  });
  await pipeline(req, counter, createWriteStream(file, { mode: 0o600 }));
  return size;
}

async function receiveText(req: IncomingMessage, max: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) throw new TooLarge();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const langOf = (value: string | null): Lang => (value === 'en' ? 'en' : 'fr');

export function createServeHandler(options: ServeOptions): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  const { charter, checker, limits } = options;
  const analyses = slots(limits.concurrent, limits.queued);
  const allow = rateLimiter(limits.perMinute);
  const categoryOf = (value: string | null) => (value && charter.badges.some((b) => b.id === value) ? value : undefined);
  const artworkSvg = new Map<string, Promise<Buffer>>();
  const artwork = (variant: string) => {
    let svg = artworkSvg.get(variant);
    if (!svg) artworkSvg.set(variant, (svg = readFile(artworkPath(charter, variant))));
    return svg;
  };

  const servedArtwork = Object.fromEntries(charter.badges.map((b) => [b.id, `/artwork/${b.id}.svg`]));

  function refused(name: string, code: string, detail: string): FileResult {
    return { path: name, status: 'error', error: { code, message: `${name}: ${detail}` }, pages: [], findings: [] };
  }

  function answer(res: ServerResponse, status: number, result: FileResult, visuals: FileVisuals | undefined, lang: Lang, category: string | undefined, n: number): void {
    // The page's stylesheet draws the artwork from /artwork/, by the same class names.
    const all: ReportVisuals = { files: visuals ? { [result.path]: visuals } : {}, artwork: servedArtwork };
    const section = fileSection(result, n, { lang, charter, visuals: all, category });
    progress(res, status, { html: section, result, visuals: visuals ?? null });
    res.end();
  }

  async function check(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const lang = langOf(url.searchParams.get('lang'));
    const category = categoryOf(url.searchParams.get('category'));
    const name = displayName(url.searchParams.get('name'));
    const n = Math.max(1, Math.min(1e6, Number.parseInt(url.searchParams.get('n') ?? '1', 10) || 1));
    const fail = (status: number, code: string, detail: string) => {
      req.resume();
      answer(res, status, refused(name, code, detail), undefined, lang, category, n);
    };

    if (!allow(req.socket.remoteAddress ?? '')) return fail(429, 'busy', `more than ${limits.perMinute} uploads in a minute from this address`);
    if (Number(req.headers['content-length'] ?? 0) > limits.maxUploadBytes) return fail(413, 'too-large', `larger than ${limits.maxUploadBytes} bytes`);
    if (analyses.running >= limits.concurrent && analyses.waiting >= limits.queued) return fail(503, 'busy', 'too many analyses running');

    const dir = await mkdtemp(join(tmpdir(), 'logo-check-serve-'));
    const file = join(dir, randomUUID());
    let release: (() => void) | null = null;
    let settled: Promise<unknown> = Promise.resolve();
    try {
      try {
        await receive(req, file, limits.maxUploadBytes);
      } catch (err) {
        if (err instanceof TooLarge) return fail(413, 'too-large', `larger than ${limits.maxUploadBytes} bytes`);
        throw err;
      }
      if (analyses.running >= limits.concurrent) progress(res, 200, { waiting: analyses.waiting + 1 });
      release = await analyses.acquire();
      if (!release) return fail(503, 'busy', 'too many analyses running');
      const pages = await options.countPages(file);
      if (pages !== undefined && pages > limits.maxPages) return fail(200, 'too-many-pages', `${pages} pages, more than ${limits.maxPages}`);
      if (pages !== undefined) progress(res, 200, { pages });

      const work = (async () => {
        const raw = await checker.checkFile(file);
        // The private folder's path means nothing to the partner: messages name the upload.
        const error = raw.error && { code: raw.error.code, message: raw.error.message.split(file).join(name) };
        const result = rejudge({ ...raw, path: name, ...(error && { error }) }, { charter, lang, category });
        const report = reportOf([{ ...result, path: file }], lang, category);
        const visuals = (await renderVisuals(report, { charter, dpi: options.dpi })).files[file];
        return { result, visuals };
      })();
      // The analysis cannot be cut short: the slot and the folder are given back when it ends.
      settled = work.catch(() => undefined);
      const timer = new Promise<'timeout'>((resolve) => setTimeout(resolve, limits.timeoutMs, 'timeout').unref());
      const outcome = await Promise.race([work.catch((err: unknown) => ({ failed: err as Error })), timer]);
      if (outcome === 'timeout') return fail(200, 'timeout', `took longer than ${Math.round(limits.timeoutMs / 1000)} s`);
      // The checker promises not to throw for a bad file; if it does anyway, the partner is told.
      if ('failed' in outcome) return fail(200, 'internal', `analysis failed: ${outcome.failed?.message ?? String(outcome.failed)}`);
      answer(res, 200, outcome.result, outcome.visuals, lang, category, n);
    } finally {
      const done = release;
      void settled.finally(async () => {
        done?.();
        await rm(dir, { recursive: true, force: true });
      });
    }
  }

  function reportOf(files: FileResult[], lang: Lang, category: string | undefined): Report {
    return {
      tool: options.tool,
      charter: { id: charter.id, name: charter.name },
      options: { ...(category && { category }), lang },
      files,
      summary: summarise(files),
    };
  }

  /** The downloadable report of what this client had analysed, which it sends back. */
  async function report(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const lang = langOf(url.searchParams.get('lang'));
    const category = categoryOf(url.searchParams.get('category'));
    let entries: Array<{ result: FileResult; visuals: FileVisuals | null }>;
    try {
      const body = JSON.parse(await receiveText(req, 16 * limits.maxUploadBytes)) as { entries?: unknown };
      if (!Array.isArray(body.entries)) throw new Error('entries must be a list');
      entries = body.entries.filter(isEntry);
    } catch (err) {
      return send(res, 400, 'text/plain; charset=utf-8', lang === 'fr' ? 'Le rapport n’a pas pu être construit.' : 'The report could not be built.');
    }
    const files = entries.map((e) => rejudge(e.result, { charter, lang, category }));
    const visuals: ReportVisuals = { files: {}, artwork: {} };
    for (const e of entries) if (e.visuals && inlineOnly(e.visuals)) visuals.files[e.result.path] = e.visuals;
    for (const v of Object.values(visuals.files)) {
      for (const logo of Object.values(v.logos)) {
        if (charter.badges.some((b) => b.id === logo.variant)) visuals.artwork[logo.variant] ??= `data:image/svg+xml;base64,${(await artwork(logo.variant)).toString('base64')}`;
      }
    }
    try {
      const page = html(reportOf(files, lang, category), { color: false, lang, charter, visuals });
      send(res, 200, 'text/html; charset=utf-8', page, { 'Content-Disposition': `attachment; filename="${lang === 'fr' ? 'rapport-logo' : 'logo-report'}.html"` });
    } catch {
      send(res, 400, 'text/plain; charset=utf-8', lang === 'fr' ? 'Le rapport n’a pas pu être construit.' : 'The report could not be built.');
    }
  }

  async function artworkFile(res: ServerResponse, variant: string, format: string): Promise<void> {
    if (!charter.badges.some((b) => b.id === variant)) return send(res, 404, 'text/plain; charset=utf-8', 'not found');
    const svg = await artwork(variant);
    const filename = `logo-${variant}.${format}`;
    const disposition = { 'Content-Disposition': `inline; filename="${filename}"` };
    if (format === 'svg') return send(res, 200, 'image/svg+xml', svg, disposition);
    const density = (72 * 1200) / charter.artwork.width;
    send(res, 200, 'image/png', await sharp(svg, { density }).resize({ width: 1200 }).png().toBuffer(), disposition);
  }

  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (options.loopback && !LOOPBACK_HOST.test(req.headers.host ?? '')) {
        req.resume();
        return send(res, 421, 'text/plain; charset=utf-8', 'this server answers to 127.0.0.1 and localhost only');
      }
      if (req.method === 'GET' && url.pathname === '/') return send(res, 200, 'text/html; charset=utf-8', partnerPage(charter, langOf(url.searchParams.get('lang')), limits));
      if (req.method === 'GET' && url.pathname === '/app.js') return send(res, 200, 'text/javascript; charset=utf-8', await CLIENT_SCRIPT);
      const art = /^\/artwork\/([a-z0-9-]+)\.(svg|png)$/.exec(url.pathname);
      if (req.method === 'GET' && art) return await artworkFile(res, art[1], art[2]);
      // A page elsewhere could post here from the partner's browser; only these content types,
      // which a plain HTML form cannot send, are accepted.
      if (req.method === 'POST' && url.pathname === '/api/check' && req.headers['content-type'] === 'application/octet-stream') return await check(req, res, url);
      if (req.method === 'POST' && url.pathname === '/api/report' && req.headers['content-type'] === 'application/json') return await report(req, res, url);
      req.resume();
      send(res, 404, 'text/plain; charset=utf-8', 'not found');
    } catch (err) {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', fileErrorInWords('internal', langOf(url.searchParams.get('lang'))));
      else res.destroy(err as Error);
    }
  };
}

const DATA_URI = /^data:image\/(webp|png|jpeg);base64,[A-Za-z0-9+/=]+$/;

function isEntry(value: unknown): value is { result: FileResult; visuals: FileVisuals | null } {
  const e = value as { result?: FileResult };
  return typeof e === 'object' && e !== null && typeof e.result?.path === 'string' && Array.isArray(e.result.pages) && Array.isArray(e.result.findings);
}

/** Pictures sent back by the client go into the report only if they are inline images. */
function inlineOnly(visuals: FileVisuals): boolean {
  const images = [...Object.values(visuals.thumbnails ?? {}), ...Object.values(visuals.logos ?? {}).flatMap((l) => [l.upright, l.difference])];
  return images.every((image) => typeof image?.uri === 'string' && DATA_URI.test(image.uri));
}

export const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export async function startServer(options: ServeOptions & { host: string; port: number }): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const handle = createServeHandler(options);
  const server = createServer((req, res) => void handle(req, res));
  // Uploads wait their turn while another analysis runs; Node's default would cut them at 5 min.
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    server,
    url: `http://${host}:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
