// One chunk of cancelMany / getMany as Google HTTP batch requests (batch.ts frames them): retries of
// the transient failures, each inner answer read as the single call would have read it.
import { deadline, sleep } from "./abort.js";
import { type BatchResponsePart, batchBoundary, encodeBatch, parseBatchReply } from "./batch.js";
import { readBodyText } from "./body.js";
import {
  ApiError,
  apiErrorFromResponse,
  type ClientError,
  isClientError,
  NetworkError,
  ProtocolError,
  TimeoutError,
} from "./errors.js";
import { type RetryPolicy, retryDelay } from "./retry.js";
import type { MethodInfo, Transport } from "./transport.js";

/** What bulk calls need from the client's transport. */
export type BulkTransport = Pick<
  Transport,
  "baseUrl" | "project" | "fetch" | "timeoutMs" | "retry" | "maxResponseBytes" | "headersFor"
>;

/** Where batches go, and whether the server has answered one (learned once per client). */
export interface BatchEndpoint {
  /** `{baseUrl}/batch`. */
  readonly url: string;
  supported: boolean | undefined;
}

export interface Item {
  /** Position in the input; also the part's Content-ID. */
  index: number;
  name: string;
  path: string;
}

/** One item's final answer: the value its single call would have resolved with, or the error. */
export type ItemOutcome<T> = { ok: true; value: T } | { ok: false; error: ClientError };

export type Settle<T> = (index: number, outcome: ItemOutcome<T>) => void;

/**
 * Sends `group` as batch requests until every item has a final answer or the retry policy runs
 * out. Resolves with the items to send one by one instead (all of them when the server has no
 * /batch), settling the rest.
 */
export async function sendChunk<T>(
  endpoint: BatchEndpoint,
  transport: BulkTransport,
  kind: "cancel" | "get",
  method: MethodInfo,
  group: Item[],
  policy: RetryPolicy | false,
  timeoutMs: number | undefined,
  callerSignal: AbortSignal,
  settle: Settle<T>,
): Promise<Item[]> {
  const limitMs = timeoutMs ?? transport.timeoutMs;
  const limit = deadline(callerSignal, limitMs, () => `${method.id} batch did not finish within ${limitMs} ms`);
  const signal = limit.signal!;
  let pending = group;
  try {
    for (let attempt = 0; ; attempt++) {
      let reply: Map<string, BatchResponsePart>;
      try {
        reply = await post(endpoint, transport, method, pending, signal);
      } catch (raw) {
        if (signal.aborted) throw signal.reason;
        const error = raw as ClientError;
        if (
          error instanceof ApiError &&
          (error.httpStatus === 404 || error.httpStatus === 501) &&
          !endpoint.supported
        ) {
          endpoint.supported = false;
          return pending;
        }
        if (!isClientError(error)) throw error;
        const delay = retryDelay(policy, attempt, error, Math.random, method.idempotent);
        if (delay === undefined) {
          for (const item of pending) settle(item.index, { ok: false, error });
          return [];
        }
        await sleep(delay, signal);
        continue;
      }
      endpoint.supported = true;
      const again: { item: Item; delay: number }[] = [];
      for (const item of pending) {
        const part = reply.get(String(item.index));
        if (part === undefined) {
          const error = new ProtocolError(`The batch reply has no part for ${JSON.stringify(item.name.slice(0, 200))}`);
          settle(item.index, { ok: false, error });
        } else if (part.status >= 200 && part.status < 300) {
          try {
            settle(item.index, { ok: true, value: innerValue(kind, method, part) as T });
          } catch (error) {
            settle(item.index, { ok: false, error: error as ApiError });
          }
        } else {
          const error = await innerError(part);
          const delay = retryDelay(policy, attempt, error, Math.random, method.idempotent);
          if (delay === undefined) settle(item.index, { ok: false, error });
          else again.push({ item, delay });
        }
      }
      if (again.length === 0) return [];
      // Only the transient failures are sent again, after the longest delay any of them asks for.
      const delay = Math.max(...again.map((retry) => retry.delay));
      pending = again.map(({ item }) => item);
      await sleep(delay, signal);
    }
  } catch (error) {
    // The batch's own time limit ran out: that is each pending item's answer, as for a single call.
    if (error instanceof TimeoutError && !callerSignal.aborted) {
      for (const item of pending) settle(item.index, { ok: false, error });
      return [];
    }
    throw error;
  } finally {
    limit.done();
  }
}

/** One batch request: the parsed reply, or the error a single call would have thrown. */
async function post(
  endpoint: BatchEndpoint,
  transport: BulkTransport,
  method: MethodInfo,
  items: Item[],
  signal: AbortSignal,
): Promise<Map<string, BatchResponsePart>> {
  const headers = await transport.headersFor(method, signal);
  const inner: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (!/^content-/i.test(key)) inner[key] = value;
  const boundary = batchBoundary();
  const body = encodeBatch(
    items.map((item) => ({ id: String(item.index), method: method.httpMethod, path: item.path, headers: inner })),
    boundary,
  );
  let status = 0;
  try {
    const response = await transport.fetch(endpoint.url, {
      method: "POST",
      headers: { ...inner, "Content-Type": `multipart/mixed; boundary=${boundary}` },
      body,
      signal,
      // A redirect could answer for a server that was never asked: an error, as for single calls.
      redirect: "manual",
    });
    status = response.status;
    if (!response.ok) throw await apiErrorFromResponse(response, signal);
    const text = await readBodyText(response, transport.maxResponseBytes, signal);
    return parseBatchReply(response.headers.get("content-type"), text);
  } catch (error) {
    if (signal.aborted || isClientError(error)) throw error;
    // fetch reports refused connections and bodies cut off mid-way as TypeErrors.
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new NetworkError(
      status
        ? `${method.id} batch: the connection broke while reading the ${status} response (${why})`
        : `${method.id} batch: the request failed (${why})`,
      { cause: error, httpStatus: status || undefined },
    );
  }
}

/** A 2xx inner response as the value a single call would have resolved with (or its error). */
function innerValue(kind: "cancel" | "get", method: MethodInfo, part: BatchResponsePart): object {
  if (part.body.trim() === "") {
    if (kind === "cancel") return {};
    throw new ApiError({
      httpStatus: part.status,
      code: 2,
      message: `${method.id}: the ${part.status} response has no body`,
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(part.body);
  } catch (error) {
    throw new ApiError({
      httpStatus: part.status,
      code: 2,
      message: `${method.id}: the ${part.status} response is not valid JSON (${(error as Error).message})`,
    });
  }
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw new ProtocolError(`${method.id}: the ${part.status} response body is not a JSON object`, { field: "(body)" });
  return value;
}

/** A failed inner response as the ApiError a single call would have thrown (same body parsing). */
async function innerError(part: BatchResponsePart): Promise<ApiError> {
  const statusText = /^[\t\x20-\x7e]*$/.test(part.statusText) ? part.statusText : "";
  const headers = new Headers();
  const retryAfter = part.headers["retry-after"];
  if (retryAfter !== undefined && /^[\t\x20-\x7e]*$/.test(retryAfter)) headers.set("retry-after", retryAfter);
  return apiErrorFromResponse(new Response(part.body, { status: part.status, statusText, headers }));
}
