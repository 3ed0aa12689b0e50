import { deadline, sleep, untilAborted } from "./abort.js";
import { DEFAULT_MAX_RESPONSE_BYTES, readBodyText } from "./body.js";
import { optionalDurationMs } from "./durations.js";
import { ApiError, apiErrorFromResponse, NetworkError, ProtocolError } from "./errors.js";
import { checkProject, fixedHeaders, LEGACY_PROJECT } from "./headers.js";
import { type QueryFields, queryString } from "./query.js";
import { type ParsedTemplate, requestPath } from "./resource-name.js";
import { DEFAULT_RETRY, type RetryOptions, type RetryPolicy, retryDelay, retryPolicy } from "./retry.js";

export type { RetryOptions } from "./retry.js";

/** Earth Engine's service root. */
export const DEFAULT_BASE_URL = "https://earthengine.googleapis.com";
/** Above `wait`'s longest server-side wait (60 s) that waitForOperation asks for. */
export const DEFAULT_TIMEOUT_MS = 120_000;

/** Returns an OAuth 2.0 access token good for any one of `scopes` (listed narrowest first). */
export interface AccessTokenProvider {
  (scopes: readonly string[]): string | Promise<string>;
  /**
   * The credentials' quota project (e.g. ADC's `quota_project_id`), asked after each token; sent as
   * `x-goog-user-project` when the client has no `project`. `fromGoogleAuth` sets it.
   */
  quotaProject?: () => string | undefined | Promise<string | undefined>;
}

/** Options shared by every version's client. */
export interface TransportOptions {
  /** Service root; default `https://earthengine.googleapis.com`. */
  baseUrl?: string;
  /** Called before each call with the method's scopes; sent as `Authorization: Bearer …`. */
  accessToken?: AccessTokenProvider;
  /** The fetch implementation, called as `fetch(url, init)`; default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Default limit for one call, retries included; default 120 000 ms; `Infinity` for none. */
  timeoutMs?: number;
  /** Default retry policy, or `false`; default `{ retries: 3, minDelayMs: 200, maxDelayMs: 20000 }`. */
  retry?: RetryOptions | false;
  /**
   * The Cloud project: resolves bare task ids in the helpers, and is sent as `x-goog-user-project`
   * (billing and quota). Default `earthengine-legacy`, which is never sent.
   */
  project?: string;
  /** Extra headers for every request; those the client sets itself (Authorization, user-agent, …) are refused. */
  headers?: Record<string, string>;
  /** Put in front of the library's own `user-agent` (`ee-operations-client/<version>`). */
  userAgent?: string;
  /** Most bytes of a response body read; past it the call rejects with ResponseTooLargeError. Default 32 MiB. */
  maxResponseBytes?: number;
}

/** Per-call options, the last argument of every method. */
export interface CallOptions {
  /** Aborts the call, backoff included; the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Limit for this call, retries included; rejects with TimeoutError. `Infinity` for none. */
  timeoutMs?: number;
  /** Retry policy for this call, or `false`. */
  retry?: RetryOptions | false;
}

/** What a method needs to know about itself at call time. */
export interface MethodInfo {
  readonly id: string;
  readonly httpMethod: string;
  readonly path: string;
  readonly template: string;
  /** The template, parsed once by the generator (bulk requests bind names against it). */
  readonly parsedTemplate: ParsedTemplate;
  readonly scopes: readonly string[];
  /** Safe to send again once it may have reached the server (from the spec's `x-google-idempotent`). */
  readonly idempotent: boolean;
  /** The query parameters, sent by queryString. */
  readonly query: QueryFields;
}

/** The connection a generated client runs on: where requests go, auth and policies. */
export interface Transport {
  readonly fetch: typeof globalThis.fetch;
  readonly timeoutMs: number;
  readonly retry: RetryPolicy | false;
  /** The service root, without a trailing slash. */
  readonly baseUrl: string;
  /** The `project` option, or `earthengine-legacy`. */
  readonly project: string;
  readonly maxResponseBytes: number;
  /**
   * Every header a request of `method` carries: Authorization (the token provider's wait bounded by the
   * signal), x-goog-user-project, x-goog-api-client, user-agent and the `headers` option. A new object
   * each time.
   */
  headersFor(method: MethodInfo, signal?: AbortSignal): Promise<Record<string, string>>;
}

/** What a call sends besides what the method's metadata says. */
export interface CallExtras<T> {
  /** The JSON request body, for methods that have one. */
  body?: unknown;
  /** The answer to a 2xx without a body (`{}` for google.protobuf.Empty); without it such a response is an error. */
  whenNoBody?: T;
}

/** Checks every option (a TypeError or RangeError before any request) and makes the transport. */
export function createTransport(options: TransportOptions, defaultBaseUrl: string = DEFAULT_BASE_URL): Transport {
  if (typeof options !== "object" || options === null) throw new TypeError("options must be an object");
  const baseUrl = checkBaseUrl(options.baseUrl ?? defaultBaseUrl);
  if (options.accessToken !== undefined && typeof options.accessToken !== "function") {
    throw new TypeError("accessToken must be a function (scopes) => token");
  }
  if (options.fetch !== undefined && typeof options.fetch !== "function")
    throw new TypeError("fetch must be a function");
  const project = options.project === undefined ? undefined : checkProject(options.project, "project");
  const fixed = fixedHeaders({ project, headers: options.headers, userAgent: options.userAgent });
  const maxResponseBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!Number.isSafeInteger(maxResponseBytes) || maxResponseBytes < 1)
    throw new RangeError(`maxResponseBytes must be a positive integer, got ${String(maxResponseBytes)}`);
  const accessToken = options.accessToken;
  return {
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: checkTimeout(options.timeoutMs) ?? DEFAULT_TIMEOUT_MS,
    retry: retryPolicy(options.retry, DEFAULT_RETRY),
    baseUrl,
    project: project ?? LEGACY_PROJECT,
    maxResponseBytes,
    async headersFor(method, signal) {
      const headers = { ...fixed };
      if (!accessToken) return headers;
      headers.authorization = await bearer(accessToken, method, signal);
      if (project === undefined && accessToken.quotaProject) {
        const quota = await untilAborted(() => accessToken.quotaProject!(), signal);
        if (quota !== undefined && quota !== LEGACY_PROJECT)
          headers["x-goog-user-project"] = checkProject(quota, "the credentials' quota project");
      }
      return headers;
    },
  };
}

// User info would be sent to the server and would show in every error that names the URL; the messages
// quote nothing of what was passed, since that is where a password would be.
function checkBaseUrl(baseUrl: unknown): string {
  if (typeof baseUrl === "string" && /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(baseUrl))
    throw new TypeError("baseUrl must not contain user info (user:password@); pass credentials with accessToken");
  if (typeof baseUrl !== "string" || !/^https?:\/\/[^/?#]+(\/[^?#]*)?$/i.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new TypeError(
      "baseUrl must be an http(s) URL without query or fragment, e.g. https://earthengine.googleapis.com",
    );
  }
  return baseUrl.replace(/\/+$/, "");
}

/**
 * Runs one API call: builds the URL from the method's metadata and the request (names and query checked
 * before any I/O), gets a token for the method's scopes, sends the request, retries transient failures,
 * and returns the parsed body.
 */
export async function call<T>(
  transport: Transport,
  method: MethodInfo,
  request: object,
  options: CallOptions | undefined,
  extras: CallExtras<T> = {},
): Promise<T> {
  // Checked before any I/O, like every name and query value.
  if (typeof request !== "object" || request === null)
    throw new TypeError(`${method.id}: the request must be an object`);
  const search = queryString(method, request);
  const url = `${transport.baseUrl}${requestPath(method, request)}${search && `?${search}`}`;
  const policy = retryPolicy(options?.retry, transport.retry);
  const timeoutMs = checkTimeout(options?.timeoutMs) ?? transport.timeoutMs;
  // No limit means no signal on the request unless the caller gave one (its cost: bench figures 4 and 5).
  const limit = deadline(options?.signal, timeoutMs, () => `${method.id} did not finish within ${timeoutMs} ms`);
  const signal = limit.signal;
  // Once the signal has aborted, whatever fails below rejects with its reason (the outer catch).
  try {
    const headers = await transport.headersFor(method, signal);
    // A redirect could answer for a server that was never asked (and to another origin): an error.
    const init: RequestInit = { method: method.httpMethod, headers, signal, redirect: "manual" };
    if (extras.body !== undefined) {
      init.body = JSON.stringify(extras.body);
      headers["content-type"] = "application/json";
    }
    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      let status = 0;
      try {
        const response = await transport.fetch(url, init);
        status = response.status;
        if (!response.ok) throw await apiErrorFromResponse(response, signal);
        // A 204 or 205 has no body stream: it reads as "", like an empty body.
        const text = await readBodyText(response, transport.maxResponseBytes, signal, method.id);
        if (text !== "") {
          const data: unknown = JSON.parse(text);
          if (typeof data !== "object" || data === null || Array.isArray(data))
            throw new ProtocolError(`${method.id}: the ${status} response body is not a JSON object`, {
              field: "(body)",
            });
          return data as T;
        }
        if (extras.whenNoBody !== undefined) return extras.whenNoBody;
        throw new ApiError({
          httpStatus: status,
          code: 2,
          message: `${method.id}: the ${status} response has no body`,
        });
      } catch (raw) {
        const error = classify(raw, method, status);
        const delay = retryDelay(policy, attempt, error, Math.random, method.idempotent);
        if (delay === undefined) throw error;
        await sleep(delay, signal);
      }
    }
  } catch (error) {
    throw signal?.aborted ? signal.reason : error;
  } finally {
    limit.done();
  }
}

// fetch and JSON.parse report failures as bare TypeErrors and SyntaxErrors; give them a type and the
// HTTP status (the client's own errors are neither). Messages never include the request, so never its
// Authorization header.
function classify(error: unknown, method: MethodInfo, status: number): unknown {
  if (error instanceof SyntaxError) {
    return new ApiError({
      httpStatus: status,
      code: 2,
      message: `${method.id}: the ${status} response is not valid JSON (${error.message})`,
    });
  }
  if (error instanceof TypeError) {
    const cause = (error as { cause?: { code?: string; message?: string; errors?: unknown } }).cause;
    const why = cause?.code ?? cause?.message ?? error.message;
    return new NetworkError(
      status
        ? `${method.id}: the connection broke while reading the ${status} response (${why})`
        : `${method.id}: the request failed (${why})`,
      { cause: error, httpStatus: status || undefined, notSent: !status && neverConnected(cause) },
    );
  }
  return error;
}

// Failures that happen before a connection exists, so before any byte of the request left.
const BEFORE_CONNECT = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN"]);

function neverConnected(cause: { code?: string; errors?: unknown } | undefined): boolean {
  // Several addresses tried (happy eyeballs): an AggregateError of per-address failures, all of which count.
  const errors = Array.isArray(cause?.errors) && cause.errors.length > 0 ? cause.errors : [cause];
  return errors.every((e) => BEFORE_CONNECT.has((e as { code?: string } | null)?.code ?? ""));
}

/** Checks a `timeoutMs` option (above 0, or Infinity for none); undefined when left out. */
export function checkTimeout(timeoutMs: unknown): number | undefined {
  return optionalDurationMs("timeoutMs", timeoutMs, { exclusiveMin: true, infinity: true });
}

async function bearer(provider: AccessTokenProvider, method: MethodInfo, signal?: AbortSignal): Promise<string> {
  const token = await untilAborted(() => provider(method.scopes), signal);
  // Checked here because fetch's own header error would quote the token.
  if (typeof token !== "string" || !/^[\x21-\x7e]+$/.test(token)) {
    throw new TypeError(`accessToken() must return a non-empty token of visible ASCII characters (for ${method.id})`);
  }
  return `Bearer ${token}`;
}
