// Outline strength of a grey image.

/**
 * Gradient magnitude (central differences, |dx| + |dy|), box-blurred over 3×3 so that outlines a
 * pixel off still overlap; NaN where any input is off the page.
 */
export function edgeMap(gray: ArrayLike<number>, width: number, height: number): Float32Array {
  const grad = new Float32Array(width * height).fill(NaN);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      grad[i] = Math.abs(gray[i + 1] - gray[i - 1]) + Math.abs(gray[i + width] - gray[i - width]);
    }
  }
  const out = new Float32Array(width * height).fill(NaN);
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      let sum = 0;
      let count = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const v = grad[(y + dy) * width + x + dx];
          if (!Number.isNaN(v)) (sum += v), count++;
        }
      }
      if (count === 9) out[y * width + x] = sum / 9;
    }
  }
  return out;
}
