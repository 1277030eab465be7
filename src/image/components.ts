// Connected regions of a binary mask.

export interface Region {
  area: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * 4-connected regions of a binary mask, with their boxes; `count` (default: the mask itself) says
 * which pixels make up a region's area.
 */
export function components(mask: Uint8Array, width: number, height: number, count: Uint8Array = mask): Region[] {
  const seen = new Uint8Array(mask.length);
  const out: Region[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    const r: Region = { area: 0, x0: width, y0: height, x1: 0, y1: 0 };
    stack.push(start);
    seen[start] = 1;
    while (stack.length) {
      const i = stack.pop()!;
      const x = i % width;
      const y = (i - x) / width;
      if (count[i]) r.area++;
      r.x0 = Math.min(r.x0, x);
      r.x1 = Math.max(r.x1, x);
      r.y0 = Math.min(r.y0, y);
      r.y1 = Math.max(r.y1, y);
      for (const j of [x > 0 ? i - 1 : -1, x < width - 1 ? i + 1 : -1, y > 0 ? i - width : -1, y < height - 1 ? i + width : -1]) {
        if (j >= 0 && mask[j] && !seen[j]) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    out.push(r);
  }
  return out;
}
