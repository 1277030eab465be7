import { describe, expect, it } from 'vitest';
import type { SourceKind } from '../types.ts';
import { describeUnsupported, sniff } from './sniff.ts';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

const ftyp = (major: string, ...compatible: string[]): Uint8Array => {
  const size = 16 + 4 * compatible.length;
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], ...compatible);
};

const cases: [string, Uint8Array, SourceKind | null][] = [
  ['PNG signature', bytes([0x89], 'PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR'), 'png'],
  ['JPEG SOI + APP0', bytes([0xff, 0xd8, 0xff, 0xe0]), 'jpeg'],
  ['JPEG SOI + DQT (no JFIF)', bytes([0xff, 0xd8, 0xff, 0xdb]), 'jpeg'],
  ['TIFF little-endian', bytes('II', [42, 0, 8, 0, 0, 0]), 'tiff'],
  ['TIFF big-endian', bytes('MM', [0, 42, 0, 0, 0, 8]), 'tiff'],
  ['BigTIFF little-endian', bytes('II', [43, 0, 8, 0, 0, 0]), 'tiff'],
  ['WebP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), 'webp'],
  ['RIFF that is not WebP (WAV)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), null],
  ['GIF87a', bytes('GIF87a'), 'gif'],
  ['GIF89a', bytes('GIF89a'), 'gif'],
  ['AVIF major brand', ftyp('avif', 'mif1', 'miaf'), 'avif'],
  ['AVIF only as a compatible brand', ftyp('mif1', 'avif', 'miaf'), 'avif'],
  ['HEIC', ftyp('heic', 'mif1', 'heic'), 'heif'],
  ['HEIF generic', ftyp('mif1', 'heic'), 'heif'],
  ['MP4 video is not an image', ftyp('isom', 'iso2', 'mp41'), null],
  ['JP2 signature box', bytes([0, 0, 0, 12], 'jP  ', [0x0d, 0x0a, 0x87, 0x0a]), 'jp2'],
  ['J2K codestream', bytes([0xff, 0x4f, 0xff, 0x51]), 'jp2'],
  ['PDF header', bytes('%PDF-1.7\n'), 'pdf'],
  ['PDF header after junk', bytes('junk before the header\n'.repeat(20), '%PDF-1.4\n'), 'pdf'],
  ['PDF header beyond 1024 bytes', bytes(' '.repeat(1100), '%PDF-1.4\n'), null],
  ['SVG bare', bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'svg'],
  ['SVG with UTF-8 BOM and XML declaration', bytes([0xef, 0xbb, 0xbf], '<?xml version="1.0"?>\n<svg>'), 'svg'],
  ['SVG after comments and doctype with internal subset', bytes('<?xml version="1.0"?><!-- a > b --><!DOCTYPE svg [<!ENTITY x "<y>">]>\n<svg\n>'), 'svg'],
  ['SVG with a namespace prefix', bytes('<svg:svg xmlns:svg="http://www.w3.org/2000/svg">'), 'svg'],
  ['SVG in UTF-16LE', new Uint8Array([0xff, 0xfe, ...Buffer.from('<svg>', 'utf16le')]), 'svg'],
  ['XML whose root is not svg', bytes('<?xml version="1.0"?><html><svg/></html>'), null],
  ['element that only starts with svg', bytes('<svgfoo>'), null],
  ['plain text', bytes('hello'), null],
  ['empty', new Uint8Array(0), null],
  ['AppleDouble', bytes([0, 5, 0x16, 7, 0, 2, 0, 0], 'Mac OS X'), null],
];

describe('sniff', () => {
  it.each(cases)('%s', (_name, head, expected) => {
    expect(sniff(head)).toBe(expected);
  });
});

describe('describeUnsupported', () => {
  it.each([
    ['AppleDouble', bytes([0, 5, 0x16, 7]), /AppleDouble/],
    ['ZIP (docx, odt, idml)', bytes('PK', [3, 4]), /export the document to PDF/],
    ['PostScript', bytes('%!PS-Adobe-3.0 EPSF-3.0'), /convert it to PDF/],
    ['HTML', bytes('<!DOCTYPE html><html>'), /HTML page/],
  ])('names %s and what to do', (_name, head, expected) => {
    expect(describeUnsupported(head)?.en).toMatch(expected);
  });

  it('returns null for unknown content', () => {
    expect(describeUnsupported(bytes('hello'))).toBeNull();
  });
});
