import { describe, expect, it } from 'vitest';
import { csv, csvField } from './csv.ts';
import { sampleReport } from './testing/fixtures.ts';

/** A strict RFC 4180 reader, written against the RFC rather than against csv.ts. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (ch === '"') (quoted = false), i++;
      else (field += ch), i++;
    } else if (ch === '"' && field === '') (quoted = true), i++;
    else if (ch === ',') row.push(field), (field = ''), i++;
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), (i += 2);
    else if (ch === '\n' || ch === '\r' || ch === '"') throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    else (field += ch), i++;
  }
  if (field || row.length) throw new Error('last row without CRLF');
  return rows;
}

describe('csv report', () => {
  it('starts with a UTF-8 byte-order mark and ends rows with CRLF', () => {
    const out = csv(sampleReport('fr'), { color: false });
    expect(out.startsWith('\uFEFFfichier,statut,page,')).toBe(true);
    expect(Buffer.from(out, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(out.endsWith('\r\n')).toBe(true);
  });

  it('has one row per finding and one per clean or unreadable file, every row as wide as the header', () => {
    const rows = parseCsv(csv(sampleReport('en'), { color: false }).slice(1));
    const [header, ...body] = rows;
    expect(header).toEqual(['file', 'status', 'page', 'logo (x y width height)', 'rule', 'severity', 'kind', 'article', 'element', 'message', 'fix', 'measured', 'expected', 'error code']);
    expect(body.every((row) => row.length === header.length)).toBe(true);
    expect(body.map((row) => [row[0], row[1], row[2], row[4], row[5]])).toEqual([
      ['samples/flyer ok.png', 'pass', '', '', ''],
      ['samples/brochure.pdf', 'fail', '', 'period', 'error'],
      ['samples/brochure.pdf', 'fail', '2', 'colour', 'error'],
      ['samples/brochure.pdf', 'fail', '2', 'addition', 'warning'],
      ['samples/brochure.pdf', 'fail', '2', 'min-size', 'info'],
      ['samples/brochure.pdf', 'fail', '2', 'badge-text', 'warning'],
      ['samples/scan.tif', 'error', '', '', ''],
      ['samples/photo.jpg', 'pass', '', '', ''],
    ]);
    expect(body[2][3]).toBe('60 1200 400 150');
    expect(body[2][9]).toBe('The red arrow has another colour: ΔE2000 = 14.2 from the charter red (tolerance 10).');
    expect(body[6][9]).toBe('The file is damaged and cannot be opened.');
    expect(body[6][13]).toBe('DECODE_FAILED');
  });

  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvField('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-3.5')).toBe('-3.5');
    expect(csvField(-3.5)).toBe('-3.5');
    expect(csvField(null)).toBe('');
  });
});
