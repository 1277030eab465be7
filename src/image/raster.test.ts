import { describe, expect, it } from 'vitest';
import { inNegative } from './raster.ts';

describe('inNegative', () => {
  it('turns the inks to their negative and leaves the paper as it is', () => {
    const gray = [255, 0, 70, 255];
    const empty = Uint8Array.from([1, 0, 0, 0]);
    // The paper stays white; the black and the blue's grey flip; white ink drawn on it goes black.
    expect(Array.from(inNegative(gray, empty))).toEqual([255, 255, 185, 0]);
  });
});
