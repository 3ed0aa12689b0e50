import { kindOf } from "./errors.js";

/** A query parameter's JSON schema type, from the spec; arrays are sent as repeated keys. */
export type QueryKind = QueryScalar | `${QueryScalar}[]`;
export type QueryScalar = "string" | "integer" | "number" | "boolean";

/** One query parameter of a method: its wire name (any string), its kind, and whether it is required. */
export type QueryField = readonly [name: string, kind: QueryKind, required: boolean];
export type QueryFields = readonly QueryField[];

/** What the runtime needs to know about a method to build its query string. */
export interface QueryBinding {
  readonly id: string;
  readonly query: QueryFields;
}

/**
 * The query string (without `?`) of a call: each of the method's parameters read from `request` by its
 * wire name (own properties only, so `__proto__`, `constructor` or `then` are plain data), checked
 * against its kind, and percent-encoded, keys included. `undefined` and `null` mean absent, an empty
 * array sends nothing. Throws a TypeError before any I/O.
 */
export function queryString(method: QueryBinding, request: object): string {
  let search = "";
  for (const [name, kind, required] of method.query) {
    const value = Object.hasOwn(request, name) ? (request as Record<string, unknown>)[name] : undefined;
    if (value === undefined || value === null) {
      if (required) throw new TypeError(`${method.id}: query parameter ${JSON.stringify(name)} is required`);
      continue;
    }
    const scalar = kind.replace("[]", "") as QueryScalar;
    const items = scalar === kind ? [value] : value;
    if (!Array.isArray(items)) throw wrongType(method, name, kind, value);
    for (const item of items) {
      if (!fits(scalar, item)) throw wrongType(method, name, kind, item);
      // encodeURIComponent would throw a URIError.
      if (!`${name}${item}`.isWellFormed())
        throw new TypeError(`${method.id}: a query value contains an unpaired UTF-16 surrogate`);
      search += `&${encodeURIComponent(name)}=${encodeURIComponent(String(item))}`;
    }
  }
  return search.slice(1);
}

function wrongType(method: QueryBinding, name: string, kind: QueryKind, value: unknown): TypeError {
  const want = kind.endsWith("[]")
    ? `an array of ${kind.slice(0, -2)}s`
    : kind === "integer"
      ? "an integer"
      : `a ${kind}`;
  return new TypeError(
    `${method.id}: query parameter ${JSON.stringify(name)} must be ${want}, got ${kindOf(value)}${typeof value === "number" ? ` (${value})` : ""}`,
  );
}

function fits(scalar: QueryScalar, value: unknown): boolean {
  switch (scalar) {
    case "string":
      return typeof value === "string";
    case "integer":
      return Number.isSafeInteger(value);
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "boolean":
      return typeof value === "boolean";
  }
}
