import { describe, expect, it } from "vitest";
import { MAX_TIMER_MS } from "../../generator/runtime/durations.js";
import { ApiError, NetworkError, TimeoutError } from "../../generator/runtime/errors.js";
import {
  DEFAULT_RETRY,
  type RetryOptions,
  type RetryPolicy,
  retryDelay,
  retryPolicy,
} from "../../generator/runtime/retry.js";

const policy: RetryPolicy = { retries: 3, minDelayMs: 100, maxDelayMs: 1000 };
const api = (httpStatus: number, code: number, retryAfterMs?: number) =>
  new ApiError({ httpStatus, code, message: "m", retryAfterMs });
const network = new NetworkError("reset");

describe("retryDelay", () => {
  it.each([
    { name: "503, attempt 0, random 0.5", given: [policy, 0, api(503, 14), 0.5], want: 50 },
    { name: "503, attempt 2, random 0.5", given: [policy, 2, api(503, 14), 0.5], want: 200 },
    { name: "backoff capped by maxDelayMs", given: [policy, 2, network, 0.999], want: 399 },
    { name: "ceiling reached", given: [{ ...policy, retries: 10 }, 8, network, 0.5], want: 500 },
    { name: "429", given: [policy, 0, api(429, 8), 1], want: 100 },
    { name: "502", given: [policy, 0, api(502, 13), 1], want: 100 },
    { name: "504", given: [policy, 0, api(504, 4), 1], want: 100 },
    { name: "UNAVAILABLE on a 500", given: [policy, 0, api(500, 14), 1], want: 100 },
    { name: "Retry-After honoured", given: [policy, 0, api(503, 14, 300), 0], want: 300 },
    { name: "Retry-After capped", given: [policy, 0, api(503, 14, 1e15), 0], want: 1000 },
    { name: "no retries left", given: [policy, 3, network, 0.5], want: undefined },
    { name: "retry: false", given: [false, 0, network, 0.5], want: undefined },
    { name: "500 INTERNAL", given: [policy, 0, api(500, 13), 0.5], want: undefined },
    { name: "501", given: [policy, 0, api(501, 12), 0.5], want: undefined },
    { name: "404", given: [policy, 0, api(404, 5), 0.5], want: undefined },
    { name: "a TimeoutError", given: [policy, 0, new TimeoutError("t", 1), 0.5], want: undefined },
    { name: "a plain Error", given: [policy, 0, new Error("x"), 0.5], want: undefined },
  ] as const)("$name → $want", ({ given: [p, attempt, error, r], want }) => {
    expect(retryDelay(p, attempt, error, () => r)).toBe(want);
  });

  it("Retry-After: 1e12 s with maxDelayMs 3e9 waits what a timer can, never 0", () => {
    const p = retryPolicy({ maxDelayMs: 3e9 }, DEFAULT_RETRY) as RetryPolicy;
    expect(retryDelay(p, 0, api(503, 14, 1e15), () => 0)).toBe(MAX_TIMER_MS);
  });
});

describe("retryPolicy", () => {
  it.each([
    { given: undefined, want: DEFAULT_RETRY },
    { given: false, want: false },
    { given: { retries: 0 }, want: { ...DEFAULT_RETRY, retries: 0 } },
    { given: { retries: 100 }, want: { ...DEFAULT_RETRY, retries: 100 } },
    { given: { maxDelayMs: 3e9 }, want: { ...DEFAULT_RETRY, maxDelayMs: MAX_TIMER_MS } },
    { given: { maxDelayMs: Infinity }, want: { ...DEFAULT_RETRY, maxDelayMs: MAX_TIMER_MS } },
    { given: { minDelayMs: 0, maxDelayMs: 0 }, want: { ...DEFAULT_RETRY, minDelayMs: 0, maxDelayMs: 0 } },
  ] as const)("given $given, want $want", ({ given, want }) => {
    expect(retryPolicy(given, DEFAULT_RETRY)).toEqual(want);
  });

  it.each([
    { given: { retries: -1 }, want: "retry.retries must be an integer from 0 to 100, got -1" },
    { given: { retries: 1.5 }, want: "retry.retries must be an integer from 0 to 100, got 1.5" },
    { given: { retries: Infinity }, want: "retry.retries must be an integer from 0 to 100, got Infinity" },
    { given: { retries: 101 }, want: "retry.retries must be an integer from 0 to 100, got 101" },
    { given: { retries: "3" }, want: "retry.retries must be an integer from 0 to 100, got string" },
    { given: { minDelayMs: Number.NaN }, want: "retry.minDelayMs must be a number of milliseconds, got NaN" },
    { given: { minDelayMs: Infinity }, want: "retry.minDelayMs must be finite, got Infinity" },
    { given: { maxDelayMs: -1 }, want: "retry.maxDelayMs must be at least 0 ms, got -1" },
    { given: { minDelayMs: 10, maxDelayMs: 5 }, want: "retry.minDelayMs (10) is above retry.maxDelayMs (5)" },
  ])("given $given, throws $want", ({ given, want }) => {
    expect(() => retryPolicy(given as RetryOptions, DEFAULT_RETRY)).toThrow(want);
  });
});
