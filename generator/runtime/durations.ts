// Every duration the runtime hands to a timer passes through here: setTimeout treats anything above
// 2^31−1 ms as 1 ms, so an unchecked "30 days" would fire at once and a huge backoff would spin.

/** The longest delay setTimeout honours (about 24.8 days). */
export const MAX_TIMER_MS: number = 2 ** 31 - 1;

export interface DurationRule {
  /** Smallest accepted value; smaller ones are a RangeError. Default 0 (inclusive). */
  min?: number;
  /** Whether `min` itself is refused (e.g. a timeout of 0). */
  exclusiveMin?: boolean;
  /** `Infinity` allowed, meaning "no limit" (returned as Infinity); otherwise a RangeError. */
  infinity?: boolean;
}

/**
 * Checks a duration option and clamps it to what a timer can wait: NaN, non-numbers and values below the
 * minimum throw RangeError (naming the option, not echoing anything but the number); finite values above
 * MAX_TIMER_MS become MAX_TIMER_MS; Infinity stays Infinity where allowed.
 */
export function durationMs(name: string, value: unknown, rule: DurationRule = {}): number {
  const min = rule.min ?? 0;
  if (typeof value !== "number" || Number.isNaN(value)) {
    throw new RangeError(
      `${name} must be a number of milliseconds, got ${typeof value === "number" ? "NaN" : typeof value}`,
    );
  }
  if (value < min || (rule.exclusiveMin && value === min)) {
    throw new RangeError(`${name} must be ${rule.exclusiveMin ? "above" : "at least"} ${min} ms, got ${value}`);
  }
  if (value === Infinity) {
    if (rule.infinity) return Infinity;
    throw new RangeError(`${name} must be finite, got Infinity`);
  }
  return Math.min(value, MAX_TIMER_MS);
}

/** Like durationMs, but undefined passes through (an option left out). */
export function optionalDurationMs(name: string, value: unknown, rule?: DurationRule): number | undefined {
  return value === undefined ? undefined : durationMs(name, value, rule);
}

/** A delay safe to hand to setTimeout: finite, >= 0, <= MAX_TIMER_MS (NaN becomes 0). */
export function timerMs(ms: number): number {
  return ms > 0 ? Math.min(ms, MAX_TIMER_MS) : 0;
}
