// What the commands need of the client and of the process, as structural types: every version's
// generated client fits CliClient (checked where main.ts creates it).
import type { LroOperation, OperationHelpers, OperationsMethods } from "../operation-helpers.js";
import type { CallOptions } from "../transport.js";

/** The fields of an Earth Engine operation the CLI prints. */
export interface CliOperation extends LroOperation {
  metadata?: {
    state?: string;
    type?: string;
    description?: string;
    priority?: number;
    createTime?: string;
    updateTime?: string;
    startTime?: string;
    endTime?: string;
    progress?: number;
    attempt?: number;
    scriptUri?: string;
    destinationUris?: string[];
    batchEecuUsageSeconds?: number;
  };
}

export interface CliClient extends OperationHelpers<CliOperation> {
  readonly projects: {
    readonly operations: OperationsMethods<CliOperation> & {
      delete(request: { name: string }, options?: CallOptions): Promise<unknown>;
    };
  };
}

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
  /** Writes to stderr. */
  err(text: string): void;
  /** Where progress goes (stderr); undefined for none. */
  progress: ProgressStream | undefined;
  /** Strings never to print (the access token). */
  secrets: readonly string[];
}
