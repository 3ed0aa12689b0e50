import { describe, expect, it } from "vitest";
import { durationMs, MAX_TIMER_MS, optionalDurationMs, timerMs } from "../../generator/runtime/durations.js";

describe("durationMs", () => {
  it.each([
    { given: [1000, {}], want: 1000 },
    { given: [0, {}], want: 0 },
    { given: [2 ** 31, {}], want: MAX_TIMER_MS },
    { given: [30 * 24 * 3600 * 1000, {}], want: MAX_TIMER_MS },
    { given: [1e300, {}], want: MAX_TIMER_MS },
    { given: [Infinity, { infinity: true }], want: Infinity },
    { given: [1, { min: 1 }], want: 1 },
    { given: [0.5, { exclusiveMin: true }], want: 0.5 },
  ] as const)("given $given, want $want", ({ given: [value, rule], want }) => {
    expect(durationMs("x", value, rule)).toBe(want);
  });

  it.each([
    { given: [Number.NaN, {}], want: "x must be a number of milliseconds, got NaN" },
    { given: ["1000", {}], want: "x must be a number of milliseconds, got string" },
    { given: [null, {}], want: "x must be a number of milliseconds, got object" },
    { given: [-1, {}], want: "x must be at least 0 ms, got -1" },
    { given: [0, { exclusiveMin: true }], want: "x must be above 0 ms, got 0" },
    { given: [0.5, { min: 1 }], want: "x must be at least 1 ms, got 0.5" },
    { given: [Infinity, {}], want: "x must be finite, got Infinity" },
    { given: [-Infinity, { infinity: true }], want: "x must be at least 0 ms, got -Infinity" },
  ] as const)("given $given, throws RangeError $want", ({ given: [value, rule], want }) => {
    expect(() => durationMs("x", value, rule)).toThrow(new RangeError(want));
  });

  it("optionalDurationMs passes undefined through", () => {
    expect(optionalDurationMs("x", undefined)).toBeUndefined();
    expect(optionalDurationMs("x", 2 ** 40)).toBe(MAX_TIMER_MS);
  });
});

describe("timerMs", () => {
  it.each([
    { given: 5, want: 5 },
    { given: -5, want: 0 },
    { given: Number.NaN, want: 0 },
    { given: Infinity, want: MAX_TIMER_MS },
    { given: 3e9, want: MAX_TIMER_MS },
  ])("given $given, want $want", ({ given, want }) => {
    expect(timerMs(given)).toBe(want);
  });
});
