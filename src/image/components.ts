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

/**
 * Regions whose boxes lie closer than `reach` times the taller of the two, merged into one (box
 * union, areas summed): the glyphs of one word, the parts of one drawing. Transitively, so a row of
 * glyphs becomes one region.
 */
export function groupNearby(regions: Region[], reach: number): Region[] {
  const parent = regions.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (let a = 0; a < regions.length; a++) {
    for (let b = a + 1; b < regions.length; b++) {
      const ra = regions[a];
      const rb = regions[b];
      const gapX = Math.max(0, Math.max(ra.x0, rb.x0) - Math.min(ra.x1, rb.x1) - 1);
      const gapY = Math.max(0, Math.max(ra.y0, rb.y0) - Math.min(ra.y1, rb.y1) - 1);
      const tallest = Math.max(ra.y1 - ra.y0 + 1, rb.y1 - rb.y0 + 1);
      if (Math.max(gapX, gapY) <= reach * tallest) parent[root(a)] = root(b);
    }
  }
  const groups = new Map<number, Region>();
  regions.forEach((r, i) => {
    const g = groups.get(root(i));
    if (!g) groups.set(root(i), { ...r });
    else Object.assign(g, { area: g.area + r.area, x0: Math.min(g.x0, r.x0), y0: Math.min(g.y0, r.y0), x1: Math.max(g.x1, r.x1), y1: Math.max(g.y1, r.y1) });
  });
  return [...groups.values()];
}
