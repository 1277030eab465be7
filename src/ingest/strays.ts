// pdf.js starts work it never awaits: parsing a damaged file, its worker (which in Node runs in
// this thread) prefetches page dictionaries into a cache and leaves the rejected promises there
// (« FormatError: Illegal character: 41 », « Bad (uncompressed) XRef entry »). Node treats such a
// rejection as fatal, and so does OpenCV's WebAssembly glue, which listens for any unhandled
// rejection to abort: either ends the whole batch. These promises are out of our reach, so their
// rejections are taken where Node announces them, `process.emit('unhandledRejection')`, before
// any listener, and handed to the documents open at that moment, whose next call fails with them.
// Every other rejection goes on to the listeners, or to Node's default, as before.

/** What a document being read collects until it asks. */
export interface StrayRejections {
  /** The first rejection pdf.js left unawaited since the last call, once, after they have surfaced. */
  take(): Promise<unknown>;
  stop(): void;
}

const watching = new Set<unknown[]>();

/** What pdf.js rejects with when we stop it (a page past its deadline, a closed document): no damage. */
const STOPPED = new Set(['RenderingCancelledException', 'AbortException']);
let diverted = false;

/** pdf.js's exceptions carry a stack from its own bundle (BaseException builds it at load time). */
function fromPdfjs(reason: unknown): boolean {
  return reason instanceof Error && /[\\/]pdfjs-dist[\\/]/.test(reason.stack ?? '');
}

/**
 * A listener cannot keep the others from hearing a rejection, so the announcement itself is
 * filtered (signal-exit wraps `process.emit` the same way). Returning true tells Node the
 * rejection was handled.
 */
function divert(): void {
  const emit = process.emit;
  process.emit = function (this: NodeJS.Process, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'unhandledRejection' && fromPdfjs(args[0])) {
      // Several documents open in one thread cannot be told apart: each is told. A checker reads
      // one file at a time per thread, where this is exact. With none open the rejection belongs
      // to a document already closed, whose result is already out.
      if (!STOPPED.has((args[0] as Error).name)) for (const rejections of watching) rejections.push(args[0]);
      return true;
    }
    return (emit as (this: NodeJS.Process, event: string | symbol, ...args: unknown[]) => boolean).call(this, event, ...args);
  } as typeof process.emit;
  diverted = true;
}

export function watchStrays(): StrayRejections {
  if (!diverted) divert();
  const rejections: unknown[] = [];
  watching.add(rejections);
  return {
    async take() {
      // Node announces unhandled rejections once the microtask queue has drained; one turn of
      // the event loop lets those of the work just done arrive.
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
