/** Canonical `google.rpc.Code` names, indexed by their number. */
export declare const CANONICAL_CODES: readonly ["OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED"];
export type CanonicalCode = (typeof CANONICAL_CODES)[number];
/** The canonical code number for an HTTP status that came without a Google error body. */
export declare function codeOfHttpStatus(httpStatus: number): number;
/** A non-2xx answer from the API, carrying Google's `google.rpc.Status`. */
export declare class ApiError extends Error {
    readonly name = "ApiError";
    /** The HTTP status of the response, e.g. 501. */
    readonly httpStatus: number;
    /** The canonical `google.rpc.Code` number, e.g. 12. */
    readonly code: number;
    /** The canonical code name, e.g. `UNIMPLEMENTED`. */
    readonly status: CanonicalCode;
    /** `google.rpc.Status.details`: objects with an `@type`. */
    readonly details: readonly unknown[];
    /** The start of a body that was not Google's JSON error, for diagnosis. */
    readonly bodySnippet: string | undefined;
    constructor(init: {
        httpStatus: number;
        code: number;
        message: string;
        details?: readonly unknown[];
        bodySnippet?: string;
    });
}
/** A resource name that does not fit the method's template; raised before any network I/O. */
export declare class InvalidNameError extends TypeError {
    readonly name = "InvalidNameError";
    /** The request field, e.g. `name`. */
    readonly field: string;
    /** The pattern the field must match, e.g. `projects/*\/operations/**`. */
    readonly pattern: string;
    /** The method's HTTP template, e.g. `/v1/{name=projects/*\/operations/**}:cancel`. */
    readonly template: string;
    /** What was passed. */
    readonly value: unknown;
    constructor(init: {
        field: string;
        pattern: string;
        template: string;
        value: unknown;
        reason: string;
    });
}
/** A short, printable rendering of any value for error messages. */
export declare function describe(value: unknown): string;
/** Turns a non-2xx response into an ApiError, reading at most 64 KiB of its body. */
export declare function apiErrorFromResponse(response: Response): Promise<ApiError>;
