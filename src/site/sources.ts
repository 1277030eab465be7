// Where a site's pages come from: the web, politely (one request at a time, a pause between them,
// a User-Agent that says who asks), or a saved copy for audits of what was online on a given day
// (a folder of HTML files as wget or a browser saves them, or a WARC file as web archives keep).
// Redirects are not followed here: the crawl sees them, so that it records them and stays on the host.
import { readFile, stat } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { WARCParser } from 'warcio';

export interface Fetched {
  url: string;
  /** HTTP status; 0 when nothing answered (refused, timed out, not in the saved copy's host). */
  status: number;
  contentType: string;
  body: Buffer;
  /** Target of a redirect (3xx), absolute. */
  location?: string;
  /** Why nothing answered, in English (network errors are not translated). */
  problem?: string;
}

export interface SiteSource {
  fetch(url: string): Promise<Fetched>;
  /** Asks for at least this pause between requests (robots.txt's Crawl-delay); saved copies ignore it. */
  slowTo?(delayMs: number): void;
  /** Requests actually sent (the web) or looked up (a saved copy). */
  readonly requests: number;
}

export interface WebOptions {
  userAgent: string;
  /** Pause between two requests, in milliseconds. */
  delayMs: number;
  timeoutMs: number;
  /** A response larger than this is cut and reported. */
  maxBytes: number;
}

const failed = (url: string, problem: string): Fetched => ({ url, status: 0, contentType: '', body: Buffer.alloc(0), problem });

function absolute(location: string | null | undefined, base: string): string | undefined {
  if (!location) return undefined;
  try {
    return new URL(location, base).href;
  } catch {
    return undefined;
  }
}

/** The web, one request at a time with `delayMs` between them. */
export function webSource(options: WebOptions): SiteSource {
  let queue: Promise<unknown> = Promise.resolve();
  let last = 0;
  let requests = 0;
  async function get(url: string, delayMs: number): Promise<Fetched> {
    const wait = last + delayMs - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    last = Date.now();
    requests++;
    try {
      const response = await fetch(url, {
        redirect: 'manual',
        headers: { 'user-agent': options.userAgent, accept: 'text/html,application/xhtml+xml,image/*,text/css,application/pdf;q=0.9,*/*;q=0.5' },
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const body = await readCapped(response, options.maxBytes);
      return {
        url,
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body,
        ...(absolute(response.headers.get('location'), url) && { location: absolute(response.headers.get('location'), url) }),
      };
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code;
      return failed(url, (err as Error).name === 'TimeoutError' ? `no answer within ${options.timeoutMs / 1000} s` : (cause ?? (err as Error).message));
    } finally {
      last = Date.now();
    }
  }
  let delayMs = options.delayMs;
  return {
    slowTo(ms) {
      delayMs = Math.max(delayMs, ms);
    },
    fetch(url) {
      const result = queue.then(() => get(url, delayMs));
      queue = result.catch(() => undefined);
      return result;
    },
    get requests() {
      return requests;
    },
  };
}

async function readCapped(response: Response, maxBytes: number): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      throw new Error(`larger than ${Math.round(maxBytes / 1e6)} MB`);
    }
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.xhtml': 'application/xhtml+xml',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain',
};

/** Saved pages often keep the URL's name, without .html: their first bytes tell. */
function sniffType(body: Buffer): string {
  const start = body.subarray(0, 512).toString('utf8').trimStart().toLowerCase();
  return start.startsWith('<!doctype html') || start.startsWith('<html') ? 'text/html' : 'application/octet-stream';
}

/**
 * A folder holding a saved copy of one site: the URL's path is the file's path under the folder,
 * a folder's page its index.html. Any host is the saved site's, since the copy has only one.
 */
export function folderSource(dir: string): SiteSource {
  let requests = 0;
  const root = normalize(dir);
  return {
    async fetch(url) {
      requests++;
      const path = decodeURIComponent(new URL(url).pathname);
      const file = normalize(join(root, path));
      if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return { url, status: 404, contentType: '', body: Buffer.alloc(0) };
      for (const candidate of path.endsWith('/') ? [join(file, 'index.html'), join(file, 'index.htm')] : [file, join(file, 'index.html')]) {
        const info = await stat(candidate).catch(() => undefined);
        if (!info?.isFile()) continue;
        const body = await readFile(candidate);
        return { url, status: 200, contentType: TYPES[extname(candidate).toLowerCase()] ?? sniffType(body), body };
      }
      return { url, status: 404, contentType: '', body: Buffer.alloc(0) };
    },
    get requests() {
      return requests;
    },
  };
}

/** Response records of a WARC file (gzipped or not), by target URL; the last capture of a URL wins. */
export async function warcSource(file: string): Promise<SiteSource> {
  const records = new Map<string, Fetched>();
  for await (const record of WARCParser.iterRecords(createReadStream(file))) {
    if (record.warcType !== 'response' || !record.warcTargetURI || !record.httpHeaders) continue;
    const url = new URL(record.warcTargetURI);
    url.hash = '';
    const headers = record.httpHeaders.headers;
    const body = Buffer.from(await record.readFully(true));
    const location = absolute(headers.get('location'), url.href);
    records.set(url.href, {
      url: url.href,
      status: Number(record.httpHeaders.statusCode) || 0,
      contentType: headers.get('content-type') ?? '',
      body,
      ...(location && { location }),
    });
  }
  let requests = 0;
  return {
    async fetch(url) {
      requests++;
      return records.get(url) ?? { url, status: 404, contentType: '', body: Buffer.alloc(0), problem: 'not in the WARC file' };
    },
    get requests() {
      return requests;
    },
  };
}
