// Every string that comes from a spec reaches generated code through exactly one function here, one per
// context. Spec text is data: it must never end a comment, a string or a key, nor become a statement.

// ANSI/VT sequences (CSI `ESC [ … final`, OSC `ESC ] … BEL|ST`, two-character `ESC x`), then any other
// C0/C1 control character except tab and newline.
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// Line terminators in JavaScript besides LF; U+0085 (NEL) is a C1 control many editors break on.
const LINE_BREAK = /\r\n?|[\u2028\u2029\u0085]/g;

/**
 * Spec text for the inside of a `/** … *\/` block: every line break becomes `\n` (the caller prefixes each
 * line with ` * `), ANSI escapes and control characters are dropped, tabs become spaces, and `*\/` cannot
 * close the block.
 */
export function docText(text: string): string {
  return text
    .replace(LINE_BREAK, "\n")
    .replace(ANSI, "")
    .replace(/\t/g, " ")
    .replace(CONTROL, "")
    .replace(/\*\//g, "*\\/");
}

/** Spec text for a one-line doc comment (`/** … *\/` on one line): docText with line breaks as spaces. */
export function inlineDocText(text: string): string {
  return docText(text).replace(/\n/g, " ");
}

/** A JavaScript string literal holding `text` exactly (JSON.stringify escapes quotes, controls, lone surrogates). */
export function stringLiteral(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// Reserved in strict-mode code (ES2022 §13.1.1, plus `await` in modules): never a binding name.
const RESERVED = new Set(
  (
    "await break case catch class const continue debugger default delete do else enum export extends false " +
    "finally for function if implements import in instanceof interface let new null package private " +
    "protected public return static super switch this throw true try typeof var void while with yield " +
    "arguments eval"
  ).split(" "),
);

/**
 * A property name in an interface, a type literal or a method declaration: the bare name when it is an
 * identifier (reserved words are valid property names), else a string literal. `__proto__` is always
 * quoted; in an object literal use `objectKey`, since even a quoted `"__proto__":` sets the prototype there.
 */
export function propertyKey(name: string): string {
  return IDENTIFIER.test(name) && name !== "__proto__" ? name : stringLiteral(name);
}

/** A key in an object literal: as propertyKey, but `__proto__` is computed (`["__proto__"]`) so it stays data. */
export function objectKey(name: string): string {
  return name === "__proto__" ? `[${stringLiteral(name)}]` : propertyKey(name);
}

/** A member access: `.name` for identifiers, `["dry-run"]` otherwise. */
export function memberAccess(name: string): string {
  return IDENTIFIER.test(name) ? `.${name}` : `[${stringLiteral(name)}]`;
}

/**
 * A type or function name derived from spec names: kept when it is an identifier and not reserved, else
 * mangled deterministically (invalid characters → `_`, a leading `_` before a digit or a reserved word).
 * Different inputs can give the same name: callers that derive several names check for collisions.
 */
export function identifier(name: string): string {
  const mangled = name.replace(/[^A-Za-z0-9_$]/g, "_");
  return mangled === "" || /^[0-9]/.test(mangled) || RESERVED.has(mangled) ? `_${mangled}` : mangled;
}

// The OpenAPI fields openapi-typescript copies into JSDoc comments.
const DOC_FIELDS = new Set(["title", "summary", "description"]);

/**
 * A copy of an OpenAPI document for openapi-typescript, whose comments escape `*\/` but pass line
 * separators, NUL and ANSI escapes through: every doc field's text goes through docText. Names, enum
 * values and other data are left exactly as they are (openapi-typescript quotes them as string literals).
 */
export function docSafeDocument<T>(document: T): T {
  const copy = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(copy);
    if (typeof value !== "object" || value === null) return value;
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      const safe = typeof child === "string" && DOC_FIELDS.has(key) ? docText(child) : copy(child);
      // defineProperty: a key `__proto__` must stay an own property, not set the copy's prototype.
      Object.defineProperty(out, key, { value: safe, enumerable: true, writable: true, configurable: true });
    }
    return out;
  };
  return copy(document) as T;
}
