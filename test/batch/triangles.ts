// A one-page PDF drawn with many small filled triangles: the shape of a vector-heavy page, whose
// drawing operators cost memory in pdf.js long before any pixel is rendered. The content stream
// is deflated, as real exports are: a million triangles make about 15 MB of file, not 36.
import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, PDFNumber } from 'pdf-lib';

export async function trianglesPdf(count: number, seed = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  let state = seed >>> 0;
  // A small LCG: the same seed draws the same page.
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  // Whole points and ten greys: formatting decimals would take most of the time of a million.
  const greys = Array.from({ length: 10 }, (_, i) => (i / 11).toFixed(2));
  const ops: string[] = [];
  for (let i = 0; i < count; i++) {
    const x = Math.floor(random() * 585);
    const y = Math.floor(random() * 832);
    const grey = greys[Math.floor(random() * greys.length)];
    ops.push(`${grey} g ${x} ${y} m ${x + 8} ${y} l ${x + 4} ${y + 7} l f`);
  }
  const bytes = deflateSync(new TextEncoder().encode(ops.join('\n')), { level: 1 });
  const dict = doc.context.obj({ Length: PDFNumber.of(bytes.length), Filter: PDFName.of('FlateDecode') });
  page.node.set(PDFName.of('Contents'), doc.context.register(PDFRawStream.of(dict, bytes)));
  return doc.save();
}
