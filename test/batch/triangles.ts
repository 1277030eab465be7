// A one-page PDF drawn with many small filled triangles: the shape of a vector-heavy page, whose
// drawing operators cost memory in pdf.js long before any pixel is rendered.
import { PDFDocument, PDFName, PDFRawStream, PDFNumber } from 'pdf-lib';

export async function trianglesPdf(count: number, seed = 1): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  let state = seed >>> 0;
  // A small LCG: the same seed draws the same page.
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const ops: string[] = [];
  for (let i = 0; i < count; i++) {
    const x = random() * 585;
    const y = random() * 832;
    const grey = (random() * 0.9).toFixed(2);
    ops.push(`${grey} g ${x.toFixed(1)} ${y.toFixed(1)} m ${(x + 8).toFixed(1)} ${y.toFixed(1)} l ${(x + 4).toFixed(1)} ${(y + 7).toFixed(1)} l f`);
  }
  const bytes = new TextEncoder().encode(ops.join('\n'));
  const stream = PDFRawStream.of(doc.context.obj({ Length: PDFNumber.of(bytes.length) }), bytes);
  page.node.set(PDFName.of('Contents'), doc.context.register(stream));
  return doc.save();
}
