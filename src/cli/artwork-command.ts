// Hands partners the approved artwork, so that the file they place is the one the checker expects.
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import sharp from 'sharp';
import { artworkPath } from '../charter/load.ts';
import { charterFromOption } from './check-command.ts';
import type { ResolvedDeps } from './deps.ts';
import { invalidOption, UsageError } from './usage.ts';

export type ArtworkFormat = 'svg' | 'png';

export interface ArtworkCommandOptions {
  badge: string;
  format?: ArtworkFormat;
  width: number;
  /** Whether --width was given rather than defaulted. */
  widthGiven: boolean;
  out: string;
  charter?: string;
}

const COMMAND = 'logo-check artwork';

function formatOf(opts: ArtworkCommandOptions): ArtworkFormat {
  if (opts.format) return opts.format;
  const ext = extname(opts.out).toLowerCase();
  if (ext === '.svg' || ext === '.png') return ext.slice(1) as ArtworkFormat;
  throw invalidOption('--out <file>', opts.out, 'Expected a file name ending in .svg or .png, or give --format svg|png.', COMMAND);
}

export async function runArtwork(opts: ArtworkCommandOptions, deps: ResolvedDeps): Promise<number> {
  const charter = await charterFromOption(opts.charter, COMMAND);
  if (!charter.badges.some((b) => b.id === opts.badge)) {
    throw invalidOption('--badge <variant>', opts.badge, `Expected one of the charter's badge ids: ${charter.badges.map((b) => b.id).join(', ')}.`, COMMAND);
  }
  const format = formatOf(opts);
  const source = artworkPath(charter, opts.badge);
  let svg: Buffer;
  try {
    svg = await readFile(source);
  } catch (err) {
    throw new UsageError(`the charter's artwork for "${opts.badge}" cannot be read at ${source} (${(err as NodeJS.ErrnoException).code}); fix badges[].artwork in ${charter.file}`, 'logo-check charter');
  }

  try {
    await mkdir(dirname(opts.out), { recursive: true });
    if (format === 'svg') {
      // The vector file is copied byte for byte: any re-serialisation would be a modification.
      await copyFile(source, opts.out);
      if (opts.widthGiven) deps.stderr.write('logo-check: --width applies to PNG only; the SVG scales to any size\n');
      deps.stdout.write(`logo-check: wrote ${opts.out} (SVG, badge ${opts.badge})\n`);
    } else {
      const natural = await sharp(svg).metadata();
      if (!natural.width || !natural.height) throw new Error(`${source} declares no width and height`);
      // Rasterise at the density that yields the requested width, so curves are drawn, not upscaled.
      const density = Math.max(1, (72 * opts.width) / natural.width);
      const info = await sharp(svg, { density }).resize({ width: opts.width }).png().toFile(opts.out);
      deps.stdout.write(`logo-check: wrote ${opts.out} (PNG ${info.width} × ${info.height} px, transparent background, badge ${opts.badge})\n`);
    }
  } catch (err) {
    deps.stderr.write(`logo-check: cannot write ${opts.out}: ${(err as Error).message}\n`);
    return 2;
  }
  return 0;
}
