export interface IngestOptions {
  /** Resolution to render PDF pages at; default 150. */
  dpi?: number;
  /** Largest raster accepted or produced per page, in pixels; default 50 million (200 MB of RGBA). */
  maxPixels?: number;
  /** Longest a single page may take to decode or render; default 60 000 ms. */
  timeoutMs?: number;
  /** Password of an encrypted PDF. */
  password?: string;
}

export interface ResolvedOptions {
  dpi: number;
  maxPixels: number;
  timeoutMs: number;
  password?: string;
}

export const DEFAULT_DPI = 150;
export const DEFAULT_MAX_PIXELS = 50e6;
export const DEFAULT_TIMEOUT_MS = 60_000;

export function resolveOptions({
  dpi = DEFAULT_DPI,
  maxPixels = DEFAULT_MAX_PIXELS,
  timeoutMs = DEFAULT_TIMEOUT_MS,
  password,
}: IngestOptions = {}): ResolvedOptions {
  positive('dpi', dpi);
  positive('maxPixels', maxPixels);
  positive('timeoutMs', timeoutMs);
  return { dpi, maxPixels: Math.max(1, Math.floor(maxPixels)), timeoutMs, ...(password !== undefined && { password }) };
}

function positive(name: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`IngestOptions.${name} must be a positive number, got ${String(value)}`);
  }
}
