import { describe, expect, it } from 'vitest';
import { flipBits, insertBytes, MUTATIONS, mutate, seeded, shuffleBody, truncate, xrefPastEnd } from './mutate.ts';

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n'.repeat(40) + 'xref\n0 1\n0000000000 65535 f \ntrailer\n<< /Root 1 0 R >>\nstartxref\n9\n%%EOF\n',
  'latin1',
);
const text = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

describe('seeded damage', () => {
  it('gives the same bytes for the same seed, others for another', () => {
    for (const mutation of MUTATIONS) {
      expect(mutate(PDF, mutation, seeded(7))).toEqual(mutate(PDF, mutation, seeded(7)));
      expect(mutate(PDF, mutation, seeded(7))).not.toEqual(mutate(PDF, mutation, seeded(8)));
    }
  });

  it('keeps the signature, so the file is still taken for a PDF, and changes the rest', () => {
    for (const mutation of MUTATIONS) {
      const damaged = mutate(PDF, mutation, seeded(1));
      expect(text(damaged.subarray(0, 8))).toBe('%PDF-1.4');
      expect(damaged).not.toEqual(new Uint8Array(PDF));
    }
  });

  it('flips bits without changing the length, truncates shorter, inserts longer, shuffles the same bytes', () => {
    expect(flipBits(PDF, seeded(2))).toHaveLength(PDF.length);
    expect(truncate(PDF, seeded(2)).length).toBeLessThan(PDF.length);
    expect(insertBytes(PDF, seeded(2)).length).toBeGreaterThan(PDF.length);
    const shuffled = shuffleBody(PDF, seeded(2));
    expect([...shuffled].sort()).toEqual([...PDF].sort());
    // The trailer's kilobyte stays where readers look for it.
    expect(text(shuffled.subarray(-1024))).toBe(text(PDF.subarray(-1024)));
  });

  it('points startxref past the end of the file', () => {
    const damaged = text(xrefPastEnd(PDF, seeded(3)));
    const offset = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(damaged)![1]);
    expect(offset).toBeGreaterThan(damaged.length);
    expect(damaged.slice(0, damaged.lastIndexOf('startxref'))).toBe(text(PDF).slice(0, text(PDF).lastIndexOf('startxref')));
  });
});
