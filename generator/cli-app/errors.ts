// Exit codes and the one-line rendering of every error the CLI can meet.
import { ApiError, InvalidNameError, NetworkError, ProtocolError, TimeoutError } from "../errors.js";

/** The CLI's exit codes (documented in --help). */
export const EXIT: { readonly OK: 0; readonly ERROR: 1; readonly USAGE: 2; readonly FAILED: 3; readonly CANCELLED: 4 } =
  {
    OK: 0,
    ERROR: 1,
    USAGE: 2,
    FAILED: 3,
    CANCELLED: 4,
  };

/** A bad command line: exit 2 with the usage. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** No access token could be had: exit 1, UNAUTHENTICATED. */
export class AuthError extends Error {
  override readonly name = "AuthError";
}

/** How an error is reported: `error: <status>: <message>` and the exit code. */
export interface ErrorReport {
  status: string;
  message: string;
  exit: number;
}

export function reportOf(error: unknown): ErrorReport {
  if (error instanceof ApiError) return { status: error.status, message: error.message, exit: EXIT.ERROR };
  if (error instanceof UsageError) return { status: "INVALID_ARGUMENT", message: error.message, exit: EXIT.USAGE };
  if (error instanceof InvalidNameError)
    return { status: "INVALID_ARGUMENT", message: error.message, exit: EXIT.USAGE };
  if (error instanceof AuthError) return { status: "UNAUTHENTICATED", message: error.message, exit: EXIT.ERROR };
  if (error instanceof TimeoutError) return { status: "DEADLINE_EXCEEDED", message: error.message, exit: EXIT.ERROR };
  if (error instanceof NetworkError) return { status: "UNAVAILABLE", message: error.message, exit: EXIT.ERROR };
  if (error instanceof ProtocolError) return { status: "INTERNAL", message: error.message, exit: EXIT.ERROR };
  if (error instanceof Error) return { status: "UNKNOWN", message: error.message || error.name, exit: EXIT.ERROR };
  return { status: "UNKNOWN", message: String(error), exit: EXIT.ERROR };
}

/**
 * `error: <STATUS>: <message>` on one line: control characters flattened, every secret (the access
 * token) replaced, and the operation's name added when the message does not mention it.
 */
export function errorLine(report: ErrorReport, secrets: readonly string[], name?: string): string {
  let message = report.message;
  if (name !== undefined && !message.includes(name)) message = `${name}: ${message}`;
  return `error: ${report.status}: ${redact(oneLine(message), secrets)}`;
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret) out = out.split(secret).join("[redacted]");
  return out;
}

/** Text from the server or the user, safe to print on a terminal: no control characters, one line. */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim();
}
