import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IngestError } from './errors.ts';
import { openDocument } from './open.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'logo-check-ingest-open-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function failure(path: string): Promise<IngestError> {
  const error = await openDocument(path).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

describe('openDocument: what the file is', () => {
  it('reports a missing file as not-found, naming it', async () => {
    const path = join(dir, 'missing.pdf');
    const error = await failure(path);
    expect(error).toMatchObject({ code: 'not-found', file: path });
    expect(error.message).toBe('The file does not exist; check the path.');
  });

  it('reports a folder as unreadable', async () => {
    expect(await failure(dir)).toMatchObject({ code: 'unreadable', file: dir });
  });

  it('reports a 0-byte file as empty', async () => {
    const path = join(dir, 'empty.png');
    await writeFile(path, '');
    expect(await failure(path)).toMatchObject({ code: 'empty' });
  });

  it.each([
    ['plain text named .pdf', 'notes.pdf', 'hello', /not a supported file; submit a PDF, PNG/],
    ['a Word document', 'offre.docx', 'PK\x03\x04rest of a zip', /ZIP archive.*export the document to PDF/],
    ['an AppleDouble file', '._offre.pdf', '\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X', /AppleDouble/],
  ])('reports %s as unsupported-format, saying what to submit', async (_name, fileName, content, message) => {
    const path = join(dir, fileName);
    await writeFile(path, Buffer.from(content, 'latin1'));
    const error = await failure(path);
    expect(error.code).toBe('unsupported-format');
    expect(error.message).toMatch(message);
  });

  it('decides the format from the content, not the name', async () => {
    const path = join(dir, 'really-an-svg.pdf');
    await writeFile(path, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const doc = await openDocument(path);
    expect(doc.kind).toBe('svg');
    await doc.close();
  });

  it.each([
    [{ dpi: 0 }, /IngestOptions.dpi must be a positive number, got 0/],
    [{ maxPixels: -1 }, /IngestOptions.maxPixels/],
    [{ timeoutMs: Number.NaN }, /IngestOptions.timeoutMs/],
  ])('rejects invalid options %j as a programming error', async (options, message) => {
    await expect(openDocument(join(dir, 'x.pdf'), options)).rejects.toThrow(message);
    await expect(openDocument(join(dir, 'x.pdf'), options)).rejects.toBeInstanceOf(RangeError);
  });
});
