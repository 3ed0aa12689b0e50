// Bearer-token checking, as Google's front end does it: no credential → 401 UNAUTHENTICATED with a
// `WWW-Authenticate: Bearer` challenge. Any non-empty token is accepted unless one is configured.

import { googleError } from "./google-error.js";
import type { Reply } from "./http-io.js";

/** `true`: any bearer token; `false`: none needed; `{ token }`: exactly that one. */
export type AuthSetting = boolean | { token: string };

const HELP =
  "Expected OAuth 2 access token, login cookie or other valid authentication credential. " +
  "See https://developers.google.com/identity/sign-in/web/devconsole-project.";
const REALM = 'Bearer realm="https://accounts.google.com/"';

export function checkAuthSetting(auth: unknown): AuthSetting {
  if (typeof auth === "boolean") return auth;
  const token = typeof auth === "object" && auth !== null ? (auth as { token?: unknown }).token : undefined;
  if (typeof token === "string" && /^\S+$/.test(token)) return { token };
  throw new TypeError("auth must be true, false or { token: <non-empty string without spaces> }");
}

/** The bearer token in an Authorization header value, or undefined. */
export function bearerToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== "string") return undefined;
  const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}

/** undefined when the request may proceed, else the 401 reply. */
export function authReply(auth: AuthSetting, header: string | string[] | undefined): Reply | undefined {
  if (auth === false) return undefined;
  const token = bearerToken(header);
  if (token !== undefined && (auth === true || token === auth.token)) return undefined;
  const missing = header === undefined;
  const message = missing
    ? `Request is missing required authentication credential. ${HELP}`
    : `Request had invalid authentication credentials. ${HELP}`;
  return {
    status: 401,
    body: googleError("UNAUTHENTICATED", message),
    headers: { "www-authenticate": missing ? REALM : `${REALM}, error="invalid_token"` },
  };
}
