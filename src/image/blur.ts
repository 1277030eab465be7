// Gaussian blur, separable, over one plane or the colour channels of an RGBA raster. Used to draw
// the approved artwork as soft as the capture shows it: a scan or a downscaled web image blurs
// every outline, and comparing it with crisp artwork would see differences along every stroke.

/** Normalised Gaussian weights over ±3σ; [1] for σ = 0. */
export function gaussianKernel(sigma: number): Float32Array {
  if (!(sigma > 0)) return Float32Array.of(1);
  const r = Math.ceil(3 * sigma);
  const k = new Float32Array(2 * r + 1);
  let sum = 0;
  for (let i = -r; i <= r; i++) sum += k[i + r] = Math.exp(-(i * i) / (2 * sigma * sigma));
  for (let i = 0; i < k.length; i++) k[i] /= sum;
  return k;
}

/** A plane blurred by a Gaussian of σ pixels; the border pixels are repeated beyond the edge. */
export function blurPlane(data: ArrayLike<number>, width: number, height: number, sigma: number): Float32Array {
  const k = gaussianKernel(sigma);
  const r = (k.length - 1) / 2;
  const rows = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = 0;
      for (let i = -r; i <= r; i++) v += k[i + r] * data[y * width + Math.min(width - 1, Math.max(0, x + i))];
      rows[y * width + x] = v;
    }
  }
  const out = new Float32Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let v = 0;
      for (let i = -r; i <= r; i++) v += k[i + r] * rows[Math.min(height - 1, Math.max(0, y + i)) * width + x];
      out[y * width + x] = v;
    }
  }
  return out;
}

/** R, G and B of an RGBA raster blurred by σ pixels; alpha kept. */
export function blurRgba(rgba: Uint8Array, width: number, height: number, sigma: number): Uint8Array {
  if (!(sigma > 0)) return new Uint8Array(rgba);
  const out = new Uint8Array(rgba);
  const plane = new Float32Array(width * height);
  for (let c = 0; c < 3; c++) {
    for (let i = 0; i < plane.length; i++) plane[i] = rgba[i * 4 + c];
    const blurred = blurPlane(plane, width, height, sigma);
    for (let i = 0; i < plane.length; i++) out[i * 4 + c] = Math.round(blurred[i]);
  }
  return out;
}
