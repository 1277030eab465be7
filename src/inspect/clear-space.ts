// The clear space: the band around the logo the charter keeps free of other content.
import type { Charter } from '../charter/schema.ts';
import { project } from '../image/homography.ts';
import type { ClearSpaceMeasurement, Page } from '../types.ts';

/** The band around the logo the charter keeps clear, and the colour of the ground there. */
export function measureClearSpace(charter: Charter, page: Page, pageFromArtwork: number[]): ClearSpaceMeasurement & { plain: boolean; ground: number[] } {
  const { width, height } = charter.artwork;
  const margin = charter.clearSpace.marginRatio * height;
  const samples: number[][] = [];
  const step = Math.max(2, margin / 8);
  for (let y = -margin; y <= height + margin; y += step) {
    for (let x = -margin; x <= width + margin; x += step) {
      if (x > 0 && x < width && y > 0 && y < height) continue;
      const [px, py] = project(pageFromArtwork, x, y);
      const ix = Math.round(px);
      const iy = Math.round(py);
      if (ix < 0 || iy < 0 || ix >= page.width || iy >= page.height) continue;
      const k = (iy * page.width + ix) * 4;
      samples.push([page.rgba[k], page.rgba[k + 1], page.rgba[k + 2]]);
    }
  }
  const marginPx = Math.round(margin * Math.hypot(pageFromArtwork[3], pageFromArtwork[4]) * 10) / 10;
  if (samples.length === 0) return { marginPx, occupiedFraction: 0, plain: true, ground: [255, 255, 255] };
  const median = [0, 1, 2].map((c) => samples.map((s) => s[c]).sort((a, b) => a - b)[samples.length >> 1]);
  // Another colour than the surrounding ground, by more than a printing tolerance, is content.
  const occupied = samples.filter((s) => Math.hypot(s[0] - median[0], s[1] - median[1], s[2] - median[2]) > 40).length;
  const occupiedFraction = Math.round((occupied / samples.length) * 1000) / 1000;
  return { marginPx, occupiedFraction, plain: occupiedFraction < 0.1, ground: median };
}
