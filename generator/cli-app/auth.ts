// The CLI's access token, in Earth Engine's order: EE_ACCESS_TOKEN, else the credentials
// `earthengine authenticate` stored (its client reads them before Application Default Credentials),
// else ADC. Both credential kinds go through the package's google-auth entry point, loaded only when
// first needed (google-auth-library is an optional dependency).
import type { AccessTokenProvider } from "ee-operations-client";
import type { StoredCredentials } from "./earthengine-credentials.js";
import { AuthError } from "./errors.js";
import type { Env } from "./types.js";

export type TokenKind = "EE_ACCESS_TOKEN" | "earthengine" | "adc";

export interface TokenSource {
  provider: AccessTokenProvider;
  /**
   * Strings kept out of every message: EE_ACCESS_TOKEN, or each token the credentials gave, and the
   * stored refresh token and client secret.
   */
  secrets: readonly string[];
  /** Whether the token is EE_ACCESS_TOKEN. */
  fromEnv: boolean;
  kind: TokenKind;
}

/** Most tokens remembered for redaction (one per refresh; a CLI run sees one or two). */
const MAX_SECRETS = 16;

const ADC_HINT = "set EE_ACCESS_TOKEN, or run 'gcloud auth application-default login'";

/**
 * `loadAdc` and `loadStored` stand for the package's fromGoogleAuth over ADC and over the stored
 * credentials (tests pass their own); `stored` is what readEarthengineCredentials found.
 */
export function tokenSource(
  env: Env,
  loadAdc: () => Promise<AccessTokenProvider> = loadApplicationDefaultCredentials,
  stored?: StoredCredentials,
  loadStored: (stored: StoredCredentials) => Promise<AccessTokenProvider> = loadStoredCredentials,
): TokenSource {
  const fromEnv = env.EE_ACCESS_TOKEN?.trim();
  if (fromEnv) {
    return {
      secrets: [fromEnv],
      fromEnv: true,
      kind: "EE_ACCESS_TOKEN",
      provider: () => {
        // Checked here so that no later error (the transport's, or fetch's) can get near the value.
        if (!/^[\x21-\x7e]+$/.test(fromEnv))
          throw new AuthError("EE_ACCESS_TOKEN is not a valid access token (visible ASCII characters only)");
        return fromEnv;
      },
    };
  }
  if (stored !== undefined) {
    const permanent = [stored.refreshToken, ...(stored.clientSecret ? [stored.clientSecret] : [])];
    const hint = `${displayPath(stored.path, env)}; run 'earthengine authenticate' again, or set EE_ACCESS_TOKEN`;
    return refreshing("earthengine", () => loadStored(stored), permanent, `from the earthengine credentials (${hint})`);
  }
  return refreshing("adc", loadAdc, [], `from Application Default Credentials (${ADC_HINT})`);
}

/** A provider over credentials loaded on first use; every token it hands out joins the secrets. */
function refreshing(
  kind: TokenKind,
  load: () => Promise<AccessTokenProvider>,
  permanent: readonly string[],
  from: string,
): TokenSource {
  let loaded: Promise<AccessTokenProvider> | undefined;
  const secrets: string[] = [...permanent];
  return {
    secrets,
    fromEnv: false,
    kind,
    provider: async (scopes) => {
      loaded ??= load();
      const provider = await loaded;
      try {
        const token = await provider(scopes);
        if (typeof token === "string" && token && !secrets.includes(token)) {
          if (secrets.length >= permanent.length + MAX_SECRETS) secrets.splice(permanent.length, 1);
          secrets.push(token);
        }
        return token;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new AuthError(`no access token ${from}: ${message}`);
      }
    },
  };
}

/** `~/…` for a path under $HOME, so that messages do not spell out the home folder. */
function displayPath(path: string, env: Env): string {
  const home = env.HOME?.trim();
  return home && path.startsWith(`${home}/`) ? `~/${path.slice(home.length + 1)}` : path;
}

async function loadApplicationDefaultCredentials(): Promise<AccessTokenProvider> {
  const module = await googleAuthEntry(needsLibrary("Application Default Credentials"));
  return module.fromGoogleAuth();
}

/**
 * The stored refresh token as google-auth-library's authorized-user credentials. Earth Engine's client
 * fills in its own OAuth client where the file names none; the CLI has no client of its own to use.
 */
async function loadStoredCredentials(stored: StoredCredentials): Promise<AccessTokenProvider> {
  const missing = needsLibrary("the earthengine credentials");
  const module = await googleAuthEntry(missing);
  if (stored.clientId === undefined || stored.clientSecret === undefined) {
    throw new AuthError(
      "the earthengine credentials name no OAuth client (client_id, client_secret), which this CLI needs: " +
        "set EE_ACCESS_TOKEN, or run 'earthengine authenticate --auth_mode=gcloud'",
    );
  }
  const { UserRefreshClient } = await optionalImport(() => import("google-auth-library"), missing);
  const client = UserRefreshClient.fromJSON({
    type: "authorized_user",
    client_id: stored.clientId,
    client_secret: stored.clientSecret,
    refresh_token: stored.refreshToken,
    ...(stored.project ? { quota_project_id: stored.project } : {}),
  });
  return module.fromGoogleAuth({ getClient: async () => client });
}

/** The message for google-auth-library missing when `credentials` need it. */
const needsLibrary = (credentials: string): string =>
  `EE_ACCESS_TOKEN is not set, and ${credentials} need google-auth-library, which is not installed: ` +
  "set EE_ACCESS_TOKEN, or run 'npm install google-auth-library'";

const googleAuthEntry = (missing: string) => optionalImport(() => import("ee-operations-client/google-auth"), missing);

/** `load()`, with google-auth-library missing reported as `missing` (an AuthError, exit 1). */
async function optionalImport<T>(load: () => Promise<T>, missing: string): Promise<T> {
  try {
    return await load();
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code === "ERR_MODULE_NOT_FOUND" && String(message).includes("google-auth-library"))
      throw new AuthError(missing);
    throw new AuthError(`could not load google-auth-library: ${String(message)}`);
  }
}
