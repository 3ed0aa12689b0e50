// Exit codes and the one-line rendering of every error the CLI can meet.
import { ApiError, InvalidNameError, NetworkError, ProtocolError, TimeoutError } from "ee-operations-client";
import { terminalText } from "./sanitize.js";

/** The CLI's exit codes (documented in --help and the README). */
export const EXIT = {
  OK: 0,
  ERROR: 1,
  USAGE: 2,
  FAILED: 3,
  CANCELLED: 4,
  /** Ctrl-C (SIGINT), as a shell reports a process it interrupted: 128 + 2. */
  INTERRUPTED: 130,
} as const;

/** A bad command line: exit 2, `usage: <message>`. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** The command whose synopsis to show, when known. */
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

/** No access token could be had: exit 1, UNAUTHENTICATED. */
export class AuthError extends Error {
  override readonly name = "AuthError";
}

/** `--timeout` ran out while waiting: exit 1, DEADLINE_EXCEEDED. */
export class WaitTimeoutError extends Error {
  override readonly name = "WaitTimeoutError";
}

/** The user pressed Ctrl-C: exit 130. Used as the abort reason of every call. */
export class InterruptedError extends Error {
  override readonly name = "InterruptedError";
  constructor() {
    super("interrupted");
  }
}

/** How an error is reported: `error: <status>: <message>` and the exit code. */
export interface ErrorReport {
  status: string;
  message: string;
  exit: number;
}

export function reportOf(error: unknown): ErrorReport {
  if (error instanceof ApiError) return { status: error.status, message: error.message, exit: EXIT.ERROR };
  if (error instanceof UsageError || error instanceof InvalidNameError)
    return { status: "usage", message: error.message, exit: EXIT.USAGE };
  // No canonical status: CANCELLED would read as "the operation was cancelled".
  if (error instanceof InterruptedError)
    return { status: "INTERRUPTED", message: error.message, exit: EXIT.INTERRUPTED };
  if (error instanceof AuthError) return { status: "UNAUTHENTICATED", message: error.message, exit: EXIT.ERROR };
  if (error instanceof TimeoutError || error instanceof WaitTimeoutError)
    return { status: "DEADLINE_EXCEEDED", message: error.message, exit: EXIT.ERROR };
  if (error instanceof NetworkError) return { status: "UNAVAILABLE", message: error.message, exit: EXIT.ERROR };
  if (error instanceof ProtocolError) return { status: "INTERNAL", message: error.message, exit: EXIT.ERROR };
  if (error instanceof Error) return { status: "UNKNOWN", message: error.message || error.name, exit: EXIT.ERROR };
  return { status: "UNKNOWN", message: String(error), exit: EXIT.ERROR };
}

/**
 * `error: <STATUS>: <message>` on one line (`usage: <message>` for a usage error, `interrupted` alone
 * after Ctrl-C): server text made safe for a terminal, every secret (the access token) replaced, and
 * the operation's name added when the message does not mention it.
 */
export function errorLine(report: ErrorReport, secrets: readonly string[], name?: string): string {
  let message = report.message;
  if (name !== undefined && !message.includes(name)) message = `${name}: ${message}`;
  const text = terminalText(message, secrets);
  if (report.exit === EXIT.INTERRUPTED) return text;
  return report.exit === EXIT.USAGE ? `usage: ${text}` : `error: ${report.status}: ${text}`;
}
