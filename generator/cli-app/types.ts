// What the commands need of the client and of the process. The operation types come from the
// package's generated types (the spec's Operation and OperationMetadata schemas), through the
// client's own signatures, so a new state in the spec reaches the CLI's checks at compile time.
import type { EarthEngineClients } from "ee-operations-client";

/** Every version's client has these methods and helpers; v1's types stand for all of them. */
export type CliClient = EarthEngineClients["v1"];

/** The spec's `Operation`, as `get` returns it. */
export type CliOperation = Awaited<ReturnType<CliClient["projects"]["operations"]["get"]>>;

/** The spec's `OperationMetadata`. */
export type OperationMetadata = NonNullable<CliOperation["metadata"]>;

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
