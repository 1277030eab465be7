// pdfjs-dist ships its worker and its standalone image decoders without type declarations; these
// are the parts src/ingest uses.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}

declare module 'pdfjs-dist/legacy/image_decoders/pdf.image_decoders.mjs' {
  export function setVerbosityLevel(level: number): void;
  export class JpxImage {
    static setOptions(options: {
      handler?: { sendWithPromise(action: string, data: { kind: string; filename: string }): Promise<Uint8Array> };
      useWasm: boolean;
      useWorkerFetch: boolean;
      wasmUrl: string;
    }): void;
    static parseImageProperties(bytes: Uint8Array): {
      width: number;
      height: number;
      bitsPerComponent: number;
      componentsCount: number;
    };
    static decode(bytes: Uint8Array, options?: { numComponents?: number; reducePower?: number }): Promise<Uint8ClampedArray>;
  }
}
