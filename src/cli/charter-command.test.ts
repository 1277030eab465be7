import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHARTER } from '../charter/load.ts';
import { run } from './testing.ts';

let dir: string;
let bundled: Record<string, any>;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logo-check-charter-'));
  bundled = JSON.parse(await readFile(DEFAULT_CHARTER, 'utf8'));
});

async function charterFile(name: string, edit: (c: Record<string, any>) => void): Promise<string> {
  const copy = structuredClone(bundled);
  edit(copy);
  const file = join(dir, name);
  await writeFile(file, JSON.stringify(copy));
  return file;
}

describe('logo-check charter', () => {
  it('summarises the bundled charter', async () => {
    const r = await run(['charter']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 5)).toEqual([
      "Charter econumerique-2006 — Entrepreneurs, faites le choix de l'économie numérique",
      `  file:    ${DEFAULT_CHARTER}`,
      "  owner:   Ministère des PME, du Commerce, de l'Artisanat et des Professions libérales",
      '  period:  2006-11-01 → 2008-12-31  (Article IX)',
      '  palette:',
    ]);
    expect(r.stdout).toContain('    blue                   #0055A4  bleu / blue, ΔE2000 tolerance 10\n');
    expect(r.stdout).toContain(
      '    offre-referencee       « offre référencée » — offre d\'équipements ou de services / equipment or service offer  [../reference-assets/logo-offre-referencee.svg]\n',
    );
    expect(r.stdout).toContain('    sms                    SMS / SMS — waives colour; missing-element (at, arrow, badge); min-size; clear-space\n');
    expect(r.stdout).toContain('    monochrome-print       impression monochrome / monochrome print — waives colour when monochrome\n');
  });

  it('exits 2 with the fields to fix when the charter is invalid', async () => {
    const file = await charterFile('invalid.json', (c) => {
      c.period.from = '01/11/2006';
      c.elements.arrow.colours = ['rouge'];
    });
    const r = await run(['charter', '--charter', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `logo-check: option '--charter <file>': charter ${file} is not valid:\n` +
        '  - period.from: must be a date written YYYY-MM-DD, e.g. "2008-12-31"\n' +
        '  - elements.arrow.colours.0: names palette colour "rouge", which palette does not define (defined: blue, white, red)\n' +
        'see logo-check charter --help\n',
    );
  });

  it('exits 2 when a badge artwork file is missing', async () => {
    // Artwork paths are relative to the charter file, so a copy elsewhere points at nothing.
    const file = await charterFile('moved.json', () => {});
    const r = await run(['charter', '--charter', file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`MISSING ${join(dir, '../reference-assets/logo-offre-referencee.svg')}`);
    expect(r.stderr).toContain(`logo-check: charter ${file} is not usable:\n  - badges.0.artwork: file ${join(dir, '../reference-assets/logo-offre-referencee.svg')} does not exist\n`);
  });

  it('takes --charter given before the command too', async () => {
    const file = await charterFile('invalid2.json', (c) => {
      c.badges = [];
    });
    const r = await run(['--charter', file, 'charter']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('  - badges: ');
  });

  it('refuses arguments', async () => {
    const r = await run(['charter', 'my.json']);
    expect(r).toMatchObject({ code: 2, stderr: "logo-check: too many arguments for 'charter'. Expected 0 arguments but got 1 — see logo-check charter --help\n" });
  });
});
