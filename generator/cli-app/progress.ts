// A visible progress while waiting: on a terminal one live line, rewritten with `\r` and erased at the
// end; elsewhere plain lines, one per change of state or per 10 % of progress of an operation.
import { percent, shortId, stateAndProgress, stateOf, truncate } from "./format.js";
import { metadataView } from "./metadata.js";
import { terminalText } from "./sanitize.js";
import type { CliOperation, ProgressStream } from "./types.js";

export interface Progress {
  /** Shows the latest known state of every operation waited for (called once per poll). */
  show(latest: ReadonlyMap<string, CliOperation>): void;
  /** Erases the live line (terminal), so that what follows prints on a clean line. */
  clear(): void;
}

export const NO_PROGRESS: Progress = { show() {}, clear() {} };

/** Up to this many operations are shown one by one on the live line; more are counted by state. */
const NAMED = 3;

export function createProgress(stream: ProgressStream | undefined, now: () => number = Date.now): Progress {
  if (!stream) return NO_PROGRESS;
  return stream.isTTY ? liveLine(stream, now) : plainLines(stream);
}

function liveLine(stream: ProgressStream, now: () => number): Progress {
  const started = now();
  let shown = false;
  return {
    show(latest) {
      const seconds = Math.floor((now() - started) / 1000);
      const line = `waiting ${seconds}s: ${summary(latest)}`;
      // A pty may report 0 columns: unknown, so assume 80.
      const width = Math.max(20, (stream.columns || 80) - 1);
      stream.write(`\r${truncate(line, width)}\x1b[K`);
      shown = true;
    },
    clear() {
      if (shown) stream.write("\r\x1b[K");
      shown = false;
    },
  };
}

function summary(latest: ReadonlyMap<string, CliOperation>): string {
  if (latest.size <= NAMED) {
    return [...latest].map(([name, op]) => `${shortId(name)} ${stateAndProgress(op)}`).join(" · ");
  }
  const counts = new Map<string, number>();
  let done = 0;
  for (const op of latest.values()) {
    if (op.done === true) done++;
    const state = stateOf(op);
    counts.set(state, (counts.get(state) ?? 0) + 1);
  }
  const byState = [...counts].map(([state, n]) => `${state} ${n}`).join(" · ");
  return `${done} of ${latest.size} done · ${byState}`;
}

function plainLines(stream: ProgressStream): Progress {
  const printed = new Map<string, { state: string; step: number }>();
  return {
    show(latest) {
      for (const [name, op] of latest) {
        const state = stateOf(op);
        const progress = metadataView(op.metadata).progress;
        const step = typeof progress === "number" && Number.isFinite(progress) ? Math.floor(progress * 10) : -1;
        const before = printed.get(name);
        if (before && before.state === state && before.step === step) continue;
        printed.set(name, { state, step });
        stream.write(`${terminalText(name)}: ${state} ${percent(progress)}\n`);
      }
    },
    clear() {},
  };
}
