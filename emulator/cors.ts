// CORS, so a browser app served from any origin can call the emulator: every response carries
// Access-Control-Allow-Origin, and preflight OPTIONS requests are answered without credentials
// (browsers never send Authorization on a preflight).

import type { Reply } from "./http-io.js";

const ALLOWED_METHODS = "GET, POST, DELETE, OPTIONS";
/** Allowed when a preflight names no headers, or names them in a list that is not well formed. */
export const ALLOWED_HEADERS = [
  "Authorization",
  "Content-Type",
  "x-goog-user-project",
  "x-goog-api-client",
  "x-goog-request-params",
  "x-goog-request-reason",
  "x-goog-api-key",
  "x-user-agent",
].join(", ");

/** Longest Access-Control-Request-Headers value reflected; a browser's list of real headers is far shorter. */
export const MAX_REQUEST_HEADERS_LENGTH = 4096;

/** RFC 9110 `token`: what a header field name may be. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Headers on every response. `*` is right here: no cookies are used, tokens travel in headers. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  // Lets browser code read these from responses (retry hints and auth challenges).
  "access-control-expose-headers": "Retry-After, WWW-Authenticate",
};

/**
 * The headers a preflight may send: those it asks for (Access-Control-Request-Headers, lower-cased and
 * de-duplicated) when every one is a valid field name and the list is at most
 * MAX_REQUEST_HEADERS_LENGTH long; otherwise ALLOWED_HEADERS. Only checked tokens are ever echoed.
 */
export function allowedHeaders(requested: string | string[] | undefined): string {
  const raw = Array.isArray(requested) ? requested.join(",") : requested;
  if (raw === undefined || raw.length > MAX_REQUEST_HEADERS_LENGTH) return ALLOWED_HEADERS;
  // HTTP lists may hold empty elements (`a, , b`); they name nothing.
  const names = raw
    .split(",")
    .map((name) => name.replace(/^[ \t]+|[ \t]+$/g, "")) // HTTP's optional whitespace
    .filter((name) => name !== "");
  if (names.length === 0 || !names.every((name) => TOKEN.test(name))) return ALLOWED_HEADERS;
  return [...new Set(names.map((name) => name.toLowerCase()))].join(", ");
}

/**
 * The answer to a preflight. It depends on Access-Control-Request-Headers only (the origin answer is
 * always `*`), so that is what `Vary` names.
 */
export function preflightReply(requestedHeaders?: string | string[]): Reply {
  return {
    status: 204,
    headers: {
      "access-control-allow-methods": ALLOWED_METHODS,
      "access-control-allow-headers": allowedHeaders(requestedHeaders),
      "access-control-max-age": "3600",
      vary: "Access-Control-Request-Headers",
    },
  };
}
