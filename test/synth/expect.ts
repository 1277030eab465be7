// What a correct checker must report about one logo as the stored file shows it. A class says
// what was done to the artwork; whether the logo is too small or cut by the page edge depends on
// how the file stores the page (downscaled for the web, photographed, cut), so those two rules
// are derived here, the same way for every capture condition, from what the checker measures.
import { jacobian, type Mat3 } from './affine.ts';
import { CHARTER } from './logo.ts';
import { violationClass, type ViolationId } from './violations.ts';

const MM_PER_INCH = 25.4;

// libvips reports 72 dpi for a file that records no resolution, and src/ingest/image.ts reads
// 72 as "not stated" for that reason; only another stated value is taken as the file's own.
const PLACEHOLDER_DPI = 72;

/** The resolution sizes are judged at: the one the file states, else the charter's assumed one. */
export const judgedDpi = (stated: number | undefined): number =>
  stated && stated !== PLACEHOLDER_DPI ? stated : CHARTER.minSize.assumedDpi;

/**
 * The logo's width in millimetres as the checker measures it: the scale along the artwork's own
 * x axis (src/inspect/geometry.ts decomposes page-from-artwork the same way, QR with that column
 * first) times the artwork width, at `dpi`, taken at the artwork centre (where a perspective map
 * is averaged out). A photographed page is judged at its printed size (see groundTruth).
 */
export function judgedWidthMm(fileFromArtwork: Mat3, dpi: number): number {
  const { width: W, height: H } = CHARTER.artwork;
  const [a, , c] = jacobian(fileFromArtwork, [W / 2, H / 2]);
  return ((Math.hypot(a, c) * W) / dpi) * MM_PER_INCH;
}

/** Rules judged on the stored file rather than drawn into the artwork. */
const DERIVED = new Set(['min-size', 'cropped', 'validity']);

/**
 * The class's own rules, plus `min-size` when the judged width is under the charter's minimum and
 * `cropped` when less of the artwork shows than the charter's minimum visible share. (`validity`
 * is reported on the file, not on the logo.)
 */
export function expectedRules(violation: ViolationId, seen: { widthMm: number; visibleFraction: number }): string[] {
  const rules = violationClass(violation).expectedRules.filter((r) => !DERIVED.has(r));
  if (seen.widthMm < CHARTER.minSize.widthMm) rules.push('min-size');
  if (seen.visibleFraction < CHARTER.crop.minVisibleFraction) rules.push('cropped');
  return rules.sort();
}
