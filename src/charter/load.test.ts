// Whoever replaces the charter's values with the real annex edits JSON by hand: every mistake must
// come back as an error naming the field, never as a charter that silently means something else.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CharterError, DEFAULT_CHARTER, loadCharter, parseCharter } from './load.ts';

let bundled: Record<string, any>;
let dir: string;

beforeAll(async () => {
  bundled = JSON.parse(await readFile(DEFAULT_CHARTER, 'utf8'));
  dir = await mkdtemp(join(tmpdir(), 'logo-check-charter-load-'));
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The problems reported for the bundled charter after `edit`, or a failure if it is accepted. */
function problemsAfter(edit: (charter: Record<string, any>) => void): string[] {
  const copy = structuredClone(bundled);
  edit(copy);
  try {
    parseCharter(copy, DEFAULT_CHARTER);
  } catch (err) {
    if (err instanceof CharterError) return err.problems;
    throw err;
  }
  throw new Error('the edited charter was accepted');
}

describe('loadCharter', () => {
  it('loads the bundled charter with its location and defaults', async () => {
    const charter = await loadCharter();
    expect(charter.id).toBe('econumerique-2006');
    expect(charter.file).toBe(DEFAULT_CHARTER);
    expect(Object.keys(charter.palette)).toEqual(['blue', 'white', 'red']);
    // `required` is left out of the bundled file: the schema's default makes every element count.
    expect(Object.values(charter.elements).map((e) => e.required)).toEqual([true, true, true, true]);
  });

  it('names the file and every problem in the error it throws', async () => {
    const file = join(dir, 'misspelt.json');
    const copy = structuredClone(bundled);
    copy.elements.arrow.requried = false;
    await writeFile(file, JSON.stringify(copy));
    await expect(loadCharter(file)).rejects.toThrow(
      `charter ${file} is not valid:\n  - elements.arrow.requried: is not a charter field here; expected one of: name, box, colours, required`,
    );
  });

  it('says a missing file cannot be read and how to pass another', async () => {
    const file = join(dir, 'absent.json');
    await expect(loadCharter(file)).rejects.toThrow(`charter ${file} is not valid:\n  - cannot be read (ENOENT); pass an existing charter file with --charter`);
  });

  it('says a file that is not JSON is not JSON', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, '{ "id": ');
    await expect(loadCharter(file)).rejects.toThrow(/^charter .*broken\.json is not valid:\n {2}- is not valid JSON: /);
  });
});

describe('parseCharter rejects, naming the field', () => {
  it('a misspelt key, which would otherwise be dropped and its default used', () => {
    expect(problemsAfter((c) => (c.elements.arrow.requried = false))).toEqual([
      'elements.arrow.requried: is not a charter field here; expected one of: name, box, colours, required',
    ]);
  });

  it('unknown keys at the top level and inside a palette entry, each on its own line', () => {
    expect(
      problemsAfter((c) => {
        c.palete = {};
        c.palette.red.tolerence = 4;
      }),
    ).toEqual([
      'palette.red.tolerence: is not a charter field here; expected one of: hex, name, tolerance',
      expect.stringMatching(/^palete: is not a charter field here; expected one of: id, name, owner, terms, .*, period, media$/),
    ]);
  });

  it('a colour that is not #RRGGBB', () => {
    expect(problemsAfter((c) => (c.palette.blue.hex = '#0055A'))).toEqual(['palette.blue.hex: must be a colour written #RRGGBB, e.g. "#0055A4"']);
  });

  it('an element drawn in a colour the palette does not define', () => {
    expect(problemsAfter((c) => (c.elements.at.colours = ['blue', 'navy']))).toEqual([
      'elements.at.colours.1: names palette colour "navy", which palette does not define (defined: blue, white, red)',
    ]);
  });

  it('a period that starts after it ends', () => {
    expect(
      problemsAfter((c) => {
        c.period.from = '2009-01-01';
        c.period.until = '2008-12-31';
      }),
    ).toEqual(['period.from: must not be after period.until']);
  });
});
