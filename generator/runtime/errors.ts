import { decoder, readUpTo } from "./body.js";

/** Canonical `google.rpc.Code` names, indexed by their number. */
export const CANONICAL_CODES = [
  "OK",
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED",
] as const;

export type CanonicalCode = (typeof CANONICAL_CODES)[number];

// Google's HTTP → canonical mapping for responses without a `status` (as google-gax does).
const CODE_OF_HTTP_STATUS: Record<number, number> = {
  400: 3,
  401: 16,
  403: 7,
  404: 5,
  409: 10,
  416: 11,
  429: 8,
  499: 1,
  501: 12,
  503: 14,
  504: 4,
};

/** The canonical code number for an HTTP status that came without a Google error body. */
export function codeOfHttpStatus(httpStatus: number): number {
  const code = CODE_OF_HTTP_STATUS[httpStatus];
  if (code !== undefined) return code;
  if (httpStatus >= 200 && httpStatus < 300) return 0;
  if (httpStatus >= 400 && httpStatus < 500) return 9;
  if (httpStatus >= 500 && httpStatus < 600) return 13;
  return 2;
}

/** A non-2xx answer from the API, carrying Google's `google.rpc.Status`. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  /** The HTTP status of the response, e.g. 501. */
  declare readonly httpStatus: number;
  /** The canonical `google.rpc.Code` number, e.g. 12. */
  declare readonly code: number;
  /** The canonical code name, e.g. `UNIMPLEMENTED`. */
  declare readonly status: CanonicalCode;
  /** `google.rpc.Status.details`: objects with an `@type`. */
  declare readonly details: readonly unknown[];
  /** The start of a body that was not Google's JSON error, for diagnosis. */
  declare readonly bodySnippet: string | undefined;
  /** The server's `Retry-After`, in milliseconds. */
  declare readonly retryAfterMs: number | undefined;

  constructor(init: {
    httpStatus: number;
    code: number;
    message: string;
    details?: readonly unknown[];
    bodySnippet?: string;
    retryAfterMs?: number;
  }) {
    super(init.message);
    this.httpStatus = init.httpStatus;
    this.code = init.code;
    this.status = CANONICAL_CODES[init.code] ?? "UNKNOWN";
    this.details = init.details ?? [];
    this.bodySnippet = init.bodySnippet;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** No usable answer: the connection failed, was reset, or broke while the body was read. */
export class NetworkError extends Error {
  override readonly name = "NetworkError";
  /** The HTTP status, when headers arrived before the failure. */
  declare readonly httpStatus: number | undefined;
  /** True only when the request certainly never reached the server (e.g. the connection was refused). */
  declare readonly notSent: boolean;
  constructor(message: string, options: { cause?: unknown; httpStatus?: number; notSent?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.httpStatus = options.httpStatus;
    this.notSent = options.notSent ?? false;
  }
}

/** A resource name that does not fit the method's template; raised before any network I/O. */
export class InvalidNameError extends TypeError {
  override readonly name = "InvalidNameError";
  /** The request field, e.g. `name`. */
  declare readonly field: string;
  /** The pattern the field must match, e.g. `projects/*\/operations/**`. */
  declare readonly pattern: string;
  /** The method's HTTP template, e.g. `/v1/{name=projects/*\/operations/**}:cancel`. */
  declare readonly template: string;
  /** What was passed. */
  declare readonly value: unknown;

  constructor(init: { field: string; pattern: string; template: string; value: unknown; reason: string }) {
    super(
      `Invalid ${init.field} ${describe(init.value)}: expected ${init.pattern} ` +
        `(from ${init.template}); ${init.reason}`,
    );
    this.field = init.field;
    this.pattern = init.pattern;
    this.template = init.template;
    this.value = init.value;
  }
}

/** A call or a wait that did not finish within its `timeoutMs`. */
export class TimeoutError extends Error {
  override readonly name = "TimeoutError";
  declare readonly timeoutMs: number;
  constructor(message: string, timeoutMs: number) {
    super(message);
    this.timeoutMs = timeoutMs;
  }
}

/** The server broke the protocol (e.g. repeated a page token, or sent a malformed field); retrying will not help. */
export class ProtocolError extends Error {
  override readonly name: string = "ProtocolError";
  /** The JSON field at fault, e.g. `done` or `nextPageToken`, when one is. */
  declare readonly field: string | undefined;
  constructor(message: string, options: { field?: string } = {}) {
    super(message);
    this.field = options.field;
  }
}

/** A response body longer than the client's `maxResponseBytes`; the rest was not read (the connection is closed). */
export class ResponseTooLargeError extends ProtocolError {
  override readonly name = "ResponseTooLargeError";
  /** The HTTP status of the response. */
  declare readonly httpStatus: number;
  /** The limit that was passed, in bytes. */
  declare readonly maxBytes: number;
  constructor(httpStatus: number, maxBytes: number, context?: string) {
    super(
      `${context ? `${context}: ` : ""}the ${httpStatus} response body is larger than maxResponseBytes (${maxBytes} bytes)`,
    );
    this.httpStatus = httpStatus;
    this.maxBytes = maxBytes;
  }
}

/** Every error the client's calls and helpers reject with (besides a caller's own abort reason). */
export type ClientError = ApiError | NetworkError | TimeoutError | ProtocolError | InvalidNameError;

/** Whether `error` is one of the client's own errors (a per-item answer in bulk calls), not a bug or an abort. */
export const isClientError = (error: unknown): error is ClientError =>
  error instanceof ApiError ||
  error instanceof NetworkError ||
  error instanceof TimeoutError ||
  error instanceof ProtocolError ||
  error instanceof InvalidNameError;

/** The kind of a JSON value for error messages: `null`, `an array`, or its typeof (never the value itself). */
export function kindOf(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}

/** A short, printable rendering of any value for error messages. */
export function describe(value: unknown): string {
  if (typeof value !== "string") return value === null ? "null" : typeof value;
  const shown = JSON.stringify(value);
  return shown.length > 120 ? `${shown.slice(0, 117)}…"` : shown;
}

const MAX_ERROR_BODY = 64 * 1024;
const SNIPPET = 200;

/** Turns a non-2xx response into an ApiError, reading at most 64 KiB of its body (the signal stops the read). */
export async function apiErrorFromResponse(response: Response, signal?: AbortSignal): Promise<ApiError> {
  const text = decoder.decode((await readUpTo(response, MAX_ERROR_BODY, signal, false)).bytes);
  const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
  const status = googleStatus(text);
  if (status) return new ApiError({ httpStatus: response.status, retryAfterMs, ...status });
  const snippet = text.slice(0, SNIPPET).replace(/\s+/g, " ").trim();
  const reason = snippet ? `: ${snippet}` : " with an empty body";
  return new ApiError({
    httpStatus: response.status,
    code: codeOfHttpStatus(response.status),
    message: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}${reason}`,
    bodySnippet: snippet,
    retryAfterMs,
  });
}

function googleStatus(text: string): { code: number; message: string; details: unknown[] } | undefined {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error !== "object" || error === null) return undefined;
  const { status, message, details, code } = error as Record<string, unknown>;
  if (typeof message !== "string") return undefined;
  const named = CANONICAL_CODES.indexOf(status as CanonicalCode);
  return {
    code: named >= 0 ? named : codeOfHttpStatus(typeof code === "number" ? code : 0),
    message,
    details: Array.isArray(details) ? details : [],
  };
}

/** `Retry-After` as milliseconds: delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP-date names its month ("Wed, 21 Oct 2015 07:28:00 GMT"); Date.parse would also take "1.5" or "-3".
  if (!/[A-Za-z]{3}/.test(trimmed)) return undefined;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
