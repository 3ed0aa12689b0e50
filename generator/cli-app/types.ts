// What the commands need of the client and of the process. The CLI ships in every package with an
// operations resource, whose Operation types differ (and may differ between versions): it sees each
// operation as google.longrunning's LroOperation and reads `metadata` through metadata.ts.
import type { LroOperation } from "ee-operations-client";

export type { CliClient } from "./cli-client.js";

/** The environment variables (process.env, or a test's). */
export type Env = Readonly<Record<string, string | undefined>>;

/** An operation as the CLI reads it. */
export type CliOperation = LroOperation;

/** Where a progress line goes: process.stderr, or a test double. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(chunk: string): unknown;
}

/** The process as the commands see it. */
export interface Io {
  /** Writes to stdout. */
  out(text: string): void;
  /** Resolves once stdout has room again (so a long listing into a slow pipe stays bounded). */
  drained(): Promise<void>;
  /** Writes to stderr. */
  err(text: string): void;
  /** Where progress goes (stderr); undefined for none. */
  progress: ProgressStream | undefined;
  /** Strings never to print (the access token). */
  secrets: readonly string[];
  /** Aborted (with an InterruptedError) when the user presses Ctrl-C. */
  interrupt: AbortSignal;
}
