import { durationMs, MAX_TIMER_MS } from "./durations.js";
import { ApiError, NetworkError } from "./errors.js";

/** How a call retries transient failures. */
export interface RetryOptions {
  /** Retries after the first attempt; default 3, at most 100. */
  retries?: number;
  /** Backoff base; default 200 ms. */
  minDelayMs?: number;
  /** Ceiling for any one delay, `Retry-After` included; default 20 000 ms. */
  maxDelayMs?: number;
}

export type RetryPolicy = Required<RetryOptions>;

/** The most retries one call may make. */
export const MAX_RETRIES = 100;

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, minDelayMs: 200, maxDelayMs: 20_000 };

/** Checks and completes retry options; `false` turns retries off. */
export function retryPolicy(
  options: RetryOptions | false | undefined,
  fallback: RetryPolicy | false,
): RetryPolicy | false {
  if (options === undefined) return fallback;
  if (options === false) return false;
  if (typeof options !== "object" || options === null) throw new TypeError("retry must be an object or false");
  const policy = { ...DEFAULT_RETRY, ...options };
  const { retries } = policy;
  // Bounded so that no policy (minDelayMs 0, Retry-After: 0) can turn one call into a request flood.
  if (!Number.isInteger(retries) || retries < 0 || retries > MAX_RETRIES) {
    throw new RangeError(
      `retry.retries must be an integer from 0 to ${MAX_RETRIES}, got ${typeof retries === "number" ? retries : typeof retries}`,
    );
  }
  policy.minDelayMs = durationMs("retry.minDelayMs", policy.minDelayMs);
  // Infinity: no ceiling of our own, i.e. the longest a timer can wait.
  policy.maxDelayMs = Math.min(durationMs("retry.maxDelayMs", policy.maxDelayMs, { infinity: true }), MAX_TIMER_MS);
  if (policy.minDelayMs > policy.maxDelayMs)
    throw new RangeError(`retry.minDelayMs (${policy.minDelayMs}) is above retry.maxDelayMs (${policy.maxDelayMs})`);
  return policy;
}

// Whether a method is safe to send again is data from the spec (`x-google-idempotent`, else its HTTP
// method); spec/*.yaml says why cancel and wait are. A method that is not is retried only when the
// failed attempt certainly never reached the server.
const RETRYABLE_HTTP = new Set([429, 502, 503, 504]);
const UNAVAILABLE = 14;

/**
 * The delay before retry number `attempt + 1`, or undefined when `error` must not be retried. A call
 * that is not `idempotent` is retried only after a NetworkError whose request was never sent.
 */
export function retryDelay(
  policy: RetryPolicy | false,
  attempt: number,
  error: unknown,
  random: () => number = Math.random,
  idempotent = true,
): number | undefined {
  if (!policy || attempt >= policy.retries) return undefined;
  if (!idempotent && !(error instanceof NetworkError && error.notSent)) return undefined;
  const transient =
    error instanceof NetworkError ||
    (error instanceof ApiError && (RETRYABLE_HTTP.has(error.httpStatus) || error.code === UNAVAILABLE));
  if (!transient) return undefined;
  // Both are at most maxDelayMs, which retryPolicy keeps within what a timer can wait.
  if (error instanceof ApiError && error.retryAfterMs !== undefined)
    return Math.min(error.retryAfterMs, policy.maxDelayMs);
  // Full jitter: uniform in [0, min(max, base · 2^attempt)].
  return Math.floor(random() * Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** attempt));
}
