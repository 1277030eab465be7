import { describe, expect, it } from 'vitest';
import { IngestError, reason } from './errors.ts';

describe('reason: the decoder\'s words in a message', () => {
  it('drops the path libvips puts on every line and counts lines differing only by numbers once', () => {
    const path = '/tmp/batch/00054-bit-flips-pitm.avif';
    const libvips = new Error(
      `${path}: bad seek to 66833\n${path}: bad seek to 66816\n${path}: bad seek to 66808\nheif: Invalid input: Corrupt frame detected (2.0)\n`,
    );
    expect(reason(libvips, path)).toBe('bad seek to 66833; heif: Invalid input: Corrupt frame detected (2.0)');
  });

  it('puts a thrown object in words, never « [object Object] »', () => {
    expect(reason({ name: 'UnknownErrorException', message: 'worker died' })).toBe('UnknownErrorException: worker died');
    expect(reason({ status: 500 })).toBe('{"status":500}');
    expect(reason(undefined)).toBe('no details given');
    expect(reason(new Error(''))).toBe('no details given');
    // pdf.js's own wording on a bit-flipped object stream.
    expect(reason(new Error('invalid object number in the ObjStm stream: [object Object]'))).toBe('invalid object number in the ObjStm stream');
  });

  it('cuts a long story short', () => {
    expect(reason(new Error('x'.repeat(1000)))).toHaveLength(200);
  });
});

describe('IngestError', () => {
  it('carries its message in both report languages as a sentence, English as the Error message', () => {
    const error = new IngestError('empty', '/a/b.pdf', { en: 'is empty; submit the complete file', fr: 'est vide ; envoyez le fichier complet' });
    expect(error).toMatchObject({
      code: 'empty',
      file: '/a/b.pdf',
      message: 'The file is empty; submit the complete file.',
      messages: { en: 'The file is empty; submit the complete file.', fr: 'Le fichier est vide ; envoyez le fichier complet.' },
    });
  });

  it('tells a problem about what the path is when it is not a file', () => {
    const error = new IngestError('unreadable', '/a', { en: 'cannot be opened', fr: 'ne peut pas être ouvert' }, { subject: 'folder' });
    expect(error.messages).toEqual({ en: 'The folder cannot be opened.', fr: 'Le dossier ne peut pas être ouvert.' });
  });

  it('ends a sentence once', () => {
    expect(new IngestError('corrupt', '/a', { en: 'is damaged (truncated…)', fr: 'est endommagé…' }).messages).toEqual({ en: 'The file is damaged (truncated…).', fr: 'Le fichier est endommagé…' });
  });
});
