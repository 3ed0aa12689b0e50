import createClient, { type Client } from "openapi-fetch";
import { ApiError, apiErrorFromResponse } from "./errors.js";

/** Earth Engine's service root. */
export const DEFAULT_BASE_URL = "https://earthengine.googleapis.com";

/** Returns an OAuth 2.0 access token good for any one of `scopes` (listed narrowest first). */
export type AccessTokenProvider = (scopes: readonly string[]) => string | Promise<string>;

/** Options shared by every version's client. */
export interface TransportOptions {
  /** Service root; default `https://earthengine.googleapis.com`. */
  baseUrl?: string;
  /** Called before each request with the method's scopes; sent as `Authorization: Bearer …`. */
  accessToken?: AccessTokenProvider;
  /** The fetch implementation; default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
}

/** Per-call options, the last argument of every method. */
export interface CallOptions {
  /** Aborts the call; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** What a method needs to know about itself at call time. */
export interface MethodInfo {
  readonly id: string;
  readonly httpMethod: string;
  readonly path: string;
  readonly template: string;
  readonly scopes: readonly string[];
}

/** The connection a generated client runs on: one openapi-fetch client plus auth. */
export interface Transport {
  // Typed per version at the call sites; openapi-fetch checks paths and params there.
  readonly client: Client<any>;
  readonly accessToken: AccessTokenProvider | undefined;
}

/** What each call hands to openapi-fetch besides its params and body. */
export interface RequestInit {
  headers: Record<string, string> | undefined;
  signal: AbortSignal | undefined;
}

export function createTransport(options: TransportOptions): Transport {
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  if (!/^https?:\/\/[^/?#]+(\/[^?#]*)?$/.test(baseUrl)) {
    throw new TypeError(`baseUrl must be an http(s) URL without query or fragment, got ${JSON.stringify(baseUrl)}`);
  }
  const baseFetch = options.fetch ?? globalThis.fetch;
  return {
    client: createClient({
      baseUrl,
      // Non-2xx answers become ApiError here, so openapi-fetch only ever parses successes.
      fetch: async (request: Request) => {
        const response = await baseFetch(request);
        if (!response.ok) throw await apiErrorFromResponse(response);
        return response;
      },
      // Values arrive already checked and percent-encoded by bindName.
      pathSerializer: (url: string, params: Record<string, unknown>) =>
        url.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key])),
    }),
    accessToken: options.accessToken,
  };
}

/**
 * Runs one API call: gets a token for the method's scopes, sends through openapi-fetch, and returns
 * the parsed body. `whenNoBody` is the answer for a 2xx without a body (`{}` for methods that return
 * google.protobuf.Empty); without it such a response is an error.
 */
export async function call<T>(
  transport: Transport,
  method: MethodInfo,
  options: CallOptions | undefined,
  send: (init: RequestInit) => Promise<{ data?: T; response: Response }>,
  whenNoBody?: T,
): Promise<T> {
  const signal = options?.signal;
  signal?.throwIfAborted();
  const headers = transport.accessToken ? { Authorization: await bearer(transport.accessToken, method) } : undefined;
  signal?.throwIfAborted();
  const { data, response } = await send({ headers, signal });
  if (data === undefined) {
    if (whenNoBody !== undefined) return whenNoBody;
    throw new ApiError({ httpStatus: response.status, code: 2, message: `${method.id}: the response had no body` });
  }
  return data;
}

async function bearer(provider: AccessTokenProvider, method: MethodInfo): Promise<string> {
  const token = await provider(method.scopes);
  // Checked here because fetch's own header error would quote the token.
  if (typeof token !== "string" || !/^[\x21-\x7e]+$/.test(token)) {
    throw new TypeError(`accessToken() must return a non-empty token of visible ASCII characters (for ${method.id})`);
  }
  return `Bearer ${token}`;
}
