// Single-channel images from RGBA pages: the grey detection works on and the luma inspection
// compares.

/** A single-channel image. */
export interface Gray {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Rec. 601 luma: what greyscale printing and most converters produce. */
export function rgbaToGray(rgba: Uint8Array, width: number, height: number): Gray {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < data.length; i += 4, j++) {
    data[j] = (rgba[i] * 299 + rgba[i + 1] * 587 + rgba[i + 2] * 114 + 500) / 1000;
  }
  return { width, height, data };
}

/** Rec. 601 luma of each RGBA pixel, unrounded. */
export function lumaOf(rgba: Uint8Array): Float32Array {
  const out = new Float32Array(rgba.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = 0.299 * rgba[i * 4] + 0.587 * rgba[i * 4 + 1] + 0.114 * rgba[i * 4 + 2];
  return out;
}

/**
 * A drawing with its inks in negative and its paper (where `empty` is set) as it is: how an
 * inverted logo looks on the page, whose paper stays light.
 */
export function inNegative(gray: ArrayLike<number>, empty: Uint8Array): Float32Array {
  return Float32Array.from(gray, (v, i) => (empty[i] ? v : 255 - v));
}
