// What a pool worker does: it creates its checker once, when it starts (OpenCV, the reference
// model, OCR), then checks one file per task.
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { createChecker } from '../check.ts';
import { getCv } from '../image/opencv.ts';
import type { CheckOptions, FileResult } from '../types.ts';

export type WorkerTask = { kind: 'ready' } | { kind: 'file'; id: number; path: string };

/**
 * Posted when a file starts, so its time limit does not count the worker's own start-up, and so
 * the pool knows which thread holds it.
 */
export interface FileStarted {
  started: number;
  thread: number;
}

const checker = createChecker((workerData as { options: CheckOptions }).options);
// A checker that cannot start is reported through the first task, not as an unhandled rejection.
checker.catch(() => undefined);
// OpenCV's WebAssembly starts synchronously on this thread (~150 ms) at the first page's
// detection. createChecker has by now handed sharp the artwork to render on its own threads and
// waits for it: OpenCV starts in that wait instead. Should it fail, detection fails the same way
// on the first file, and that file reports it.
try {
  getCv();
} catch {
  // Reported by the first file, as above.
}

export async function checkInWorker(task: WorkerTask): Promise<FileResult | null> {
  const ready = await checker;
  if (task.kind === 'ready') return null;
  parentPort?.postMessage({ started: task.id, thread: threadId } satisfies FileStarted);
  return ready.checkFile(task.path);
}
