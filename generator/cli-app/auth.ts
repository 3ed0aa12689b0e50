// The CLI's access token: EE_ACCESS_TOKEN, else Application Default Credentials through the package's
// google-auth entry point, loaded only when first needed (google-auth-library is an optional dependency).
import type { AccessTokenProvider } from "ee-operations-client";
import { AuthError } from "./errors.js";

export interface TokenSource {
  provider: AccessTokenProvider;
  /** The token from the environment, to keep out of every message. */
  secret: string | undefined;
}

const ADC_HINT = "set EE_ACCESS_TOKEN, or run 'gcloud auth application-default login'";

export function tokenSource(env: Readonly<Record<string, string | undefined>>): TokenSource {
  const fromEnv = env.EE_ACCESS_TOKEN?.trim();
  if (fromEnv) {
    return {
      secret: fromEnv,
      provider: () => {
        // Checked here so that no later error (the transport's, or fetch's) can get near the value.
        if (!/^[\x21-\x7e]+$/.test(fromEnv))
          throw new AuthError("EE_ACCESS_TOKEN is not a valid access token (visible ASCII characters only)");
        return fromEnv;
      },
    };
  }
  let adc: Promise<AccessTokenProvider> | undefined;
  return {
    secret: undefined,
    provider: async (scopes) => {
      adc ??= loadApplicationDefaultCredentials();
      const provider = await adc;
      try {
        return await provider(scopes);
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
