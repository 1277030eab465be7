// Writes the approved artwork, one SVG per badge variant, from the charter.
// Run: npx tsx scripts/build-artwork.ts  (rewrites reference-assets/*.svg; commit the result)
import { writeFile } from 'node:fs/promises';
import { artworkPath, loadCharter } from '../src/charter/load.ts';
import { drawLogo } from './artwork/draw.ts';

const charter = await loadCharter();
for (const variant of charter.badges) {
  const file = artworkPath(charter, variant.id);
  await writeFile(file, drawLogo(charter, { badgeText: variant.text }) + '\n');
  console.log(`wrote ${file}`);
}
