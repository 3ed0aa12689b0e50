// What Ctrl-C leaves behind: for each operation whose end is not known, one line on stderr with its
// last known state and what became of it, and the JSON result `{name, interrupted: true, operation?}`
// (documented in --help): without it a script could not tell "not known" from an outcome or an error.
import { stateAndProgress } from "./format.js";
import { terminalText } from "./sanitize.js";
import type { CliOperation, Io } from "./types.js";

/** `wait`: nothing was asked of the server but reads. */
export const LEFT_RUNNING = "it goes on running on the server (not cancelled)";
/** `cancel --wait` while waiting: the cancel was answered. */
export const CANCEL_REQUESTED = "its cancel was already requested";
/** `cancel` while the cancel request was in flight: it was sent, and the server may have acted on it. */
export const CANCEL_MAYBE_SENT = "its cancel may already have been requested";

export type InterruptedResult = { name: string; interrupted: true; operation?: CliOperation };

/** `NAME: RUNNING 40% when interrupted; <note>` on stderr for each name; their JSON results. */
export function reportInterrupted(
  io: Io,
  names: readonly string[],
  latest: ReadonlyMap<string, CliOperation>,
  note: string,
): InterruptedResult[] {
  return names.map((name) => {
    const op = latest.get(name);
    const state = op ? stateAndProgress(op) : "state unknown";
    io.err(`${terminalText(name, io.secrets)}: ${state} when interrupted; ${note}\n`);
    return op ? { name, interrupted: true, operation: op } : { name, interrupted: true };
  });
}
