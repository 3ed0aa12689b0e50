// Waiting with a visible progress: a live line rewritten with `\r` on a terminal, plain lines (one
// per change of state or per 10 % of progress) otherwise.
import { sleep } from "../abort.js";
import { oneLine } from "./errors.js";
import { percent, shortId, stateOf } from "./format.js";
import type { CliClient, CliOperation, ProgressStream } from "./types.js";

export interface Progress {
  /** Shows the latest state of `name`. */
  update(name: string, op: CliOperation): void;
  /** Erases the live line (terminal), so that results print on a clean line. */
  clear(): void;
}

const NO_PROGRESS: Progress = { update() {}, clear() {} };

export function createProgress(stream: ProgressStream | undefined, now: () => number = Date.now): Progress {
  if (!stream) return NO_PROGRESS;
  const started = now();
  const latest = new Map<string, { state: string; progress: number | undefined }>();
  if (stream.isTTY) {
    let shown = false;
    return {
      update(name, op) {
        latest.set(name, { state: stateOf(op), progress: op.metadata?.progress });
        const parts = [...latest].map(([n, s]) => `${shortId(n)} ${s.state} ${percent(s.progress)}`);
        const seconds = Math.floor((now() - started) / 1000);
        const line = `waiting ${seconds}s: ${parts.join(" · ")}`;
        // A pty may report 0 columns: unknown, so assume 80.
        const width = Math.max(20, (stream.columns || 80) - 1);
        stream.write(`\r${line.length > width ? `${line.slice(0, width - 1)}…` : line}\x1b[K`);
        shown = true;
      },
      clear() {
        if (shown) stream.write("\r\x1b[K");
        shown = false;
      },
    };
  }
  return {
    update(name, op) {
      const state = stateOf(op);
      const progress = op.metadata?.progress;
      const before = latest.get(name);
      const step = (p: number | undefined) => (p === undefined ? -1 : Math.floor(p * 10));
      if (before && before.state === state && step(before.progress) === step(progress)) return;
      latest.set(name, { state, progress });
      stream.write(`${oneLine(name)}: ${state} ${percent(progress)}\n`);
    },
    clear() {},
  };
}

export interface WatchOptions {
  timeoutMs: number | undefined;
  progress: Progress;
  /** How often to fetch the state for display; default 1000 ms. */
  refreshMs?: number;
}

/**
 * Resolves with the operation once done (ee.waitForOperation, so `wait` long-polls, with `get` polling
 * where `wait` is unimplemented). While it waits, `get` refreshes the progress display; those reads
 * are for show only and their failures are ignored.
 */
export async function watchOperation(ee: CliClient, name: string, options: WatchOptions): Promise<CliOperation> {
  const { progress, refreshMs = 1000 } = options;
  const stop = new AbortController();
  const display =
    progress === NO_PROGRESS
      ? Promise.resolve()
      : (async () => {
          while (!stop.signal.aborted) {
            try {
              const op = await ee.projects.operations.get({ name }, { signal: stop.signal, retry: false });
              if (!stop.signal.aborted) progress.update(name, op);
              await sleep(refreshMs, stop.signal);
            } catch {
              if (!stop.signal.aborted) await sleep(refreshMs, stop.signal).catch(() => {});
            }
          }
        })();
  try {
    const op = await ee.waitForOperation(name, { timeoutMs: options.timeoutMs });
    stop.abort();
    progress.update(name, op);
    return op;
  } finally {
    stop.abort();
    await display;
  }
}
