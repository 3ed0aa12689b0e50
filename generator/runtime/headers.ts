import { describe } from "./errors.js";
import { CLIENT_VERSION } from "./version.js";

/** Earth Engine's clients use this project when none is set; it is not a Cloud project, so it is never billed. */
export const LEGACY_PROJECT = "earthengine-legacy";

// Set by the client itself, or by fetch: an extra header must not replace them.
export const RESERVED_HEADERS: ReadonlySet<string> = new Set([
  "authorization",
  "x-goog-user-project",
  "x-goog-api-client",
  "user-agent",
  "host",
  "content-length",
  "content-type",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "te",
  "trailer",
  "expect",
]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Visible ASCII and Latin-1, spaces and tabs inside: no CR, LF, NUL or other controls.
const VALUE = /^[\x21-\x7e\x80-\xff]([\x20-\x7e\x80-\xff\t]*[\x21-\x7e\x80-\xff])?$/;
// Cloud project ids, domain-scoped ones (example.com:my-project) and earthengine-legacy.
const PROJECT = /^[A-Za-z0-9](?:[A-Za-z0-9._:-]{0,98}[A-Za-z0-9])?$/;

const LIBRARY = `ee-operations-client/${CLIENT_VERSION}`;

/** The `x-goog-api-client` every request carries, like Google's own Node clients. */
export function apiClientHeader(): string {
  const node = typeof process === "object" ? process.versions?.node : undefined;
  return node ? `${LIBRARY} gl-node/${node}` : LIBRARY;
}

/** Checks a project id (client option or credentials' quota project); the id itself is no secret. */
export function checkProject(project: unknown, what: string): string {
  if (typeof project !== "string" || !PROJECT.test(project)) {
    throw new TypeError(
      `${what} must be a Cloud project id such as "my-project" (letters, digits, - . _ :), got ${describe(project)}`,
    );
  }
  return project;
}

/**
 * The headers every request of a client carries, besides Authorization: the library's identification,
 * the user's `userAgent` in front of it, `x-goog-user-project` for a set project, and the `headers` option.
 * Bad names or values are a TypeError that never quotes a value (it may be a secret).
 */
export function fixedHeaders(options: {
  project: string | undefined;
  headers: unknown;
  userAgent: unknown;
}): Record<string, string> {
  // No prototype: a header named __proto__ is a header like any other.
  const fixed: Record<string, string> = Object.create(null);
  if (options.headers !== undefined) {
    if (typeof options.headers !== "object" || options.headers === null || Array.isArray(options.headers))
      throw new TypeError("headers must be an object of header names to string values");
    for (const [name, value] of Object.entries(options.headers)) {
      if (!TOKEN.test(name)) throw new TypeError(`headers: ${describe(name)} is not a valid header name`);
      const key = name.toLowerCase();
      if (RESERVED_HEADERS.has(key))
        throw new TypeError(`headers: ${key} is set by the client (use the project, userAgent or accessToken option)`);
      if (typeof value !== "string" || !VALUE.test(value))
        throw new TypeError(
          `headers: the value of ${key} must be a non-empty string of visible characters (no CR, LF or other controls)`,
        );
      fixed[key] = value;
    }
  }
  if (options.userAgent !== undefined && (typeof options.userAgent !== "string" || !VALUE.test(options.userAgent)))
    throw new TypeError("userAgent must be a non-empty string of visible characters (no CR, LF or other controls)");
  fixed["user-agent"] = options.userAgent === undefined ? LIBRARY : `${options.userAgent} ${LIBRARY}`;
  fixed["x-goog-api-client"] = apiClientHeader();
  if (options.project !== undefined && options.project !== LEGACY_PROJECT)
    fixed["x-goog-user-project"] = options.project;
  return fixed;
}
