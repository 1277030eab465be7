// Document dates from the metadata formats our inputs carry. Dates without a time zone are read
// as UTC so that a report does not change with the machine's time zone.

/** Dates an image's EXIF block records, both optional. */
export interface ExifDates {
  /** DateTimeOriginal: when the picture was taken or the artwork created. */
  original?: Date;
  /** DateTime (IFD0): when the file was last changed. */
  changed?: Date;
}

const TAG_DATE_TIME = 0x0132;
const TAG_EXIF_IFD = 0x8769;
const TAG_DATE_TIME_ORIGINAL = 0x9003;
const TAG_OFFSET_TIME = 0x9010;
const TAG_OFFSET_TIME_ORIGINAL = 0x9011;
const TYPE_ASCII = 2;
const TYPE_LONG = 4;

/**
 * Reads the two date tags of an EXIF block (as sharp's metadata().exif returns it: "Exif\0\0"
 * then a TIFF structure, CIPA DC-008). Any malformation yields no date rather than an error:
 * the date is a nicety, the pixels are what matter.
 */
export function exifDates(exif: Uint8Array | undefined): ExifDates {
  if (!exif) return {};
  const tiffStart = ascii(exif, 0, 6) === 'Exif\0\0' ? 6 : 0;
  const tiff = new DataView(exif.buffer, exif.byteOffset + tiffStart, exif.byteLength - tiffStart);
  if (tiff.byteLength < 8) return {};
  const order = ascii(new Uint8Array(tiff.buffer, tiff.byteOffset, 2), 0, 2);
  if (order !== 'II' && order !== 'MM') return {};
  const little = order === 'II';
  const ifd0 = readIfd(tiff, tiff.getUint32(4, little), little);
  const exifIfdOffset = ifd0.get(TAG_EXIF_IFD);
  const exifIfd = typeof exifIfdOffset === 'number' ? readIfd(tiff, exifIfdOffset, little) : new Map<number, string | number>();
  const original = parseExifDate(exifIfd.get(TAG_DATE_TIME_ORIGINAL), exifIfd.get(TAG_OFFSET_TIME_ORIGINAL));
  const changed = parseExifDate(ifd0.get(TAG_DATE_TIME), exifIfd.get(TAG_OFFSET_TIME));
  return { ...(original && { original }), ...(changed && { changed }) };
}

/** ASCII and LONG entries of one IFD, the only types the tags we read use. */
function readIfd(tiff: DataView, offset: number, little: boolean): Map<number, string | number> {
  const entries = new Map<number, string | number>();
  if (offset + 2 > tiff.byteLength) return entries;
  const count = tiff.getUint16(offset, little);
  for (let i = 0; i < count; i++) {
    const at = offset + 2 + i * 12;
    if (at + 12 > tiff.byteLength) break;
    const tag = tiff.getUint16(at, little);
    const type = tiff.getUint16(at + 2, little);
    const length = tiff.getUint32(at + 4, little);
    if (type === TYPE_LONG && length === 1) {
      entries.set(tag, tiff.getUint32(at + 8, little));
    } else if (type === TYPE_ASCII) {
      // Values over 4 bytes live elsewhere; the entry then holds their offset.
      const start = length <= 4 ? at + 8 : tiff.getUint32(at + 8, little);
      if (start + length > tiff.byteLength) continue;
      const bytes = new Uint8Array(tiff.buffer, tiff.byteOffset + start, length);
      entries.set(tag, ascii(bytes, 0, length).replace(/\0.*$/s, ''));
    }
  }
  return entries;
}

/** "YYYY:MM:DD HH:MM:SS", with an optional OffsetTime* companion like "+02:00". */
export function parseExifDate(value: unknown, offset?: unknown): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim());
  if (!m) return undefined;
  const zone = typeof offset === 'string' && /^[+-]\d{2}:\d{2}$/.test(offset.trim()) ? offset.trim() : 'Z';
  return validDate(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
}

/** XMP dates are ISO 8601 with any precision from a year to fractions of a second. */
export function parseIsoDate(value: string): Date | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(
    value.trim(),
  );
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = m;
  const tz = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  return validDate(`${y}-${mo}-${d}T${h}:${mi}:${s}${frac}${tz}`);
}

/** Reads a date written in any of the forms our metadata sources use. */
export function parseAnyDate(value: string): Date | undefined {
  return parseExifDate(value) ?? parseIsoDate(value) ?? parseLooseDate(value);
}

// PNG "Creation Time" is free text; RFC 1123 ("Tue, 15 Nov 1994 08:12:31 GMT") is recommended.
function parseLooseDate(value: string): Date | undefined {
  if (!/\d{4}/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : validDate(new Date(ms).toISOString());
}

/** Dates an XMP packet records (xmp: or the older xap: prefix, as attribute or element). */
export function xmpDates(xmp: string | Uint8Array | undefined): { created?: Date; modified?: Date } {
  if (!xmp) return {};
  const packet = typeof xmp === 'string' ? xmp : new TextDecoder().decode(xmp);
  const created = xmpProperty(packet, 'CreateDate');
  const modified = xmpProperty(packet, 'ModifyDate');
  return { ...(created && { created }), ...(modified && { modified }) };
}

function xmpProperty(packet: string, name: string): Date | undefined {
  const attribute = new RegExp(`\\bx[am]p:${name}\\s*=\\s*(["'])([^"']*)\\1`).exec(packet);
  const element = new RegExp(`<x[am]p:${name}(?:\\s[^>]*)?>([^<]*)</x[am]p:${name}>`).exec(packet);
  const value = attribute?.[2] ?? element?.[1];
  return value === undefined ? undefined : parseIsoDate(value);
}

// Rejects unset placeholders ("0000:00:00 00:00:00") and impossible dates such as 2019-02-30.
function validDate(iso: string): Date | undefined {
  const date = new Date(iso);
  const ms = date.getTime();
  if (Number.isNaN(ms) || date.getUTCFullYear() < 1900) return undefined;
  const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (day && Number(day[3]) > new Date(Date.UTC(Number(day[1]), Number(day[2]), 0)).getUTCDate()) return undefined;
  return date;
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  let out = '';
  for (let i = at; i < Math.min(bytes.length, at + length); i++) out += String.fromCharCode(bytes[i]!);
  return out;
}
