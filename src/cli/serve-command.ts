// `logo-check serve`: starts the partner's page on this computer and runs until interrupted.
import type { Report } from '../types.ts';
import { DEFAULT_LIMITS, type Limits } from '../serve/limits.ts';
import { charterFromOption } from './charter-option.ts';
import type { ResolvedDeps } from './deps.ts';

export interface ServeCommandOptions {
  host: string;
  port: number;
  charter?: string;
  dpi: number;
  maxUploadMb: number;
  maxPages: number;
  maxAnalyses: number;
  perMinute: number;
  timeout: number;
}

export const SERVE_DEFAULTS = {
  host: '127.0.0.1',
  port: 8470,
  maxUploadMb: DEFAULT_LIMITS.maxUploadBytes / 1048576,
  maxPages: DEFAULT_LIMITS.maxPages,
  maxAnalyses: DEFAULT_LIMITS.concurrent,
  perMinute: DEFAULT_LIMITS.perMinute,
  timeout: DEFAULT_LIMITS.timeoutMs / 1000,
};

/** Resolves when the process is asked to stop (Ctrl+C, or a service manager). */
const interrupted = (): Promise<void> =>
  new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });

export async function runServe(opts: ServeCommandOptions, deps: ResolvedDeps, tool: Report['tool'], until: Promise<void> = interrupted()): Promise<number> {
  const charter = await charterFromOption(opts.charter, 'logo-check serve');
  const limits: Limits = {
    ...DEFAULT_LIMITS,
    maxUploadBytes: opts.maxUploadMb * 1048576,
    maxPages: opts.maxPages,
    concurrent: opts.maxAnalyses,
    perMinute: opts.perMinute,
    timeoutMs: opts.timeout * 1000,
  };
  // Loaded on demand: the server pulls in decoding and rendering, which other commands do not need.
  const { LOOPBACK, startServer } = await import('../serve/server.ts');
  const loopback = LOOPBACK.has(opts.host);
  if (!loopback) {
    deps.stderr.write(
      `logo-check: warning: serving on ${opts.host}, reachable by other machines on the network. ` +
        `Anyone who reaches it can upload files (up to ${opts.maxUploadMb} MB, ${opts.maxPages} pages, ${opts.perMinute} per minute per address, ` +
        `${opts.maxAnalyses} analysed at a time); uploads are never served to anyone else. Use the default 127.0.0.1 to keep it on this computer.\n`,
    );
  }
  let checker;
  try {
    // One checker, in French and without a category: each answer is judged again with the partner's choices.
    checker = await deps.createChecker({ charter, lang: 'fr', dpi: opts.dpi }, { jobs: opts.maxAnalyses });
  } catch (err) {
    deps.stderr.write(`logo-check: the checker could not start: ${(err as Error).message ?? String(err)}\n`);
    return 2;
  }
  const { openDocument } = await import('../ingest/index.ts');
  const countPages = async (path: string) => {
    const doc = await openDocument(path, { dpi: opts.dpi }).catch(() => undefined);
    await doc?.close().catch(() => undefined);
    return doc?.pageCount;
  };
  let server;
  try {
    server = await startServer({ charter, checker, tool, dpi: opts.dpi, limits, countPages, host: opts.host, port: opts.port, loopback });
  } catch (err) {
    await checker.close();
    deps.stderr.write(`logo-check: cannot listen on ${opts.host}:${opts.port}: ${(err as Error).message}; choose another port with --port\n`);
    return 2;
  }
  deps.stdout.write(`logo-check: open ${server.url} in your browser (Ctrl+C to stop) / ouvrez ${server.url} dans votre navigateur (Ctrl+C pour arrêter)\n`);
  await until;
  await server.close();
  await checker.close();
  return 0;
}
