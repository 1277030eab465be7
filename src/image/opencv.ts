// OpenCV (WebAssembly) is loaded once per process: its start-up costs ~200 ms, which would
// dominate a batch of small files if each file paid it.
import { createRequire } from 'node:module';

// opencv-wasm's bundled typings do not cover the constructors we use; a loose type keeps call
// sites readable without pretending to a precision the typings don't have.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CV = any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Mat = any;

let instance: CV | undefined;

export function getCv(): CV {
  if (!instance) {
    const require = createRequire(import.meta.url);
    const before = { rejection: process.listeners('unhandledRejection'), exception: process.listeners('uncaughtException') };
    instance = require('opencv-wasm').cv;
    // Emscripten's loader installs process-wide handlers: one that turns any unhandled rejection,
    // anywhere in the process, into « RuntimeError: abort(…) », and one that rethrows uncaught
    // exceptions. Whoever embeds logo-check (and ingest's own handling of pdf.js's stray
    // rejections) must keep Node's behaviour: they are taken away again.
    for (const listener of process.listeners('unhandledRejection')) if (!before.rejection.includes(listener)) process.off('unhandledRejection', listener);
    for (const listener of process.listeners('uncaughtException')) if (!before.exception.includes(listener)) process.off('uncaughtException', listener);
  }
  return instance;
}

/**
 * The Mats a function allocates, released together when it ends, even when it throws:
 * `const mats = new MatScope(); try { … mats.track(new cv.Mat()) … } finally { mats.release(); }`.
 * A scope object rather than a callback: V8 keeps no optimised code for a closure made afresh on
 * each call, so a callback holding a pixel loop was compiled again on every page (the anchors'
 * tracing alone 110 times on 40 files, a quarter of all compile time).
 */
export class MatScope {
  private readonly mats: Mat[] = [];

  track<M extends Mat>(mat: M): M {
    this.mats.push(mat);
    return mat;
  }

  release(): void {
    for (const mat of this.mats) if (!mat.isDeleted?.()) mat.delete();
    this.mats.length = 0;
  }
}
