// `operations.wait`: answer as soon as the operation is done or the timeout passes on the emulator
// clock. The state itself is lazy, so the only thing to schedule is "look again at min(done, deadline)";
// cancels and deletes re-check immediately because they move or remove that instant.

import type { Clock } from "./clock.js";
import { parseDurationMs } from "./duration.js";
import { ApiError } from "./google-error.js";
import { parseJsonObject } from "./http-io.js";
import { doneAtMs, renderOperation, snapshot } from "./lifecycle.js";
import type { Store } from "./store.js";
import type { Version } from "./types.js";

/** The wait timeout in ms from a WaitOperationRequest body; undefined when absent. */
export function parseWaitTimeoutMs(body: string): number | undefined {
  const request = parseJsonObject(body);
  for (const key of Object.keys(request)) {
    if (key !== "timeout")
      throw new ApiError("INVALID_ARGUMENT", `Invalid JSON payload received. Unknown name "${key}".`);
  }
  if (request.timeout === undefined) return undefined;
  const ms = typeof request.timeout === "string" ? parseDurationMs(request.timeout) : undefined;
  if (ms === undefined) {
    throw new ApiError(
      "INVALID_ARGUMENT",
      `Invalid value at 'timeout' (type.googleapis.com/google.protobuf.Duration): ${JSON.stringify(request.timeout)}`,
    );
  }
  return ms;
}

export interface WaitContext {
  clock: Clock;
  store: Store;
  maxWaitMs: number;
}

export function notFound(name: string): ApiError {
  return new ApiError("NOT_FOUND", `Operation ${name} not found.`);
}

/**
 * Resolves with the rendered operation once it is done or the (capped) timeout has elapsed; rejects
 * with NOT_FOUND if it is deleted meanwhile; resolves undefined if `signal` aborts (client gone).
 */
export function waitForOperation(
  ctx: WaitContext,
  version: Version,
  name: string,
  timeoutMs: number | undefined,
  signal: AbortSignal,
): Promise<Record<string, unknown> | undefined> {
  const budget = Math.max(0, Math.min(timeoutMs ?? ctx.maxWaitMs, ctx.maxWaitMs));
  const deadline = ctx.clock.now() + budget;

  return new Promise((resolve, reject) => {
    let cancelTimer = (): void => {};
    let unsubscribe = (): void => {};
    const finish = (): void => {
      cancelTimer();
      unsubscribe();
      signal.removeEventListener("abort", onAbort);
    };
    const onAbort = (): void => {
      finish();
      resolve(undefined);
    };

    const check = (): void => {
      cancelTimer();
      const rec = ctx.store.get(name);
      const now = ctx.clock.now();
      if (!rec) {
        finish();
        reject(notFound(name));
      } else if (snapshot(rec, now).done || now >= deadline) {
        finish();
        resolve(renderOperation(rec, version, now));
      } else {
        // A real timer may fire a little early; check() then simply re-arms.
        cancelTimer = ctx.clock.at(Math.min(doneAtMs(rec), deadline), check);
      }
    };

    if (signal.aborted) return resolve(undefined);
    signal.addEventListener("abort", onAbort);
    unsubscribe = ctx.store.onChange(check);
    check();
  });
}
