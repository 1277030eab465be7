// OpenCV for this stage. The shared loader is moving (src/detect → src/image) while this module
// is written; the lead swaps this file for it when wiring rectify in. One instance per process
// either way: Node caches the required module, so both loaders return the same object.
import { createRequire } from 'node:module';

// opencv-wasm's typings do not cover what is used here; a loose type keeps call sites readable.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type CV = any;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Mat = any;

let instance: CV | undefined;

export function getCv(): CV {
  if (!instance) instance = createRequire(import.meta.url)('opencv-wasm').cv;
  return instance;
}

/** Runs fn with the Mats it allocates released afterwards, even when it throws: the WebAssembly heap never shrinks. */
export function withMats<T>(fn: (track: <M extends Mat>(mat: M) => M) => T): T {
  const mats: Mat[] = [];
  try {
    return fn((mat) => {
      mats.push(mat);
      return mat;
    });
  } finally {
    for (const mat of mats) if (!mat.isDeleted?.()) mat.delete();
  }
}
