// Writes samples/: a few partner flyers and brochures, one per common mistake, with a manifest of
// the findings a correct check must report on each page and file.
// Run: npm run samples   (rewrites samples/; the output is the same bytes on every run, commit it)
//
// The samples use synthetic pictures only: corpus photos are third-party files whose licences do
// not allow redistributing them, even resized inside a flyer.
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestHeader, writeRecipe, type FileRecipe, type Manifest } from './synth/generate.ts';
import { CHARTER, type LogoSpec } from './synth/logo.ts';
import { hashSeed, Rng } from './synth/random.ts';
import { sampleAddition, sampleLogo, type ViolationId } from './synth/violations.ts';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../samples');

function logo(name: string, id: ViolationId, change: (spec: LogoSpec, rng: Rng) => void = () => {}, category?: string): LogoSpec {
  const rng = new Rng(hashSeed('samples', name, id));
  const spec = sampleLogo(id, rng, { charter: CHARTER, category, widthRange: [340, 460] });
  change(spec, rng);
  return spec;
}

const utc = (iso: string) => new Date(`${iso}Z`);

const recipes: FileRecipe[] = [
  {
    name: 'flyer-conforme',
    description: 'flyer with the approved logo (offre référencée), nothing to report',
    kind: 'png',
    layout: 'tint',
    logos: [logo('flyer-conforme', 'compliant', () => {}, 'offre-referencee')],
    category: 'offre-referencee',
  },
  {
    name: 'brochure-conforme',
    description: 'two-page brochure from 2008, approved logo drawn as vector paths on page 2',
    kind: 'pdf',
    layout: 'white',
    logos: [logo('brochure-conforme', 'compliant', () => {}, 'equipement-reference')],
    pdf: { pages: 2, logoPage: 2, logoMode: 'vector', created: utc('2008-03-14T10:30:00'), title: 'Équipez votre boutique – brochure 2008' },
  },
  {
    name: 'affiche-fleche-bleue',
    description: 'poster whose arrow was recoloured blue',
    kind: 'jpeg',
    quality: 85,
    layout: 'photo-full',
    logos: [logo('affiche-fleche-bleue', 'colour-recolour', (s) => (s.colours = { red: CHARTER.palette.blue.hex }))],
  },
  {
    name: 'flyer-logo-etire',
    description: 'logo stretched 1.3× horizontally',
    kind: 'png',
    layout: 'white',
    logos: [
      logo('flyer-logo-etire', 'distortion-stretch', (s) => {
        s.geometry.scaleX = 1.3;
        s.geometry.scaleY = 1;
        s.widthPx = 340;
      }),
    ],
  },
  {
    name: 'flyer-sans-fleche',
    description: 'one-page PDF flyer whose logo lost its red arrow (logo embedded as an image)',
    kind: 'pdf',
    layout: 'tint',
    logos: [logo('flyer-sans-fleche', 'missing-arrow')],
    pdf: { pages: 1, logoPage: 1, logoMode: 'image', created: utc('2007-11-05T09:00:00'), title: 'Journée portes ouvertes' },
  },
  {
    name: 'brochure-2010',
    description: 'approved logo in a brochure created in 2010, after the operation ended (31 December 2008)',
    kind: 'pdf',
    layout: 'white',
    logos: [logo('brochure-2010', 'validity')],
    pdf: { pages: 3, logoPage: 3, logoMode: 'vector', created: utc('2010-05-20T14:00:00'), title: 'Votre site web clé en main – 2010' },
  },
  {
    name: 'flyer-mention-modifiee',
    description: 'badge reads « offre référencé » (misspelt)',
    kind: 'png',
    layout: 'white',
    logos: [
      logo('flyer-mention-modifiee', 'badge-text', (s) => {
        s.variant = 'offre-referencee';
        s.badgeText = 'offre référencé';
      }),
    ],
  },
  {
    name: 'flyer-logo-tourne',
    description: 'logo rotated 12° clockwise',
    kind: 'jpeg',
    quality: 85,
    layout: 'white',
    logos: [logo('flyer-logo-tourne', 'rotation', (s) => (s.geometry.rotationDeg = 12))],
  },
  {
    name: 'flyer-ajout-promo',
    description: 'a « -20 % » mark added inside the logo',
    kind: 'png',
    layout: 'tint',
    logos: [
      logo('flyer-ajout-promo', 'addition', (s, rng) => {
        s.addition = sampleAddition(CHARTER, rng, { kind: 'text', text: '-20 %', areaFraction: 0.04 });
      }),
    ],
  },
  {
    name: 'flyer-sans-logo',
    description: 'no logo: blue and red shapes, « @ » signs and e-mail addresses only',
    kind: 'png',
    layout: 'text',
    logos: [],
  },
].map((r) => ({ ...r, seed: hashSeed('samples', r.name), corpusPhotos: false }) as FileRecipe);

await mkdir(OUT, { recursive: true });
// Files from an earlier run under another name would otherwise linger beside the manifest.
for (const entry of await readdir(OUT)) await rm(join(OUT, entry), { recursive: true });
const files = [];
for (const recipe of recipes) files.push(await writeRecipe(recipe, OUT, { photos: [], pngLevel: 9 }));
const manifest: Manifest = { ...manifestHeader(), files };
await writeFile(join(OUT, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
for (const f of files) {
  const rules = f.pageRules.filter((p) => p.rules.length).map((p) => `p${p.page}: ${p.rules.join(', ')}`);
  console.log(`${f.path.padEnd(28)} ${[...rules, ...f.expectedFileRules.map((r) => `file: ${r}`)].join('; ') || 'no finding'}`);
}
