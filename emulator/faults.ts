// Injected faults: a FIFO queue of misbehaviours that matching API requests consume, for testing
// clients' retry, timeout and error handling.

import { ApiError, googleErrorForHttp } from "./google-error.js";
import type { Reply } from "./http-io.js";
import { type Fault, METHOD_NAMES, type MethodName } from "./types.js";

export interface FaultQueue {
  add(fault: Fault): void;
  clear(): void;
  /** The first queued fault for `method`, counting one use of it. */
  take(method: MethodName): Fault | undefined;
}

export function createFaultQueue(): FaultQueue {
  const queue: { fault: Fault; left: number }[] = [];
  return {
    add(fault) {
      const valid = validateFault(fault);
      if (queue.length >= MAX_QUEUED_FAULTS)
        throw new ApiError(
          "RESOURCE_EXHAUSTED",
          `At most ${MAX_QUEUED_FAULTS} faults can be queued; clear them first.`,
        );
      queue.push({ fault: valid, left: valid.times ?? 1 });
    },
    clear: () => void queue.splice(0),
    take(method) {
      const i = queue.findIndex((entry) => entry.fault.method === undefined || entry.fault.method === method);
      const entry = queue[i];
      if (!entry) return undefined;
      if (--entry.left <= 0) queue.splice(i, 1);
      return entry.fault;
    },
  };
}

/** The longest delay a timer can take (2^31-1 ms), as the client clamps its durations. */
const MAX_DELAY_MS = 2_147_483_647;

/** Queued faults beyond this are refused: the queue is untrusted input kept in memory. */
export const MAX_QUEUED_FAULTS = 10_000;

const FAULT_KEYS = new Set(["method", "times", "status", "body", "headers", "delayMs", "reset", "hang"]);

/** Checks a fault (possibly untrusted JSON) and returns a copy; throws INVALID_ARGUMENT. */
export function validateFault(input: unknown): Fault {
  const bad = (message: string): ApiError => new ApiError("INVALID_ARGUMENT", `Invalid fault: ${message}`);
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw bad("expected an object");
  const f = input as Record<string, unknown>;
  for (const key of Object.keys(f)) if (!FAULT_KEYS.has(key)) throw bad(`unknown field "${key}"`);

  if (f.method !== undefined && !METHOD_NAMES.includes(f.method as MethodName))
    throw bad(`method must be one of ${METHOD_NAMES.join(", ")}`);
  if (f.times !== undefined && !(Number.isInteger(f.times) && (f.times as number) > 0))
    throw bad("times must be a positive integer");
  if (
    f.status !== undefined &&
    !(Number.isInteger(f.status) && (f.status as number) >= 200 && (f.status as number) <= 599)
  ) {
    throw bad("status must be an integer HTTP status from 200 to 599");
  }
  if (f.body !== undefined && typeof f.body !== "string") throw bad("body must be a string");
  if (f.headers !== undefined) {
    const headers = f.headers;
    if (
      typeof headers !== "object" ||
      headers === null ||
      Array.isArray(headers) ||
      Object.values(headers).some((v) => typeof v !== "string")
    ) {
      throw bad("headers must map names to strings");
    }
  }
  if (f.delayMs !== undefined) {
    if (!(typeof f.delayMs === "number" && Number.isFinite(f.delayMs) && f.delayMs >= 0))
      throw bad("delayMs must be a finite number >= 0");
    // Node's timers cannot wait longer and would fire at once instead; "never answer" is `hang`.
    if (f.delayMs > MAX_DELAY_MS)
      throw bad(`delayMs must be at most ${MAX_DELAY_MS} (2^31-1 ms); use "hang": true to never answer`);
  }
  if (f.reset !== undefined && f.reset !== "before-headers" && f.reset !== "mid-body")
    throw bad('reset must be "before-headers" or "mid-body"');
  if (f.hang !== undefined && typeof f.hang !== "boolean") throw bad("hang must be a boolean");
  const copy = { ...f } as Fault;
  if (copy.headers) copy.headers = { ...copy.headers };
  return copy;
}

/** The reply a fault with a `status` stands in for: its raw body, or Google's error for the status. */
export function faultReply(fault: Fault & { status: number }): Reply {
  const raw = fault.body ?? JSON.stringify(googleErrorForHttp(fault.status, `Injected fault: HTTP ${fault.status}.`));
  return { status: fault.status, raw };
}
