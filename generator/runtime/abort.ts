import { timerMs } from "./durations.js";
import { TimeoutError } from "./errors.js";

/** Resolves after `ms` (clamped to what a timer can wait), or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, timerMs(ms));
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Settles like `work()`, or rejects with the signal's reason as soon as it aborts: for waits the signal
 * cannot reach by itself (a token provider, a user callback). A synchronous throw becomes a rejection.
 */
export async function untilAborted<T>(work: () => T | PromiseLike<T>, signal: AbortSignal | undefined): Promise<T> {
  signal?.throwIfAborted();
  const result = work();
  // A plain value (a cached token): nothing to wait for, so no listener on the signal (bench figure 4).
  if (!signal || typeof (result as { then?: unknown } | null)?.then !== "function") return result;
  let onAbort: (() => void) | undefined;
  try {
    return await new Promise<T>((resolve, reject) => {
      onAbort = () => reject(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
      (result as PromiseLike<T>).then(resolve, reject);
    });
  } finally {
    signal.removeEventListener("abort", onAbort!);
  }
}

/**
 * A signal that aborts with the caller's reason, or with a TimeoutError after `timeoutMs`; `done()`
 * releases the timer. AbortSignal.any adds no listener to the caller's signal, so one signal can be
 * shared by any number of concurrent calls. `timeoutMs` undefined or Infinity: no limit.
 */
export function deadline(
  signal: AbortSignal | undefined,
  timeoutMs: number | undefined,
  describe: () => string,
): { signal: AbortSignal | undefined; done: () => void } {
  if (timeoutMs === undefined || timeoutMs === Infinity) return { signal, done: () => {} };
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new TimeoutError(describe(), timeoutMs)), timerMs(timeoutMs));
  return {
    signal: signal ? AbortSignal.any([signal, controller.signal]) : controller.signal,
    done: () => clearTimeout(timer),
  };
}
