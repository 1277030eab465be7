// What protects the machine when the page is served to other people: how many analyses run at
// once (and how many may wait), and how many uploads one client may send per minute.

export interface Limits {
  /** Largest upload, in bytes. */
  maxUploadBytes: number;
  /** Most pages analysed in one document. */
  maxPages: number;
  /** Longest one analysis may take before the partner is told, in milliseconds. */
  timeoutMs: number;
  /** Analyses running at the same time; the machine has few cores and each page is heavy. */
  concurrent: number;
  /** Analyses waiting for a turn before new ones are turned away. */
  queued: number;
  /** Uploads one client address may send per minute. */
  perMinute: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxUploadBytes: 50 * 1024 * 1024,
  maxPages: 40,
  timeoutMs: 180_000,
  concurrent: 1,
  queued: 8,
  perMinute: 30,
};

/** A counting semaphore with a bounded queue: `acquire` resolves to a release, or null when full. */
export function slots(concurrent: number, queued: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else running--;
  };
  return {
    acquire(): Promise<(() => void) | null> {
      if (running < concurrent) {
        running++;
        return Promise.resolve(release);
      }
      if (waiting.length >= queued) return Promise.resolve(null);
      return new Promise((resolve) => waiting.push(() => resolve(release)));
    },
    get running() {
      return running;
    },
    get waiting() {
      return waiting.length;
    },
  };
}

/** Requests per client in a sliding minute; `now` is injectable so tests need no clock. */
export function rateLimiter(perMinute: number, now: () => number = Date.now) {
  const seen = new Map<string, number[]>();
  return (client: string): boolean => {
    const t = now();
    const recent = (seen.get(client) ?? []).filter((at) => t - at < 60_000);
    if (recent.length >= perMinute) {
      seen.set(client, recent);
      return false;
    }
    recent.push(t);
    seen.set(client, recent);
    // Forget clients that went quiet, so the map does not grow with every address ever seen.
    if (seen.size > 10_000) for (const [key, times] of seen) if (times.every((at) => t - at >= 60_000)) seen.delete(key);
    return true;
  };
}
