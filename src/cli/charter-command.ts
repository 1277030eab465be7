// For whoever replaces the charter's values with the real « charte graphique »: validate the file,
// then show what logo-check will compare against, so a wrong value is seen before a batch runs.
import { access } from 'node:fs/promises';
import { artworkPath } from '../charter/load.ts';
import type { Charter } from '../types.ts';
import { charterFromOption } from './check-command.ts';
import type { ResolvedDeps } from './deps.ts';

export function describeCharter(charter: Charter, missingArtwork: Set<string>): string {
  const width = Math.max(...charter.badges.map((b) => b.id.length), ...charter.media.map((m) => m.id.length));
  const pad = (id: string) => id.padEnd(width);
  const lines = [
    `Charter ${charter.id} — ${charter.name}`,
    `  file:    ${charter.file}`,
    `  owner:   ${charter.owner}`,
    `  period:  ${charter.period.from} → ${charter.period.until}  (${charter.terms.clauses.period.article})`,
    '  palette:',
    ...Object.entries(charter.palette).map(
      ([id, entry]) => `    ${id.padEnd(width)}  ${entry.hex}  ${entry.name.fr} / ${entry.name.en}, ΔE2000 tolerance ${entry.tolerance}`,
    ),
    `  badges (--category), ${charter.terms.clauses.elements.article}:`,
    ...charter.badges.map((b) => {
      const artwork = missingArtwork.has(b.id) ? `MISSING ${artworkPath(charter, b.id)}` : b.artwork;
      return `    ${pad(b.id)}  « ${b.text} » — ${b.category.fr} / ${b.category.en}  [${artwork}]`;
    }),
    `  media (--medium), ${charter.terms.clauses.adaptation.article}:`,
    ...(charter.media.length === 0 ? ['    (none)'] : []),
    ...charter.media.map((m) => {
      const waives = m.waives.map((w) => w.rule + (w.elements ? ` (${w.elements.join(', ')})` : '') + (w.when === 'monochrome' ? ' when monochrome' : ''));
      return `    ${pad(m.id)}  ${m.name.fr} / ${m.name.en} — waives ${waives.join('; ')}`;
    }),
  ];
  return lines.join('\n');
}

export async function runCharter(file: string | undefined, deps: ResolvedDeps): Promise<number> {
  const charter = await charterFromOption(file, 'logo-check charter');
  const missing = new Set<string>();
  for (const badge of charter.badges) {
    await access(artworkPath(charter, badge.id)).catch(() => missing.add(badge.id));
  }
  deps.stdout.write(describeCharter(charter, missing) + '\n');
  if (missing.size > 0) {
    deps.stderr.write(
      `logo-check: charter ${charter.file} is not usable:\n` +
        [...missing].map((id) => `  - badges.${charter.badges.findIndex((b) => b.id === id)}.artwork: file ${artworkPath(charter, id)} does not exist\n`).join(''),
    );
    return 2;
  }
  return 0;
}
