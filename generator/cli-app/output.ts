// What every command shares: its context, JSON and error output, and the exit code of several results.
import type { Invocation } from "./args.js";
import { type ErrorReport, EXIT, errorLine, reportOf } from "./errors.js";
import { jsonText } from "./sanitize.js";
import type { CliClient, Io } from "./types.js";

export interface CommandContext {
  ee: CliClient;
  invocation: Invocation;
  /** The project bare task ids and `list`/`all` refer to. */
  project: string;
  /** The full operation names (targets expanded with the project), each operation once. */
  names: string[];
  io: Io;
}

/** `value` as JSON on stdout (secrets redacted, C1/bidi/zero-width characters escaped). */
export function printJson(ctx: CommandContext, value: unknown): void {
  ctx.io.out(`${jsonText(value, ctx.io.secrets)}\n`);
}

/** Prints `error: <STATUS>: <message>` on stderr and returns the report. */
export function fail(ctx: CommandContext, error: unknown, name?: string): ErrorReport {
  const report = reportOf(error);
  ctx.io.err(`${errorLine(report, ctx.io.secrets, name)}\n`);
  return report;
}

/** An error as the `error` member of a JSON result (redacted when printed by printJson). */
export const errorJson = (report: ErrorReport): { status: string; message: string } => ({
  status: report.status,
  message: report.message,
});

export const worst = (codes: readonly number[]): number => Math.max(EXIT.OK, ...codes);

export const parentOf = (ctx: CommandContext): string => `projects/${ctx.project}`;
