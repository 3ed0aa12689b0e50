/** What the runtime needs to know about a method to bind its resource names. */
export interface MethodBinding {
    readonly id: string;
    readonly template: string;
}
/** The pattern of a variable in a gRPC transcoding template: `{name=projects/*}` → `projects/*`. */
export declare function variablePattern(template: string, field: string): string;
/**
 * Checks `value` against the variable `field` of the method's template and returns the
 * percent-encoded value of each wildcard in order (`*` is one segment, `**` one or more, slashes
 * kept: RFC 6570 reserved expansion limited to `/`). Throws InvalidNameError before any I/O.
 */
export declare function bindName(method: MethodBinding, field: string, value: unknown): string[];
/** Percent-encodes everything outside RFC 3986 `unreserved` (encodeURIComponent leaves `!'()*`). */
export declare function encodeSegment(segment: string): string;
