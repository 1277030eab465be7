// The inks of each element: the median colour of its pixels lying clear of edges, per palette entry
// the element is drawn in, and its CIEDE2000 difference from that entry.
import { ELEMENT_IDS, type ElementId } from '../charter/schema.ts';
import { deltaE2000, medianColour, rgbToHex, rgbToLab } from '../image/colour.ts';
import type { ElementMeasurement } from '../types.ts';
import type { InspectionModel } from './model.ts';

/** Colours are sampled this many page pixels away from any edge (anti-aliasing, JPEG chroma). */
const COLOUR_MARGIN_PX = 2;
/** Fewest edge-free pixels a colour is judged on. */
const MIN_COLOUR_SAMPLES = 30;
/** A chroma (C*ab) under this is neutral ink: grey, black or white. */
const NEUTRAL_CHROMA = 12;
/**
 * What any capture shifts a median ink by, one σ in ΔE2000 (JPEG chroma subsampling, a viewer's
 * or printer's profile), and how much more per grey level of noise: noisy captures come with
 * scanner casts and paper tints (±5 levels per channel is 2–4 ΔE on the blue).
 */
const CAPTURE_DELTA_E = 1.5;
const DELTA_E_PER_NOISE_LEVEL = 0.5;

/** One σ of a median ink's ΔE2000 on a capture with this much noise (grey levels). */
export function colourUncertainty(noise: number): number {
  return Math.round(Math.hypot(CAPTURE_DELTA_E, DELTA_E_PER_NOISE_LEVEL * noise) * 10) / 10;
}

/** How deep inside an ink area (reference pixels) a pixel must lie to be sampled, at this scale. */
export function minSampleDepth(refPerPagePx: number): number {
  return Math.max(1.5, COLOUR_MARGIN_PX * refPerPagePx);
}

/**
 * Sets each present element's colours (other than `skip`'s) from the registered pixels at least
 * `minDepth` inside an area of that ink (`depths`, see ReferenceModel.colourDepth), on the page and
 * outside `avoid`.
 */
export function measureColours(
  model: InspectionModel,
  elements: Record<ElementId, ElementMeasurement>,
  registered: Uint8Array,
  onPage: Uint8Array,
  avoid: Uint8Array,
  depths: Record<ElementId, Record<string, Float32Array>>,
  minDepth: number,
  skip: ElementId | null,
  noise: number,
): void {
  const { ref, charter, palette } = model;
  const n = ref.width * ref.height;
  for (const id of ELEMENT_IDS) {
    elements[id].colours = [];
    if (!elements[id].present || id === skip) continue;
    for (const name of charter.elements[id].colours) {
      const depth = depths[id][name];
      const sample = new Uint8Array(n);
      for (let i = 0; i < n; i++) if (depth[i] >= minDepth && onPage[i] && !avoid[i]) sample[i] = 1;
      const { rgb, samples } = medianColour(registered, sample);
      // Too few pixels lie clear of edges (thin strokes on a small logo): no reliable colour.
      if (samples < MIN_COLOUR_SAMPLES) continue;
      const lab = rgbToLab(rgb);
      elements[id].colours.push({
        expected: name,
        measured: roundLab(lab),
        measuredHex: rgbToHex(rgb),
        deltaE: Math.round(deltaE2000(lab, palette[name].lab) * 10) / 10,
        tolerance: palette[name].tolerance,
        samples,
        uncertainty: colourUncertainty(noise),
      });
    }
  }
}

/** Whether the measured inks are one hue (in several tints) or neutral: a one-ink logo. */
export function isMonochrome(elements: Record<ElementId, ElementMeasurement>): boolean {
  const colours = Object.values(elements).flatMap((e) => e.colours);
  if (!colours.length) return false;
  const hues = colours.filter((c) => Math.hypot(c.measured.a, c.measured.b) >= NEUTRAL_CHROMA).map((c) => Math.atan2(c.measured.b, c.measured.a));
  if (hues.length <= 1) return true;
  // One ink in several tints: every hue within 20° of the first.
  return hues.every((h) => Math.abs(Math.atan2(Math.sin(h - hues[0]), Math.cos(h - hues[0]))) < (20 * Math.PI) / 180);
}

const roundLab = ({ L, a, b }: { L: number; a: number; b: number }) => ({ L: Math.round(L * 10) / 10, a: Math.round(a * 10) / 10, b: Math.round(b * 10) / 10 });
