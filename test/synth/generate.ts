// Writes a labelled set of pages: every file comes from a recipe (what to draw, how to store it),
// and the manifest records for each logo where it is and which rules must fire on it.
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import {
  captureView,
  capturePage,
  CONDITION_DESCRIPTIONS,
  CONDITION_KINDS,
  CONDITIONS,
  PAGE_CONDITIONS,
  planCapture,
  statedDpi,
  type Capture,
  type Condition,
} from './capture/index.ts';
import { encodeRaster, imageOnlyPdf } from './capture/encode.ts';
import { HEADINGS } from './content.ts';
import { sampleCut } from './cut.ts';
import { judgedDpi } from './expect.ts';
import { CHARTER, logoLinear, type LogoSpec } from './logo.ts';
import {
  availablePhotos,
  buildPdf,
  composePage,
  designPage,
  groundTruth,
  LAYOUTS,
  PAGE_AS_DRAWN,
  PAGE_DPI,
  PAGE_HEIGHT,
  PAGE_WIDTH,
  pageSeed,
  PT_PER_PX,
  TINTS,
  type FileView,
  type GroundTruth,
  type Layout,
  type PageDesign,
  type PdfLogoMode,
} from './page.ts';
import { hashSeed, Rng } from './random.ts';
import { FILE_KINDS, sampleLogo, VIOLATION_CLASSES, VIOLATION_IDS, violationClass, type FileKind, type ViolationId } from './violations.ts';

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
  /** Light panel colour under each logo (web pages). */
  logoPanel?: string;
  /** How the file is made from its pages; default clean. */
  capture?: Capture;
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
  /** How the file was made; `capture` holds the parameters drawn for scans, web exports and photos. */
  condition: Condition;
  capture?: Exclude<Capture, { condition: 'clean' | 'small' | 'cut' }>;
  /** Raster size of a page as stored (PDF: rendered at the manifest's dpi). */
  pixelSize: [number, number];
  /** Resolution the checker judges sizes at: the one the file states, else the charter's assumed dpi (PDF: its render dpi). */
  dpi: number;
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
  conditions: Array<{ id: Condition; kinds: readonly FileKind[]; description: string }>;
  files: ManifestFile[];
}

const EXTENSIONS: Record<FileKind, string> = { png: 'png', jpeg: 'jpg', pdf: 'pdf', gif: 'gif', webp: 'webp' };

export interface WriteContext {
  /** Candidate corpus photos (absolute paths); empty for synthetic pictures only. */
  photos: string[];
  /** PNG zlib level. */
  pngLevel?: number;
}

export async function writeRecipe(recipe: FileRecipe, outDir: string, ctx: WriteContext): Promise<ManifestFile> {
  const path = `${recipe.name}.${EXTENSIONS[recipe.kind]}`;
  const photos = recipe.corpusPhotos === false ? [] : ctx.photos;
  const capture: Capture = recipe.capture ?? { condition: 'clean' };
  const fileRules = recipe.logos.some((l) => violationClass(l.violation).expectedRules.includes('validity')) ? ['validity'] : [];
  const pages = recipe.kind === 'pdf' ? recipe.pdf!.pages : 1;
  const logoPage = recipe.kind === 'pdf' ? recipe.pdf!.logoPage : 1;
  if (logoPage < 1 || logoPage > pages) throw new Error(`recipe ${recipe.name}: logoPage ${logoPage} is outside 1..${pages}`);
  if (recipe.kind === 'pdf' && (capture.condition === 'web' || capture.condition === 'photo')) {
    throw new Error(`recipe ${recipe.name}: a ${capture.condition} file is an image; use one of ${CONDITION_KINDS[capture.condition].join(', ')}`);
  }
  const designs = Array.from({ length: pages }, (_, i) => {
    const rng = new Rng(pageSeed(recipe.seed, i + 1));
    if (i + 1 === logoPage) {
      return designPage(rng, { logos: recipe.logos, layout: recipe.layout, distractors: recipe.distractors, photos, logoPanel: recipe.logoPanel });
    }
    // Pages around the logo page are ordinary copy, so a checker must look at every page.
    return designPage(rng, { layout: rng.pick(['text', 'white', 'tint', 'photo-band'] as const), photos });
  });
  let bytes: Uint8Array;
  let view: FileView;
  if (recipe.kind === 'pdf' && capture.condition !== 'scan') {
    bytes = await buildPdf(designs, { title: recipe.pdf!.title, created: recipe.pdf!.created, logoMode: recipe.pdf!.logoMode });
    view = { ...PAGE_AS_DRAWN, condition: capture.condition };
  } else {
    const stored = await storeRasters(recipe, designs, capture, photos, ctx.pngLevel);
    bytes = stored.bytes;
    view = stored.views[logoPage - 1];
  }
  // A scanned PDF holds its logo in the page raster, whatever mode the design had.
  const render: GroundTruth['render'] = recipe.kind === 'pdf' && capture.condition !== 'scan' ? recipe.pdf!.logoMode : 'raster';
  const logos = designs[logoPage - 1].logos.map((l) => groundTruth(l, logoPage, render, recipe.category, view));
  await writeFile(join(outDir, path), bytes);
  const pageRules: PageRules[] = designs.map((_, i) => ({
    page: i + 1,
    rules: [...new Set(logos.filter((l) => l.page === i + 1).flatMap((l) => l.expectedRules))].sort(),
  }));
  return {
    path,
    ...(recipe.description ? { description: recipe.description } : {}),
    kind: recipe.kind,
    condition: capture.condition,
    ...(capture.condition === 'scan' || capture.condition === 'web' || capture.condition === 'photo' ? { capture } : {}),
    pixelSize: view.size,
    dpi: view.dpi,
    pages,
    layouts: designs.map((d) => d.layout),
    ...(recipe.category ? { category: recipe.category } : {}),
    ...(recipe.kind === 'pdf' ? { created: recipe.pdf!.created.toISOString(), title: recipe.pdf!.title } : {}),
    logos,
    pageRules,
    expectedFileRules: fileRules,
  };
}

/**
 * A file whose pages are rasters: each page is composed, captured (scanned, exported, photographed
 * or left as drawn) and encoded before the next, so only encoded bytes stay in memory; a PDF is
 * then a scanner's, one full-page JPEG per page.
 */
async function storeRasters(recipe: FileRecipe, designs: PageDesign[], capture: Capture, photos: string[], pngLevel?: number) {
  const stated = statedDpi(capture, recipe.kind, PAGE_DPI);
  const quality =
    capture.condition === 'scan' ? capture.quality : capture.condition === 'web' ? capture.export.quality : capture.condition === 'photo' ? capture.shot.quality : recipe.quality;
  const dpi = recipe.kind === 'pdf' ? PAGE_DPI : judgedDpi(stated);
  const kind = recipe.kind === 'pdf' ? 'jpeg' : recipe.kind;
  const encoded: Buffer[] = [];
  const views: FileView[] = [];
  for (let i = 0; i < designs.length; i++) {
    const shot = await capturePage(await composePage(designs[i]), capture, i + 1, PAGE_DPI, photos);
    encoded.push(await encodeRaster(shot.raster, kind, { quality, density: stated, pngLevel }));
    views.push({ condition: capture.condition, fileFromPage: shot.fileFromPage, size: [shot.raster.width, shot.raster.height], dpi });
  }
  const bytes =
    recipe.kind === 'pdf'
      ? await imageOnlyPdf(encoded, { pageSize: [PAGE_WIDTH * PT_PER_PX, PAGE_HEIGHT * PT_PER_PX], created: recipe.pdf!.created, title: recipe.pdf!.title })
      : encoded[0];
  return { bytes, views };
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
  /** Default: every kind (png, jpeg, pdf, gif, webp); each condition uses those it can be stored as. */
  formats?: FileKind[];
  /**
   * Capture conditions; default all six. Logo files take them round-robin shifted by one every
   * pass over the classes, so `count` = classes × conditions files hold every pairing once;
   * logo-free files take the whole-page ones (clean, scan, web, photo) among these.
   */
  conditions?: Condition[];
  /** Share of the logos of a class with a subtle variant drawn as that variant; default 0.3. */
  subtleRate?: number;
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

// Web pages set logos on light tinted panels more often than on white.
const WEB_LAYOUTS: ReadonlyArray<readonly [Layout, number]> = [
  ['tint', 0.35],
  ['white', 0.1],
  ['photo-band', 0.15],
  ['photo-block', 0.15],
  ['photo-full', 0.1],
  ['text', 0.15],
];

/** The recipes of a set: classes round-robin over the logo files, conditions shifted across them, then the logo-free files. */
export function planSet(options: GenerateOptions): FileRecipe[] {
  const formats = options.formats ?? FILE_KINDS;
  const conditions = options.conditions ?? [...CONDITIONS];
  for (const c of conditions) if (!CONDITIONS.includes(c)) throw new Error(`unknown condition "${c}"; expected one of ${CONDITIONS.join(', ')}`);
  /** Kinds a file of class `cls` in `condition` can be stored as, in the condition's order. */
  const kindsFor = (cls: ReturnType<typeof violationClass> | null, condition: Condition) =>
    CONDITION_KINDS[condition].filter((k) => formats.includes(k) && (!cls || cls.kinds.includes(k)));
  const classes = (options.classes ?? [...VIOLATION_IDS]).map(violationClass).filter((c) => conditions.some((cond) => kindsFor(c, cond).length));
  if (classes.length === 0) throw new Error(`no class can be written as ${formats.join(', ')} in ${conditions.join(', ')}; add formats (pdf for validity) or conditions`);
  const pageConditions = conditions.filter((c) => PAGE_CONDITIONS.includes(c) && kindsFor(null, c).length);
  const negativeConditions = pageConditions.length ? pageConditions : conditions.filter((c) => kindsFor(null, c).length);
  const negatives = options.negatives ?? Math.round(options.count * 0.1);
  if (negatives > 0 && negativeConditions.length === 0) throw new Error(`no condition in ${conditions.join(', ')} can be written as ${formats.join(', ')}`);
  const secondRate = options.secondLogoRate ?? 0.15;
  const recipes: FileRecipe[] = [];
  const total = options.count + negatives;
  const width = String(total).length < 4 ? 4 : String(total).length;
  for (let i = 0; i < total; i++) {
    const seed = hashSeed(options.seed, 'file', i);
    const rng = new Rng(seed);
    const primary = i < options.count ? classes[i % classes.length] : null;
    let condition: Condition;
    if (primary) {
      // Shifting by one per pass gives each class every condition once per classes × conditions files;
      // a condition the class cannot be stored in (validity is PDF-only) passes to the next.
      const start = ((i % classes.length) + Math.floor(i / classes.length)) % conditions.length;
      const order = [...conditions.slice(start), ...conditions.slice(0, start)];
      condition = order.find((c) => kindsFor(primary, c).length)!;
    } else {
      condition = negativeConditions[(i - options.count) % negativeConditions.length];
    }
    const kinds = kindsFor(primary, condition);
    const kind = rng.pick(kinds);
    const logoClasses = primary ? [primary] : [];
    // A cut file shows one logo, the one at the edge.
    if (primary?.shareable && condition !== 'cut' && rng.chance(secondRate)) {
      const partners = classes.filter((c) => c.shareable && c.kinds.includes(kind));
      if (partners.length) logoClasses.push(rng.pick(partners));
    }
    let category: string | undefined;
    if (logoClasses.some((c) => c.needsCategory) || (primary && rng.chance(0.5))) category = rng.pick(CHARTER.badges.map((b) => b.id));
    // Sheets are drawn for the longest PDF and cut to its pages below: each comes from its own stream.
    const capture = planCapture(condition, kind, rng.fork('capture'), 3);
    const view = captureView(capture, kind, { width: PAGE_WIDTH, height: PAGE_HEIGHT, dpi: PAGE_DPI });
    const widthRange: [number, number] = condition === 'small' ? [100, 150] : logoClasses.length > 1 ? [160, 360] : [160, 520];
    const logos = logoClasses.map((c, j) => {
      const spec = sampleLogo(c.id, rng.fork(`logo${j}`), { charter: CHARTER, category, widthRange, view, subtleRate: options.subtleRate ?? 0.3 });
      if (condition === 'cut') spec.crop = sampleCut(spec, logoLinear(spec), rng.fork(`cut${j}`), { fraction: [0.1, 0.6], leftPartOff: 0.5 });
      return spec;
    });
    const label = logoClasses.length ? logoClasses.map((c) => c.id).join('+') : 'negative';
    const recipe: FileRecipe = {
      name: `${String(i + 1).padStart(width, '0')}-${label}${condition === 'clean' ? '' : `-${condition}`}`,
      kind,
      seed,
      logos,
      layout: condition === 'web' ? rng.weighted(WEB_LAYOUTS) : rng.pick(LAYOUTS),
      ...(category ? { category } : {}),
      quality: rng.int(40, 95),
    };
    if (condition === 'web' && rng.fork('panel').chance(0.6)) recipe.logoPanel = rng.fork('panel-colour').pick(TINTS);
    const pages = kind === 'pdf' ? rng.int(1, 3) : 1;
    recipe.capture = capture.condition === 'scan' ? { ...capture, sheets: capture.sheets.slice(0, pages) } : capture;
    if (kind === 'pdf') {
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
    conditions: CONDITIONS.map((id) => ({ id, kinds: CONDITION_KINDS[id], description: CONDITION_DESCRIPTIONS[id] })),
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
