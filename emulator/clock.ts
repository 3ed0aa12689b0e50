// The emulator's notion of time. Operation state is computed from `now()`, so the only things that
// need timers are `wait` requests; `at()` schedules them on whichever clock is in use.

export interface Clock {
  readonly kind: "manual" | "real";
  /** Milliseconds since the Unix epoch. */
  now(): number;
  /** Moves a manual clock forward, firing due callbacks in time order. Throws on the real clock. */
  advance(ms: number): void;
  /** Runs `fn` once the clock reaches `timeMs`; returns a function that cancels it. */
  at(timeMs: number, fn: () => void): () => void;
  /** Drops every scheduled callback. */
  dispose(): void;
}

/** Tests start at a fixed instant so timestamps in responses are predictable. */
export const MANUAL_EPOCH_MS = Date.parse("2026-01-01T00:00:00Z");

interface Scheduled {
  timeMs: number;
  seq: number;
  fn: () => void;
}

export function manualClock(startMs: number = MANUAL_EPOCH_MS): Clock {
  let nowMs = startMs;
  let seq = 0;
  const scheduled = new Set<Scheduled>();

  function nextDue(limitMs: number): Scheduled | undefined {
    let best: Scheduled | undefined;
    for (const s of scheduled) {
      if (s.timeMs > limitMs) continue;
      if (!best || s.timeMs < best.timeMs || (s.timeMs === best.timeMs && s.seq < best.seq)) best = s;
    }
    return best;
  }

  return {
    kind: "manual",
    now: () => nowMs,
    advance(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`advance(ms) needs a finite ms >= 0, got ${ms}`);
      const target = nowMs + ms;
      // Step through due callbacks one by one so each sees the clock at its own instant
      // (a `wait` answered at an operation's end must already see it done, not later).
      for (let due = nextDue(target); due; due = nextDue(target)) {
        scheduled.delete(due);
        nowMs = Math.max(nowMs, due.timeMs);
        due.fn();
      }
      nowMs = target;
    },
    at(timeMs, fn) {
      const s: Scheduled = { timeMs, seq: seq++, fn };
      scheduled.add(s);
      return () => void scheduled.delete(s);
    },
    dispose: () => scheduled.clear(),
  };
}

/** setTimeout cannot take more than 2^31-1 ms; longer waits re-arm. */
const MAX_TIMEOUT_MS = 2_147_483_647;

export function realClock(): Clock {
  const timers = new Set<NodeJS.Timeout>();

  function arm(timeMs: number, fn: () => void, cell: { timer?: NodeJS.Timeout }): void {
    const delay = Math.min(Math.max(0, timeMs - Date.now()), MAX_TIMEOUT_MS);
    const timer = setTimeout(() => {
      timers.delete(timer);
      // Timers may fire a millisecond early; callers re-check, but re-arm long waits here.
      if (Date.now() < timeMs && delay === MAX_TIMEOUT_MS) arm(timeMs, fn, cell);
      else fn();
    }, delay);
    // A pending `wait` must not keep the process alive on its own.
    timer.unref();
    timers.add(timer);
    cell.timer = timer;
  }

  return {
    kind: "real",
    now: () => Date.now(),
    advance() {
      throw new Error("advance() needs the manual clock; this emulator uses the real clock");
    },
    at(timeMs, fn) {
      const cell: { timer?: NodeJS.Timeout } = {};
      arm(timeMs, fn, cell);
      return () => {
        if (cell.timer) {
          clearTimeout(cell.timer);
          timers.delete(cell.timer);
        }
      };
    },
    dispose() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
    },
  };
}
