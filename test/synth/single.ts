// One logo on a plain white page, for tests that prove one behaviour of the checker: the logo is
// drawn from a spec (approved unless changed), placed at a point, and may be cut by the page's
// right edge.
import sharp from 'sharp';
import { renderLogo, type LogoSpec } from './logo.ts';

/** An approved logo of the given width, with the changes a test makes to it. */
export function logoSpec(widthPx: number, change: Partial<LogoSpec> = {}): LogoSpec {
  return {
    violation: 'compliant',
    variant: 'offre-referencee',
    badgeText: 'offre référencée',
    widthPx,
    geometry: { rotationDeg: 0, scaleX: 1, scaleY: 1, skewXDeg: 0, mirror: false },
    ...change,
  };
}

export interface SinglePage {
  /** Page size, px (default 500 × 400). */
  size?: [number, number];
  /** Top-left corner of the logo's raster on the page (default 150, 150). */
  at?: [number, number];
  /** Share of the logo's width left on the page, set against its right edge (default: all of it, at `at`). */
  shownFraction?: number;
  /** Which side of the logo the page edge cuts off: its right (default), or its left, @ first. */
  cutSide?: 'right' | 'left';
}

/** Writes the page as a PNG file. */
export async function writeSingleLogoPage(spec: LogoSpec, file: string, page: SinglePage = {}): Promise<void> {
  const [width, height] = page.size ?? [500, 400];
  const drawn = await renderLogo(spec);
  let input = drawn.png;
  let [left, top] = page.at ?? [150, 150];
  if (page.shownFraction !== undefined) {
    const shown = Math.round(drawn.width * page.shownFraction);
    const fromLeft = page.cutSide === 'left';
    input = await sharp(drawn.png)
      .extract({ left: fromLeft ? drawn.width - shown : 0, top: 0, width: shown, height: drawn.height })
      .png()
      .toBuffer();
    left = fromLeft ? 0 : width - shown;
  }
  await sharp({ create: { width, height, channels: 4, background: '#ffffff' } })
    .composite([{ input, left, top }])
    .flatten({ background: '#ffffff' })
    .png()
    .toFile(file);
}
