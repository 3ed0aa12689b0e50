// CORS, so a browser app served from any origin can call the emulator: every response carries
// Access-Control-Allow-Origin, and preflight OPTIONS requests are answered without credentials
// (browsers never send Authorization on a preflight).

import type { Reply } from "./http-io.js";

export const ALLOWED_METHODS = "GET, POST, DELETE, OPTIONS";
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

/** Headers on every response. `*` is right here: no cookies are used, tokens travel in headers. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  // Lets browser code read these from responses (retry hints and auth challenges).
  "access-control-expose-headers": "Retry-After, WWW-Authenticate",
};

export function preflightReply(): Reply {
  return {
    status: 204,
    headers: {
      "access-control-allow-methods": ALLOWED_METHODS,
      "access-control-allow-headers": ALLOWED_HEADERS,
      "access-control-max-age": "3600",
    },
  };
}
