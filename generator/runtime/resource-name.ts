import { InvalidNameError } from "./errors.js";

/** What the runtime needs to know about a method to bind its resource names. */
export interface MethodBinding {
  readonly id: string;
  readonly template: string;
}

// Characters that can change where a request goes once they reach a URL, or that no resource id
// contains: `?` and `#` end the path, `%` smuggles pre-encoded bytes (`%2F`), `\` is a slash to WHATWG
// URL parsers, control characters break the request line.
const FORBIDDEN = /[?#%\\\u0000-\u001f\u007f-\u009f]/;

/** A template variable, parsed once: `{name=projects/*\/operations/**}` → its segments. */
interface Variable {
  readonly pattern: string;
  readonly want: readonly string[];
  /** Where `**` is in `want`, or -1. */
  readonly multi: number;
}

// Keyed by template, then field: both are constants of the generated code, so lookups hash nothing new.
const variables = new Map<string, Map<string, Variable>>();

function variable(template: string, field: string): Variable {
  let fields = variables.get(template);
  if (fields === undefined) variables.set(template, (fields = new Map()));
  let found = fields.get(field);
  if (found === undefined) {
    const match = new RegExp(`\\{${field}(?:=([^}]*))?\\}`).exec(template);
    if (!match) throw new TypeError(`Template ${template} has no variable ${field}`);
    const pattern = match[1] ?? "*";
    const want = pattern.split("/");
    found = { pattern, want, multi: want.indexOf("**") };
    fields.set(field, found);
  }
  return found;
}

/**
 * Checks `value` against the variable `field` of the method's template and returns the
 * percent-encoded value of each wildcard in order (`*` is one segment, `**` one or more, slashes
 * kept: RFC 6570 reserved expansion limited to `/`). Throws InvalidNameError before any I/O.
 */
export function bindName(method: MethodBinding, field: string, value: unknown): string[] {
  const { pattern, want, multi } = variable(method.template, field);
  const reject = (reason: string): never => {
    throw new InvalidNameError({ field, pattern, template: method.template, value, reason });
  };
  if (typeof value !== "string") return reject(`expected a string, got ${value === null ? "null" : typeof value}`);
  if (!value.isWellFormed()) return reject("it contains an unpaired UTF-16 surrogate");
  const have = value.split("/");
  const extra = have.length - want.length;
  if (multi < 0 ? extra !== 0 : extra < 0) {
    return reject(
      `it has ${have.length} path segments, the pattern ${multi < 0 ? "needs" : "needs at least"} ${want.length}`,
    );
  }
  const bound: string[] = [];
  for (let i = 0, j = 0; i < want.length; i++, j++) {
    const part = want[i]!;
    if (part === "*") {
      checkSegment(have[j]!, j + 1, reject);
      bound.push(encodeSegment(have[j]!));
    } else if (part === "**") {
      const end = j + extra + 1;
      for (let k = j; k < end; k++) checkSegment(have[k]!, k + 1, reject);
      bound.push(have.slice(j, end).map(encodeSegment).join("/"));
      j = end - 1;
    } else if (have[j] !== part) {
      reject(`segment ${j + 1} is ${JSON.stringify(have[j])}, expected "${part}"`);
    }
  }
  return bound;
}

function checkSegment(segment: string, position: number, reject: (reason: string) => never): void {
  if (segment === "") reject(`segment ${position} is empty`);
  if (segment === "." || segment === "..") reject(`segment ${position} is "${segment}", dot segments are not allowed`);
  if (segment.trim() === "") reject(`segment ${position} is only whitespace`);
  const bad = FORBIDDEN.exec(segment);
  if (bad) reject(`segment ${position} contains ${JSON.stringify(bad[0])}, which is not allowed in a resource name`);
}

const UNRESERVED = /^[A-Za-z0-9._~-]*$/;

/** Percent-encodes everything outside RFC 3986 `unreserved` (encodeURIComponent leaves `!'()*`). */
export function encodeSegment(segment: string): string {
  if (UNRESERVED.test(segment)) return segment; // most ids: nothing to encode
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
