import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { exifDates, parseAnyDate, parseExifDate, parseIsoDate, xmpDates } from './dates.ts';

describe('parseExifDate', () => {
  it.each([
    ['2019:05:06 07:08:09', undefined, '2019-05-06T07:08:09.000Z'],
    ['2019:05:06 07:08:09', '+02:00', '2019-05-06T05:08:09.000Z'],
    ['2019:05:06 07:08:09\0', 'garbage', '2019-05-06T07:08:09.000Z'],
  ])('%j with offset %j', (value, offset, iso) => {
    expect(parseExifDate(value, offset)?.toISOString()).toBe(iso);
  });

  it.each(['0000:00:00 00:00:00', '    :  :     :  :  ', '2019:02:30 00:00:00', '2019-05-06', ''])('rejects %j', (value) => {
    expect(parseExifDate(value)).toBeUndefined();
  });
});

describe('parseIsoDate', () => {
  it.each([
    ['2016-07-02T09:34:02+02:00', '2016-07-02T07:34:02.000Z'],
    ['2016-07-02T09:34:02.5-0130', '2016-07-02T11:04:02.500Z'],
    ['2016-07-02T09:34', '2016-07-02T09:34:00.000Z'],
    ['2016-07', '2016-07-01T00:00:00.000Z'],
    ['2016', '2016-01-01T00:00:00.000Z'],
  ])('%s', (value, iso) => {
    expect(parseIsoDate(value)?.toISOString()).toBe(iso);
  });

  it('rejects text that is not a date', () => {
    expect(parseIsoDate('yesterday')).toBeUndefined();
  });
});

describe('parseAnyDate', () => {
  it.each([
    ['2019:05:06 07:08:09', '2019-05-06T07:08:09.000Z'],
    ['2019-05-06T07:08:09Z', '2019-05-06T07:08:09.000Z'],
    ['Tue, 15 Nov 1994 08:12:31 GMT', '1994-11-15T08:12:31.000Z'],
  ])('%s', (value, iso) => {
    expect(parseAnyDate(value)?.toISOString()).toBe(iso);
  });
});

describe('exifDates', () => {
  it('reads DateTimeOriginal from the Exif IFD and DateTime from IFD0 of a real EXIF block', async () => {
    const jpeg = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#808080' } })
      .withExif({ IFD0: { DateTime: '2020:01:02 03:04:05' }, IFD2: { DateTimeOriginal: '2019:05:06 07:08:09', OffsetTimeOriginal: '+01:00' } })
      .jpeg()
      .toBuffer();
    const { exif } = await sharp(jpeg).metadata();
    const dates = exifDates(exif);
    expect(dates.original?.toISOString()).toBe('2019-05-06T06:08:09.000Z');
    expect(dates.changed?.toISOString()).toBe('2020-01-02T03:04:05.000Z');
  });

  it('reads big-endian EXIF', () => {
    // "MM", IFD0 at 8 with one entry: DateTime, ASCII, 20 bytes at offset 26.
    const tiff = Buffer.alloc(46);
    tiff.write('MM', 0, 'latin1');
    tiff.writeUInt16BE(42, 2);
    tiff.writeUInt32BE(8, 4);
    tiff.writeUInt16BE(1, 8);
    tiff.writeUInt16BE(0x0132, 10);
    tiff.writeUInt16BE(2, 12);
    tiff.writeUInt32BE(20, 14);
    tiff.writeUInt32BE(26, 18);
    tiff.write('2021:12:31 23:59:58\0', 26, 'latin1');
    expect(exifDates(Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])).changed?.toISOString()).toBe('2021-12-31T23:59:58.000Z');
  });

  it.each([
    ['nothing', undefined],
    ['too short', new Uint8Array([0x45, 0x78])],
    ['wrong byte order mark', Buffer.from('Exif\0\0XX\0*\0\0\0\x08', 'latin1')],
    ['IFD offset past the end', Buffer.from('Exif\0\0II*\0\xff\xff\0\0', 'latin1')],
  ])('yields no date, without throwing, for %s', (_name, exif) => {
    expect(exifDates(exif)).toEqual({});
  });
});

describe('xmpDates', () => {
  it('reads attribute form with the xmp: prefix', () => {
    const packet = '<rdf:Description xmp:CreateDate="2016-07-02T09:34:02+02:00" xmp:ModifyDate="2016-07-11T02:37:46+02:00"/>';
    expect(xmpDates(packet)).toEqual({ created: new Date('2016-07-02T07:34:02Z'), modified: new Date('2016-07-11T00:37:46Z') });
  });

  it('reads element form with the older xap: prefix', () => {
    const packet = new TextEncoder().encode('<xap:CreateDate>2004-03-20T14:54:55Z</xap:CreateDate>');
    expect(xmpDates(packet)).toEqual({ created: new Date('2004-03-20T14:54:55Z') });
  });

  it('ignores other properties and unparsable values', () => {
    expect(xmpDates('<photoshop:DateCreated>2004-03-20</photoshop:DateCreated><xmp:CreateDate>soon</xmp:CreateDate>')).toEqual({});
  });
});
