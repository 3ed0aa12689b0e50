// The CLI's access token: EE_ACCESS_TOKEN, else Application Default Credentials through the package's
// google-auth entry point, loaded only when first needed (google-auth-library is an optional dependency).
import type { AccessTokenProvider } from "ee-operations-client";
import { AuthError } from "./errors.js";

export interface TokenSource {
  provider: AccessTokenProvider;
  /** Every token handed out so far (EE_ACCESS_TOKEN, or each one ADC gave): kept out of every message. */
  secrets: readonly string[];
  /** Whether the token is EE_ACCESS_TOKEN (else ADC). */
  fromEnv: boolean;
}

/** Most ADC tokens remembered for redaction (one per refresh; a CLI run sees one or two). */
const MAX_SECRETS = 16;

const ADC_HINT = "set EE_ACCESS_TOKEN, or run 'gcloud auth application-default login'";

/** `loadAdc` stands for the package's fromGoogleAuth (tests pass their own). */
export function tokenSource(
  env: Readonly<Record<string, string | undefined>>,
  loadAdc: () => Promise<AccessTokenProvider> = loadApplicationDefaultCredentials,
): TokenSource {
  const fromEnv = env.EE_ACCESS_TOKEN?.trim();
  if (fromEnv) {
    return {
      secrets: [fromEnv],
      fromEnv: true,
      provider: () => {
        // Checked here so that no later error (the transport's, or fetch's) can get near the value.
        if (!/^[\x21-\x7e]+$/.test(fromEnv))
          throw new AuthError("EE_ACCESS_TOKEN is not a valid access token (visible ASCII characters only)");
        return fromEnv;
      },
    };
  }
  let adc: Promise<AccessTokenProvider> | undefined;
  const secrets: string[] = [];
  return {
    secrets,
    fromEnv: false,
    provider: async (scopes) => {
      adc ??= loadAdc();
      const provider = await adc;
      try {
        const token = await provider(scopes);
        if (typeof token === "string" && token && !secrets.includes(token)) {
          if (secrets.length >= MAX_SECRETS) secrets.shift();
          secrets.push(token);
        }
        return token;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new AuthError(`no access token from Application Default Credentials (${ADC_HINT}): ${message}`);
      }
    },
  };
}

async function loadApplicationDefaultCredentials(): Promise<AccessTokenProvider> {
  let module: typeof import("ee-operations-client/google-auth");
  try {
    module = await import("ee-operations-client/google-auth");
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (code === "ERR_MODULE_NOT_FOUND" && String(message).includes("google-auth-library")) {
      throw new AuthError(
        "EE_ACCESS_TOKEN is not set, and Application Default Credentials need google-auth-library, which is " +
          "not installed: set EE_ACCESS_TOKEN, or run 'npm install google-auth-library'",
      );
    }
    throw new AuthError(`could not load google-auth-library: ${String(message)}`);
  }
  return module.fromGoogleAuth();
}
