// The emulator's public, in-process API. index.ts re-exports all of it.

export type Version = "v1" | "v1beta" | "v1alpha";
export const VERSIONS: readonly Version[] = ["v1", "v1beta", "v1alpha"];

export type MethodName = "cancel" | "get" | "list" | "delete" | "wait";
export const METHOD_NAMES: readonly MethodName[] = ["cancel", "get", "list", "delete", "wait"];

export type OperationState = "PENDING" | "RUNNING" | "CANCELLING" | "SUCCEEDED" | "CANCELLED" | "FAILED";
export type SeedState = "PENDING" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED";

export interface SeedOperation {
  /** Default 'earthengine-legacy'. One path segment a client accepts (no '/', see emulator/README.md). */
  project?: string;
  /** Default: a random 24-char [A-Z0-9] Earth Engine task id. May contain '/' between valid segments. */
  id?: string;
  /** Default 'EXPORT_IMAGE'. */
  type?: string;
  /** Default ''. */
  description?: string;
  /** Default 0 (60 000 when `state: 'PENDING'` is asked for explicitly, so it is observable). */
  pendingMs?: number;
  /** Default 60 000. Infinity (in-process only): runs until cancelled. */
  runMs?: number;
  /** Default 100. */
  cancelMs?: number;
  /** Default 'SUCCEEDED'. */
  outcome?: "SUCCEEDED" | "FAILED";
  /** Start directly in this state (default PENDING, or RUNNING if pendingMs is 0). */
  state?: SeedState;
  /** Default: a Code Editor script URI for EXPORT_* types, none otherwise. */
  scriptUri?: string;
  /** Reported once SUCCEEDED. Default by type: Drive, Cloud Storage or the ingested asset. */
  destinationUris?: string[];
  /** Adds a WARNING notification with this detail once the operation runs. */
  warning?: string;
}

export interface Fault {
  /** Default: any API method. */
  method?: MethodName;
  /** How many requests it applies to; default 1. */
  times?: number;
  /** Answer this HTTP status... */
  status?: number;
  /** ...with this raw body (default: Google JSON error for the status). */
  body?: string;
  /** Extra response headers, e.g. { 'retry-after': '1' }. */
  headers?: Record<string, string>;
  /** Real-time delay before headers (then answer normally, or with `status`). */
  delayMs?: number;
  /** Destroy the socket before any byte / after headers and part of the body. */
  reset?: "before-headers" | "mid-body";
  /** Never answer (until close()). */
  hang?: boolean;
}

/** A request as recorded: credentials (Authorization, cookies, `access_token`) redacted. */
export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The body, cut at 64 KiB. */
  body: string;
  /** Set when `body` was cut. */
  bodyTruncated?: true;
}

export interface ResponseInfo {
  /** The API version of the path ('' for admin and unrecognised paths). */
  version: string;
  method: MethodName | "admin" | "batch" | "unknown";
  status: number;
  /** The parsed JSON body (the raw string if a fault's body is not JSON). */
  body: unknown;
}

export interface EmulatorOptions {
  /** Default 0 (a free port). */
  port?: number;
  /** Default 'manual'. */
  clock?: "manual" | "real";
  /** Longest `wait`, in emulator-clock ms. Default 10 000. */
  maxWaitMs?: number;
  /** Called for every response the emulator completes (API and admin). */
  onResponse?: (info: ResponseInfo) => void;
  /** Record API requests in `requests`; default true (load runs turn it off). */
  recordRequests?: boolean;
  /** How many recorded requests are kept (the newest); default 1000. */
  maxRecordedRequests?: number;
  /**
   * Require `Authorization: Bearer <token>` on API requests (401 UNAUTHENTICATED otherwise), like
   * Google. Default true: any non-empty token; `{ token }` accepts only that one; false: none needed.
   */
  auth?: boolean | { token: string };
}

export interface Emulator {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** Returns the operation's full name. */
  seed(op?: SeedOperation): { name: string };
  /** Manual clock only (throws on the real clock). */
  advance(ms: number): void;
  now(): Date;
  /** These answer 501 UNIMPLEMENTED from now on; [] resets. */
  unimplement(methods: MethodName[]): void;
  /** Queue a fault (FIFO), consumed by matching requests. */
  fault(fault: Fault): void;
  clearFaults(): void;
  /** The newest API requests received (not admin or CORS preflight), oldest first; a copy. */
  readonly requests: RecordedRequest[];
  /** How many API requests were recorded in all, including those the log has dropped. */
  requestCount(): number;
  /** Empties the request log. */
  clearRequests(): void;
  /** Open client connections now, and the most seen at once. */
  connections(): { open: number; peak: number };
  /** Closes the server and all sockets (including hanging ones) and clears timers. */
  close(): Promise<void>;
}
