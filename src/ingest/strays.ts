// pdf.js starts work it never awaits: parsing a damaged file, its worker (which in Node runs in
// this thread) prefetches page dictionaries into a cache and leaves the rejected promises there
// (« FormatError: Illegal character: 41 », « Bad (uncompressed) XRef entry »). Node treats such a
// rejection as fatal and ends the whole batch. These promises are out of our reach, so their
// rejections are caught where they surface, the process's `unhandledRejection`, and handed to
// the documents open at that moment, whose next call then fails with them.

/** What a document being read collects until it asks. */
export interface StrayRejections {
  /** The first rejection pdf.js left unawaited since the last call, once, after they have surfaced. */
  take(): Promise<unknown>;
  stop(): void;
}

const watching = new Set<unknown[]>();
let listening = false;

/** pdf.js's exceptions carry a stack from its own bundle (BaseException builds it at load time). */
function fromPdfjs(reason: unknown): boolean {
  return reason instanceof Error && /[\\/]pdfjs-dist[\\/]/.test(reason.stack ?? '');
}

function onUnhandledRejection(reason: unknown): void {
  if (fromPdfjs(reason)) {
    // Several documents open in one thread cannot be told apart: each is told. A checker reads
    // one file at a time per thread, where this is exact. With none open the rejection belongs
    // to a document already closed, whose result is already out.
    for (const rejections of watching) rejections.push(reason);
    return;
  }
  // Listening switches off Node's default, which is to end the process: keep it for everything
  // else unless someone else listens too.
  if (process.listenerCount('unhandledRejection') === 1) throw reason;
}

export function watchStrays(): StrayRejections {
  if (!listening) {
    process.on('unhandledRejection', onUnhandledRejection);
    listening = true;
  }
  const rejections: unknown[] = [];
  watching.add(rejections);
  return {
    async take() {
      // Node reports unhandled rejections once the microtask queue has drained; one turn of the
      // event loop lets those of the work just done arrive.
      await new Promise((resolve) => setImmediate(resolve));
      const first = rejections[0];
      rejections.length = 0;
      return first;
    },
    stop() {
      watching.delete(rejections);
    },
  };
}
