// Small statistics for the benchmark: every figure is a median with min and max over its runs.

export interface Summary {
  median: number;
  min: number;
  max: number;
  runs: number;
  samples: number[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    median: median(samples),
    min: samples.length ? Math.min(...samples) : NaN,
    max: samples.length ? Math.max(...samples) : NaN,
    runs: samples.length,
    samples: [...samples],
  };
}

/**
 * The ratio a / b, run by run: a[i] / b[i] for each pair measured in the same round (rounds are
 * interleaved, so both sides saw the same machine state), summarized as median, min and max.
 */
export function pairedRatio(a: readonly number[], b: readonly number[]): Summary {
  const n = Math.min(a.length, b.length);
  return summarize(Array.from({ length: n }, (_, i) => a[i]! / b[i]!));
}

/** Applies `f` to every statistic of a summary (e.g. ms → ms per operation). */
export function scale(s: Summary, f: (x: number) => number): Summary {
  return summarize(s.samples.map(f));
}

/** Rounds for JSON output, keeping 4 significant digits. */
export function round(x: number): number {
  return Number.isFinite(x) ? Number(x.toPrecision(4)) : x;
}

export function roundSummary(s: Summary): Summary {
  return { median: round(s.median), min: round(s.min), max: round(s.max), runs: s.runs, samples: s.samples.map(round) };
}
