// `ee-operations-client/google-auth`: access tokens from google-auth-library (Application Default
// Credentials by default). The only module of the package that imports google-auth-library, an
// optional peer dependency: the core entry point works without it.
import { GoogleAuth } from "google-auth-library";
import type { AccessTokenProvider } from "./transport.js";

/** What fromGoogleAuth needs of an auth client; google-auth-library's clients all fit. */
export interface AccessTokenClient {
  getAccessToken(): Promise<{ token?: string | null }>;
  /** google-auth-library keeps the token's expiry here (`expiry_date`, ms since the epoch). */
  credentials?: { expiry_date?: number | null };
  /** The credentials' quota project (ADC's `quota_project_id`), when they carry one. */
  quotaProjectId?: string | null;
}

/** What fromGoogleAuth needs of a `GoogleAuth`: anything whose `getClient()` gives an AccessTokenClient. */
export interface GoogleAuthLike {
  getClient(): Promise<AccessTokenClient>;
}

/**
 * A GoogleAuth-like object used for every scope (it keeps the scopes it was made with), or a factory
 * called once per scope with `[scope]`, e.g. `(scopes) => new GoogleAuth({ keyFile, scopes })`.
 */
export type GoogleAuthSource = GoogleAuthLike | ((scopes: string[]) => GoogleAuthLike);

export interface FromGoogleAuthOptions {
  /** Get a new token this long before the current one expires; default 60 000 ms. */
  refreshMarginMs?: number;
}

/** Getting a token failed. The message never contains a token. */
export class GoogleAuthError extends Error {
  override readonly name = "GoogleAuthError";
  /** The OAuth scope the token was asked for. */
  readonly scope: string;
  constructor(message: string, scope: string) {
    super(message);
    this.scope = scope;
  }
}

const DEFAULT_MARGIN_MS = 60_000;

/**
 * An AccessTokenProvider for `createEarthEngineClient` backed by google-auth-library. Without
 * arguments it uses Application Default Credentials, one `GoogleAuth` per scope.
 *
 * Each call asks for the narrowest scope the method accepts (the first of `scopes`, e.g.
 * `…/auth/earthengine` before `…/auth/cloud-platform`), reuses a token per scope until
 * `refreshMarginMs` before it expires (a token of unknown expiry is not reused; google-auth-library's
 * clients cache it themselves), and lets concurrent callers share one refresh.
 *
 * @example
 * ```ts
 * import { fromGoogleAuth } from "ee-operations-client/google-auth";
 * const ee = createEarthEngineClient({ version: "v1", accessToken: fromGoogleAuth() });
 * ```
 */
export function fromGoogleAuth(auth?: GoogleAuthSource, options: FromGoogleAuthOptions = {}): AccessTokenProvider {
  const margin = options.refreshMarginMs ?? DEFAULT_MARGIN_MS;
  if (!(Number.isFinite(margin) && margin >= 0))
    throw new RangeError(`refreshMarginMs must be a number >= 0, got ${margin}`);
  if (auth !== undefined && typeof auth !== "function" && typeof auth?.getClient !== "function") {
    throw new TypeError(
      "auth must be a GoogleAuth-like object (with getClient()) or a function (scopes) => GoogleAuth",
    );
  }
  const authFor: (scopes: string[]) => GoogleAuthLike =
    auth === undefined ? (scopes) => new GoogleAuth({ scopes }) : typeof auth === "function" ? auth : () => auth;

  const auths = new Map<string, GoogleAuthLike>();
  const cached = new Map<string, { token: string; expiresAt: number }>();
  const pending = new Map<string, Promise<string>>();
  // Every token handed out, so that no error message can quote one.
  const issued = new Set<string>();
  // Learnt with each token; the transport reads it right after asking for one.
  let quotaProject: string | undefined;

  async function refresh(scope: string): Promise<string> {
    try {
      let source = auths.get(scope);
      if (!source) auths.set(scope, (source = authFor([scope])));
      const client = await source.getClient();
      const { token } = await client.getAccessToken();
      const quota = client.quotaProjectId;
      quotaProject = typeof quota === "string" && quota !== "" ? quota : undefined;
      if (typeof token !== "string" || token === "") throw new Error("the credentials gave no access token");
      issued.add(token);
      const expiry = client.credentials?.expiry_date;
      if (typeof expiry === "number" && Number.isFinite(expiry)) cached.set(scope, { token, expiresAt: expiry });
      else cached.delete(scope);
      return token;
    } catch (error) {
      if (error instanceof GoogleAuthError) throw error;
      throw new GoogleAuthError(`could not get an access token for ${scope}: ${redact(reason(error), issued)}`, scope);
    }
  }

  const provider: AccessTokenProvider = (scopes) => {
    const scope = Array.isArray(scopes) ? scopes[0] : undefined;
    if (typeof scope !== "string" || scope === "") {
      return Promise.reject(new TypeError("fromGoogleAuth: the method lists no OAuth scope"));
    }
    const hit = cached.get(scope);
    if (hit && Date.now() < hit.expiresAt - margin) return Promise.resolve(hit.token);
    let inFlight = pending.get(scope);
    if (!inFlight) {
      inFlight = refresh(scope).finally(() => pending.delete(scope));
      pending.set(scope, inFlight);
    }
    return inFlight;
  };
  provider.quotaProject = () => quotaProject;
  return provider;
}

function reason(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  return typeof error === "string" ? error : "unknown error";
}

function redact(message: string, tokens: ReadonlySet<string>): string {
  let text = message;
  for (const token of tokens) text = text.split(token).join("[redacted]");
  // A bearer token of any origin, e.g. quoted from a request.
  return text.replace(/(Bearer\s+)[\x21-\x7e]+/gi, "$1[redacted]");
}
