// Writes a labelled set of pages: every file comes from a recipe (what to draw, how to store it),
// and the manifest records for each logo where it is and which rules must fire on it.
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { HEADINGS } from './content.ts';
import { CHARTER, type LogoSpec } from './logo.ts';
import {
  availablePhotos,
  buildPdf,
  designPage,
  encodePage,
  groundTruth,
  LAYOUTS,
  PAGE_DPI,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  pageSeed,
  type GroundTruth,
  type Layout,
  type PdfLogoMode,
} from './page.ts';
import { hashSeed, Rng } from './random.ts';
import { sampleLogo, VIOLATION_CLASSES, VIOLATION_IDS, violationClass, type FileKind, type ViolationId } from './violations.ts';

// The shared corpus sits beside the repository (../shared/corpus), on developers' machines and in CI.
export const DEFAULT_CORPUS = join(import.meta.dirname, '../../../shared/corpus');

export interface PdfRecipe {
  pages: number;
  /** 1-based page holding the logos; the other pages have none. */
  logoPage: number;
  logoMode: PdfLogoMode;
  created: Date;
  title: string;
}

/** Everything needed to write one file; the same recipe always gives the same bytes. */
export interface FileRecipe {
  /** File name without extension. */
  name: string;
  /** What the file shows, copied to the manifest for people reading it. */
  description?: string;
  kind: FileKind;
  seed: number;
  /** Logos of the logo page; empty for a file without any. */
  logos: LogoSpec[];
  layout?: Layout;
  distractors?: boolean;
  /** Category the file declares (CheckOptions.category). */
  category?: string;
  /** Required when kind is 'pdf'. */
  pdf?: PdfRecipe;
  /** JPEG quality. */
  quality?: number;
  /** Whether corpus photos may be used (false keeps the file free of third-party pixels). */
  corpusPhotos?: boolean;
}

export interface PageRules {
  page: number;
  /** Sorted union of the expected rules of the page's logos. */
  rules: string[];
}

export interface ManifestFile {
  /** Relative to the manifest's folder. */
  path: string;
  description?: string;
  kind: FileKind;
  pages: number;
  layouts: Layout[];
  /** Declared category, to pass as CheckOptions.category. */
  category?: string;
  /** PDF CreationDate (and ModDate), ISO 8601; images carry no date. */
  created?: string;
  title?: string;
  logos: GroundTruth[];
  /** One entry per page, logo-free pages included (with no rules). */
  pageRules: PageRules[];
  /** Rules reported on the file itself: ['validity'] for the validity class. */
  expectedFileRules: string[];
}

export interface Manifest {
  generator: 'logo-check test/synth';
  seed?: number;
  charter: string;
  dpi: number;
  pageSize: [number, number];
  /** The classes, with the rules each must raise. */
  classes: Array<{ id: ViolationId; expectedRules: string[]; description: string }>;
  files: ManifestFile[];
}

const EXTENSIONS: Record<FileKind, string> = { png: 'png', jpeg: 'jpg', pdf: 'pdf' };

export interface WriteContext {
  /** Candidate corpus photos (absolute paths); empty for synthetic pictures only. */
  photos: string[];
  /** PNG zlib level. */
  pngLevel?: number;
}

export async function writeRecipe(recipe: FileRecipe, outDir: string, ctx: WriteContext): Promise<ManifestFile> {
  const path = `${recipe.name}.${EXTENSIONS[recipe.kind]}`;
  const photos = recipe.corpusPhotos === false ? [] : ctx.photos;
  const fileRules = recipe.logos.some((l) => violationClass(l.violation).expectedRules.includes('validity')) ? ['validity'] : [];
  const pages = recipe.kind === 'pdf' ? recipe.pdf!.pages : 1;
  const logoPage = recipe.kind === 'pdf' ? recipe.pdf!.logoPage : 1;
  if (logoPage < 1 || logoPage > pages) throw new Error(`recipe ${recipe.name}: logoPage ${logoPage} is outside 1..${pages}`);
  const designs = Array.from({ length: pages }, (_, i) => {
    const rng = new Rng(pageSeed(recipe.seed, i + 1));
    if (i + 1 === logoPage) return designPage(rng, { logos: recipe.logos, layout: recipe.layout, distractors: recipe.distractors, photos });
    // Pages around the logo page are ordinary copy, so a checker must look at every page.
    return designPage(rng, { layout: rng.pick(['text', 'white', 'tint', 'photo-band'] as const), photos });
  });
  const render: GroundTruth['render'] = recipe.kind === 'pdf' ? recipe.pdf!.logoMode : 'raster';
  const logos = designs[logoPage - 1].logos.map((l) => groundTruth(l, logoPage, render, recipe.category));
  let bytes: Uint8Array;
  if (recipe.kind === 'pdf') {
    bytes = await buildPdf(designs, { title: recipe.pdf!.title, created: recipe.pdf!.created, logoMode: recipe.pdf!.logoMode });
  } else {
    bytes = await encodePage(designs[0], recipe.kind, { quality: recipe.quality, pngLevel: ctx.pngLevel });
  }
  await writeFile(join(outDir, path), bytes);
  const pageRules: PageRules[] = designs.map((_, i) => ({
    page: i + 1,
    rules: [...new Set(logos.filter((l) => l.page === i + 1).flatMap((l) => l.expectedRules))].sort(),
  }));
  return {
    path,
    ...(recipe.description ? { description: recipe.description } : {}),
    kind: recipe.kind,
    pages,
    layouts: designs.map((d) => d.layout),
    ...(recipe.category ? { category: recipe.category } : {}),
    ...(recipe.kind === 'pdf' ? { created: recipe.pdf!.created.toISOString(), title: recipe.pdf!.title } : {}),
    logos,
    pageRules,
    expectedFileRules: fileRules,
  };
}

/** A date drawn uniformly between two UTC days, to the minute. */
export function randomDate(rng: Rng, from: string, until: string): Date {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${until}T23:59:00Z`);
  return new Date(Math.floor(rng.range(a, b) / 60000) * 60000);
}

export interface GenerateOptions {
  seed: number;
  /** Files that hold logos; about count × 0.1 logo-free files are added (see `negatives`). */
  count: number;
  outDir: string;
  /** Default: png, jpeg, pdf. */
  formats?: FileKind[];
  /** Default: every class. Classes none of `formats` can carry (validity without pdf) are dropped. */
  classes?: ViolationId[];
  /** Logo-free files; default round(count × 0.1). */
  negatives?: number;
  /** Test corpus folder; photos come from its images/. Default /work/shared/corpus; null or absent folder: synthetic pictures. */
  corpusDir?: string | null;
  /** Files written at once; default min(4, available cores). */
  concurrency?: number;
  /** Chance that a logo file holds a second logo of another class; default 0.15. */
  secondLogoRate?: number;
  /** PNG zlib level; default 6. */
  pngLevel?: number;
}


/** The recipes of a set: classes round-robin over the logo files, then the logo-free files. */
export function planSet(options: GenerateOptions): FileRecipe[] {
  const formats = options.formats ?? ['png', 'jpeg', 'pdf'];
  const classes = (options.classes ?? [...VIOLATION_IDS]).map(violationClass).filter((c) => c.kinds.some((k) => formats.includes(k)));
  if (classes.length === 0) throw new Error(`no class can be written as ${formats.join(', ')}; add 'pdf' to formats or pick other classes`);
  const negatives = options.negatives ?? Math.round(options.count * 0.1);
  const secondRate = options.secondLogoRate ?? 0.15;
  const recipes: FileRecipe[] = [];
  const total = options.count + negatives;
  const width = String(total).length < 4 ? 4 : String(total).length;
  for (let i = 0; i < total; i++) {
    const seed = hashSeed(options.seed, 'file', i);
    const rng = new Rng(seed);
    const primary = i < options.count ? classes[i % classes.length] : null;
    const kinds = primary ? primary.kinds.filter((k) => formats.includes(k)) : formats;
    const kind = rng.pick(kinds);
    const logoClasses = primary ? [primary] : [];
    if (primary?.shareable && rng.chance(secondRate)) {
      const partners = classes.filter((c) => c.shareable && c.kinds.includes(kind));
      if (partners.length) logoClasses.push(rng.pick(partners));
    }
    let category: string | undefined;
    if (logoClasses.some((c) => c.needsCategory) || (primary && rng.chance(0.5))) category = rng.pick(CHARTER.badges.map((b) => b.id));
    const logos = logoClasses.map((c, j) =>
      sampleLogo(c.id, rng.fork(`logo${j}`), {
        charter: CHARTER,
        category,
        widthRange: logoClasses.length > 1 ? [160, 360] : [160, 520],
      }),
    );
    const label = logoClasses.length ? logoClasses.map((c) => c.id).join('+') : 'negative';
    const recipe: FileRecipe = {
      name: `${String(i + 1).padStart(width, '0')}-${label}`,
      kind,
      seed,
      logos,
      layout: rng.pick(LAYOUTS),
      ...(category ? { category } : {}),
      quality: rng.int(40, 95),
    };
    if (kind === 'pdf') {
      const pages = rng.int(1, 3);
      const late = logoClasses.some((c) => c.id === 'validity');
      recipe.pdf = {
        pages,
        logoPage: logos.length ? rng.int(1, pages) : 1,
        logoMode: rng.pick(['vector', 'image'] as const),
        created: late ? randomDate(rng, '2009-01-01', '2012-12-31') : randomDate(rng, '2007-01-01', '2008-12-31'),
        title: `Brochure ${i + 1} – ${rng.pick(HEADINGS)}`,
      };
    }
    recipes.push(recipe);
  }
  return recipes;
}

/** Runs tasks with at most `limit` in flight, keeping results in input order. */
async function pool<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

export function manifestHeader(seed?: number): Omit<Manifest, 'files'> {
  return {
    generator: 'logo-check test/synth',
    ...(seed === undefined ? {} : { seed }),
    charter: CHARTER.id,
    dpi: PAGE_DPI,
    pageSize: [PAGE_WIDTH, PAGE_HEIGHT],
    classes: VIOLATION_CLASSES.map(({ id, expectedRules, description }) => ({ id, expectedRules, description })),
  };
}

/** Writes the set's files and manifest.json into outDir and returns the manifest. */
export async function generateSet(options: GenerateOptions): Promise<Manifest> {
  await mkdir(options.outDir, { recursive: true });
  const corpusDir = options.corpusDir === undefined ? DEFAULT_CORPUS : options.corpusDir;
  const ctx: WriteContext = { photos: availablePhotos(corpusDir), pngLevel: options.pngLevel };
  const recipes = planSet(options);
  const files = await pool(recipes, options.concurrency ?? Math.min(4, availableParallelism()), (r) => writeRecipe(r, options.outDir, ctx));
  const manifest: Manifest = { ...manifestHeader(options.seed), files };
  await writeFile(join(options.outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
