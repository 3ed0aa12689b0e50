import { Worker } from "node:worker_threads";
import type { VersionModel } from "../model/api-model.js";
import { docSafeDocument } from "./escape.js";
import { header } from "./header.js";

// Asked for early by the CLI, and again when the file is emitted.
const requested = new WeakMap<VersionModel, Promise<string>>();

/** `src/<version>/types.d.ts`: the `paths` and `components` types from openapi-typescript. */
export function typesFile(version: VersionModel): Promise<string> {
  let text = requested.get(version);
  if (!text) {
    text = typesThread()
      .convert(docSafeDocument(version.document))
      .then((types) => header(version.specFile) + types);
    requested.set(version, text);
  }
  return text;
}

/**
 * Starts loading openapi-typescript on its own thread, so that its start-up overlaps the main
 * thread's (ts-morph); bench figure 1 (cold generate) shows the gain. typesFile starts it too when nobody has.
 */
export function startTypesThread(): void {
  typesThread();
}

interface TypesThread {
  convert(document: object): Promise<string>;
}

let thread: TypesThread | undefined;

// One thread for the life of the process (watch mode reuses it); it keeps the process alive only while
// a conversion is pending.
function typesThread(): TypesThread {
  if (thread) return thread;
  const worker = new Worker(new URL("./types-worker.cjs", import.meta.url));
  worker.unref();
  const pending = new Map<number, { resolve: (text: string) => void; reject: (error: Error) => void }>();
  let next = 0;
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    thread = undefined; // the next call starts a new thread
  };
  worker.on("message", ({ id, text, error }: { id: number; text?: string; error?: string }) => {
    const p = pending.get(id)!;
    pending.delete(id);
    if (pending.size === 0) worker.unref();
    if (error !== undefined) p.reject(new Error(`openapi-typescript: ${error}`));
    else p.resolve(text!);
  });
  worker.on("error", failAll);
  worker.on("exit", (code) => failAll(new Error(`openapi-typescript's thread exited (${code})`)));
  thread = {
    convert: (document) =>
      new Promise((resolve, reject) => {
        const id = next++;
        pending.set(id, { resolve, reject });
        worker.ref();
        worker.postMessage({ id, document });
      }),
  };
  return thread;
}
