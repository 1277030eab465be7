// Writes the approved artwork, one SVG per badge variant, from the charter.
// Run: npm run artwork  (rewrites reference-assets/*.svg; commit the result)
import { writeFile } from 'node:fs/promises';
import { artworkPath, loadCharter } from '../charter/load.ts';
import { drawLogo } from './draw.ts';

const charter = await loadCharter();
for (const variant of charter.badges) {
  const file = artworkPath(charter, variant.id);
  await writeFile(file, drawLogo(charter, { badgeText: variant.text }) + '\n');
  console.log(`wrote ${file}`);
}
