// Files checked a few at a time, results kept in the order the files were given.

export interface Progress<R> {
  /** Called as each item finishes, in the order they finish. */
  onResult?(result: R, index: number): void | Promise<void>;
  /** Once aborted, no further item starts and the batch returns what finished. */
  signal?: AbortSignal;
}

export interface Outcome<R> {
  /** By input index; undefined for an item that did not finish. */
  results: Array<R | undefined>;
  complete: boolean;
}

/** Runs `work` on every item, at most `jobs` at a time. `work` must not reject. */
export function runInOrder<T, R>(items: readonly T[], jobs: number, work: (item: T, index: number) => Promise<R>, { onResult, signal }: Progress<R> = {}): Promise<Outcome<R>> {
  const results = new Array<R | undefined>(items.length);
  let next = 0;
  let running = 0;
  let finished = 0;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', settle);
      resolve({ results, complete: finished === items.length });
    };
    const launch = () => {
      if (settled) return;
      if (signal?.aborted || finished === items.length) return settle();
      while (running < jobs && next < items.length) {
        const index = next++;
        running++;
        work(items[index], index)
          .then(async (result) => {
            // What finishes after an interruption arrives too late for the report already written.
            if (settled) return;
            results[index] = result;
            finished++;
            await onResult?.(result, index);
          })
          .then(() => {
            running--;
            launch();
          }, reject);
      }
    };
    signal?.addEventListener('abort', settle);
    launch();
  });
}
