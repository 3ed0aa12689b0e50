import { describe, InvalidNameError } from "./errors.js";

/**
 * One part of a gRPC transcoding template, as the generator parsed it (generator/model/http-template.ts):
 * a literal segment, or a variable as [field, its segments] (`*`, `**` or literals).
 */
export type TemplatePart = string | readonly [field: string, segments: readonly string[]];

/** A template parsed once by the generator and emitted as data in each method's metadata. */
export interface ParsedTemplate {
  readonly parts: readonly TemplatePart[];
  readonly verb: string | null;
}

/** What the runtime needs to know about a method to bind its resource names. */
export interface MethodBinding {
  readonly id: string;
  readonly template: string;
  readonly parsedTemplate: ParsedTemplate;
}

// Characters that can change where a request goes once they reach a URL, or that no resource id
// contains: `?` and `#` end the path, `%` smuggles pre-encoded bytes (`%2F`), `\` is a slash to WHATWG
// URL parsers, control characters break the request line.
const FORBIDDEN = /[?#%\\\u0000-\u001f\u007f-\u009f]/;
/** An Earth Engine task id, the last segment of an operation name (`6XGCJ4JK5QWZ3MZDDAD2CBEP`). */
export const TASK_ID: RegExp = /^[A-Za-z0-9_-]+$/;

/**
 * The request target of a call: the method's template with each variable replaced by the request's
 * field of that name, checked by bindName; `/v1/projects/p/operations/x:cancel`. Throws InvalidNameError
 * before any I/O.
 */
export function requestPath(method: MethodBinding, request: object): string {
  const { parts, verb } = method.parsedTemplate;
  let path = "";
  for (const part of parts)
    path += `/${typeof part === "string" ? part : bindName(method, part, (request as Record<string, unknown>)[part[0]])}`;
  return verb === null ? path : `${path}:${verb}`;
}

/**
 * Checks `value` against a variable of the method's template and returns it as it goes in the URL:
 * each wildcard percent-encoded (`*` is one segment, `**` one or more, slashes kept: RFC 6570
 * reserved expansion limited to `/`), literal segments as they are. Throws InvalidNameError.
 */
export function bindName(
  method: MethodBinding,
  [field, want]: readonly [string, readonly string[]],
  value: unknown,
): string {
  const reject = (reason: string): never => {
    const pattern = want.join("/");
    if (pattern === "projects/*/operations/**" && typeof value === "string" && TASK_ID.test(value)) {
      reason = `a bare task id: pass operationName(${JSON.stringify(value)}, project); the operation helpers take bare ids`;
    }
    throw new InvalidNameError({ field, pattern, template: method.template, value, reason });
  };
  if (typeof value !== "string") return reject(`expected a string, got ${describe(value)}`);
  if (!value.isWellFormed()) return reject("it contains an unpaired UTF-16 surrogate");
  const have = value.split("/");
  // `**` is only ever the last segment of a template (generator/model/http-template.ts).
  const last = want.length - 1;
  const multi = want[last] === "**";
  if (multi ? have.length < want.length : have.length !== want.length) {
    return reject(`it has ${have.length} path segments, the pattern needs ${multi ? "at least " : ""}${want.length}`);
  }
  return have
    .map((segment, i) => {
      const part = want[Math.min(i, last)]!;
      if (part === "*" || part === "**") return encodeSegment(checkSegment(segment, i + 1, reject));
      if (segment !== part) reject(`segment ${i + 1} is ${JSON.stringify(segment)}, expected "${part}"`);
      return segment;
    })
    .join("/");
}

function checkSegment(segment: string, position: number, reject: (reason: string) => never): string {
  if (segment.trim() === "") reject(`segment ${position} is ${segment ? "only whitespace" : "empty"}`);
  if (segment === "." || segment === "..") reject(`segment ${position} is "${segment}", dot segments are not allowed`);
  const bad = FORBIDDEN.exec(segment);
  if (bad) reject(`segment ${position} contains ${JSON.stringify(bad[0])}, which is not allowed in a resource name`);
  return segment;
}

/** Percent-encodes everything outside RFC 3986 `unreserved` (encodeURIComponent leaves `!'()*`). */
export function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
