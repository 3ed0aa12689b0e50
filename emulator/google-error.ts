// Google's JSON error body and the google.rpc.Code ↔ HTTP status mapping, as the API reference the
// spec is traced to documents them (spec/shared/components.yaml names its sources).

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

const HTTP_OF_CODE: Record<CanonicalCode, number> = {
  OK: 200,
  CANCELLED: 499,
  UNKNOWN: 500,
  INVALID_ARGUMENT: 400,
  DEADLINE_EXCEEDED: 504,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  PERMISSION_DENIED: 403,
  RESOURCE_EXHAUSTED: 429,
  FAILED_PRECONDITION: 400,
  ABORTED: 409,
  OUT_OF_RANGE: 400,
  UNIMPLEMENTED: 501,
  INTERNAL: 500,
  UNAVAILABLE: 503,
  DATA_LOSS: 500,
  UNAUTHENTICATED: 401,
};

// Where several codes share a status, the most generic one names it (400 → INVALID_ARGUMENT,
// 409 → ABORTED, 500 → INTERNAL), as Google's HTTP-to-gRPC mapping does.
const CODE_OF_HTTP: Record<number, CanonicalCode> = {
  200: "OK",
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ABORTED",
  429: "RESOURCE_EXHAUSTED",
  499: "CANCELLED",
  500: "INTERNAL",
  501: "UNIMPLEMENTED",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

export function canonicalCodeOfHttp(status: number): CanonicalCode {
  return CODE_OF_HTTP[status] ?? "UNKNOWN";
}

export function httpStatusOf(code: CanonicalCode): number {
  return HTTP_OF_CODE[code];
}

/** The google.rpc.Code number, as used in `Operation.error.code`. */
export function rpcCodeNumber(code: CanonicalCode): number {
  return CANONICAL_CODES.indexOf(code);
}

export interface GoogleErrorBody {
  error: { code: number; message: string; status: CanonicalCode; details?: Record<string, unknown>[] };
}

/** `{ error: { code: <HTTP status>, message, status } }` for a canonical code. */
export function googleError(code: CanonicalCode, message: string): GoogleErrorBody {
  return { error: { code: httpStatusOf(code), message, status: code } };
}

/** The same shape for an arbitrary HTTP status (used by injected faults). */
export function googleErrorForHttp(status: number, message: string): GoogleErrorBody {
  return { error: { code: status, message, status: canonicalCodeOfHttp(status) } };
}

/** Thrown by request parsing; the server turns it into a Google JSON error. */
export class ApiError extends Error {
  constructor(
    readonly code: CanonicalCode,
    message: string,
    /** google.rpc error details, e.g. a BadRequest naming the offending field. */
    readonly details?: Record<string, unknown>[],
  ) {
    super(message);
    this.name = "ApiError";
  }

  get httpStatus(): number {
    return httpStatusOf(this.code);
  }

  toBody(): GoogleErrorBody {
    const body = googleError(this.code, this.message);
    if (this.details) body.error.details = this.details;
    return body;
  }
}

/** INVALID_ARGUMENT with Google's google.rpc.BadRequest detail naming the request field at fault. */
export function invalidField(field: string, description: string): ApiError {
  return new ApiError("INVALID_ARGUMENT", description, [
    { "@type": "type.googleapis.com/google.rpc.BadRequest", fieldViolations: [{ field, description }] },
  ]);
}
