import type { SourceKind } from '../types.ts';
import type { Words } from './errors.ts';

/** Bytes to read before calling `sniff`: enough for a PDF header after junk and a long SVG prologue. */
export const SNIFF_BYTES = 16 * 1024;

// Readers accept junk before the header (pdf.js, Acrobat: within the first 1024 bytes).
const PDF_HEADER_WINDOW = 1024;

const AVIF_BRANDS = new Set(['avif', 'avis']);
// HEIF image and sequence brands from ISO/IEC 23008-12 (HEVC-coded or generic MIAF).
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1', 'miaf']);

/** What a file is, from its first bytes (never from its name: files arrive misnamed). */
export function sniff(head: Uint8Array): SourceKind | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
  // Classic TIFF (42) and BigTIFF (43), little- and big-endian.
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(head, [0x49, 0x49, 0x2b, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2b])) return 'tiff';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 4) === 'WEBP') return 'webp';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'gif';
  // JP2 signature box, then a raw J2K codestream (SOC marker followed by SIZ).
  if (startsWith(head, [0x00, 0x00, 0x00, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a])) return 'jp2';
  if (startsWith(head, [0xff, 0x4f, 0xff, 0x51])) return 'jp2';
  const isobmff = sniffFileTypeBox(head);
  if (isobmff) return isobmff;
  if (indexOfAscii(head, '%PDF-', PDF_HEADER_WINDOW) >= 0) return 'pdf';
  if (isSvg(head)) return 'svg';
  return null;
}

/**
 * Names formats people commonly submit by mistake, so the error can say what to do instead.
 * Returns null when the content is not recognised at all.
 */
export function describeUnsupported(head: Uint8Array): Words | null {
  if (startsWith(head, [0x00, 0x05, 0x16, 0x07])) {
    return {
      en: 'is a macOS AppleDouble metadata file ("._" file), not the document itself; delete it and submit the real file',
      fr: 'est un fichier de métadonnées macOS AppleDouble (fichier « ._ »), pas le document lui-même ; supprimez-le et envoyez le vrai fichier',
    };
  }
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    return {
      en: 'is a ZIP archive (an office document or a packaged layout?); export the document to PDF and submit that',
      fr: 'est une archive ZIP (un document bureautique ou une mise en page assemblée ?) ; exportez le document en PDF et envoyez ce PDF',
    };
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0])) {
    return {
      en: 'is a legacy Microsoft Office document; export it to PDF and submit that',
      fr: 'est un ancien document Microsoft Office ; exportez-le en PDF et envoyez ce PDF',
    };
  }
  if (ascii(head, 0, 4) === '%!PS') {
    return { en: 'is a PostScript/EPS file; convert it to PDF and submit that', fr: 'est un fichier PostScript/EPS ; convertissez-le en PDF et envoyez ce PDF' };
  }
  if (ascii(head, 0, 4) === '8BPS') {
    return {
      en: 'is a Photoshop document; export it to PNG, JPEG or PDF and submit that',
      fr: 'est un document Photoshop ; exportez-le en PNG, JPEG ou PDF et envoyez ce fichier',
    };
  }
  if (ascii(head, 0, 2) === 'BM') return { en: 'is a BMP image; convert it to PNG and submit that', fr: 'est une image BMP ; convertissez-la en PNG et envoyez ce PNG' };
  if (/^\s*<(!doctype\s+html|html)/i.test(text(head))) {
    return { en: 'is an HTML page; save or print it to PDF and submit that', fr: 'est une page HTML ; enregistrez-la ou imprimez-la en PDF et envoyez ce PDF' };
  }
  return null;
}

function sniffFileTypeBox(head: Uint8Array): SourceKind | null {
  if (ascii(head, 4, 4) !== 'ftyp') return null;
  const boxSize = readU32(head, 0);
  const end = Math.min(boxSize >= 16 ? boxSize : 16, head.length);
  // Brands: the major brand at 8, then compatible brands from 16; the minor version sits between.
  const brands = [ascii(head, 8, 4)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(head, at, 4));
  if (brands.some((b) => AVIF_BRANDS.has(b))) return 'avif';
  if (brands.some((b) => HEIF_BRANDS.has(b))) return 'heif';
  return null;
}

/**
 * An SVG is XML whose root element is <svg>. Skip what may precede the root: a BOM, the XML
 * declaration, processing instructions, comments and a doctype (its internal subset may hold '>').
 */
function isSvg(head: Uint8Array): boolean {
  const source = text(head);
  let at = 0;
  for (;;) {
    while (at < source.length && /\s/.test(source[at]!)) at++;
    if (source.startsWith('<?', at)) {
      const end = source.indexOf('?>', at + 2);
      if (end < 0) return false;
      at = end + 2;
    } else if (source.startsWith('<!--', at)) {
      const end = source.indexOf('-->', at + 4);
      if (end < 0) return false;
      at = end + 3;
    } else if (source.slice(at, at + 9).toUpperCase() === '<!DOCTYPE') {
      const end = endOfDoctype(source, at + 9);
      if (end < 0) return false;
      at = end + 1;
    } else {
      return /^<([A-Za-z_][\w.-]*:)?svg[\s/>]/.test(source.slice(at, at + 64));
    }
  }
}

function endOfDoctype(source: string, from: number): number {
  let depth = 0;
  for (let at = from; at < source.length; at++) {
    const c = source[at];
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === '>' && depth <= 0) return at;
  }
  return -1;
}

function text(head: Uint8Array): string {
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head);
  // TextDecoder drops a UTF-8 BOM by default.
  return new TextDecoder('utf-8').decode(head);
}

function startsWith(head: Uint8Array, magic: number[]): boolean {
  return head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
}

function ascii(head: Uint8Array, at: number, length: number): string {
  if (at + length > head.length) return '';
  return String.fromCharCode(...head.subarray(at, at + length));
}

function readU32(head: Uint8Array, at: number): number {
  return ((head[at]! << 24) | (head[at + 1]! << 16) | (head[at + 2]! << 8) | head[at + 3]!) >>> 0;
}

function indexOfAscii(head: Uint8Array, needle: string, window: number): number {
  const limit = Math.min(head.length, window + needle.length) - needle.length;
  outer: for (let at = 0; at <= limit; at++) {
    for (let i = 0; i < needle.length; i++) if (head[at + i] !== needle.charCodeAt(i)) continue outer;
    return at;
  }
  return -1;
}
