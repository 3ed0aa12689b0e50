import { deadline, sleep } from "./abort.js";
import { type BatchResponsePart, batchBoundary, encodeBatch, parseBatchReply } from "./batch.js";
import { readBodyText } from "./body.js";
import { optionalDurationMs } from "./durations.js";
import {
  ApiError,
  apiErrorFromResponse,
  type ClientError,
  InvalidNameError,
  NetworkError,
  ProtocolError,
  TimeoutError,
} from "./errors.js";
import { type LroOperation, type NamedOperation, readOperation } from "./operation-json.js";
import { operationName } from "./operation-name.js";
import { requestPath } from "./resource-name.js";
import { type RetryOptions, type RetryPolicy, retryDelay, retryPolicy } from "./retry.js";
import type { CallOptions, MethodInfo, Transport } from "./transport.js";

// cancelMany and getMany: Google HTTP batch requests to `{baseUrl}/batch`, falling back to one call
// per name where the server has no batch endpoint.

/**
 * Calls per batch request. Google's batch endpoints take at most 1000; Earth Engine documents no
 * limit of its own, and the Google APIs that set one (Cloud Storage, Drive) set 100, so 100 is the
 * largest size every Google batch endpoint we know of accepts.
 */
export const BATCH_SIZE = 100;

export interface BulkOptions {
  /** Most HTTP requests in flight at once (batches or single calls); default 8. */
  concurrency?: number;
  /** Aborts the whole call: it rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Limit for each HTTP request (a batch, or one call where batching is off), retries included. */
  timeoutMs?: number;
  retry?: RetryOptions | false;
  /** Send Google HTTP batch requests (default); `false` sends one request per name. */
  batch?: boolean;
}

export type CancelManyOptions = BulkOptions;
/** One per input name, in input order; `name` is the full operation name (a bare task id resolved). */
export type CancelManyResult = { name: string; ok: true } | { name: string; ok: false; error: ClientError };
export type GetManyResult<Op> =
  | { name: string; ok: true; operation: NamedOperation<Op> }
  | { name: string; ok: false; error: ClientError };

/** What bulk calls need from the client's transport. */
export type BulkTransport = Pick<
  Transport,
  "baseUrl" | "project" | "fetch" | "timeoutMs" | "retry" | "maxResponseBytes" | "headersFor"
>;

export interface BulkMethods<Op> {
  cancel(request: { name: string }, options?: CallOptions): Promise<unknown>;
  get(request: { name: string }, options?: CallOptions): Promise<Op>;
}

interface Item {
  /** Position in the input; also the part's Content-ID. */
  index: number;
  name: string;
  path: string;
}

type Settle<T> = (index: number, outcome: { ok: true; value: T } | { ok: false; error: ClientError }) => void;

const isClientError = (error: unknown): error is ClientError =>
  error instanceof ApiError ||
  error instanceof NetworkError ||
  error instanceof TimeoutError ||
  error instanceof ProtocolError ||
  error instanceof InvalidNameError;

/**
 * A bare task id resolved against `project`, then checked against the method's template (or, without
 * method metadata, against projects/*\/operations/**). Throws InvalidNameError.
 */
function resolve(method: MethodInfo | undefined, project: string, input: string): { name: string; path: string } {
  const name = typeof input === "string" && !input.includes("/") ? operationName(input, project) : input;
  return method ? { name, path: requestPath(method, { name }) } : { name: operationName(name), path: "" };
}

/** At most `size` tasks running at once. */
function limiter(size: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const queue: (() => void)[] = [];
  return async (task) => {
    if (running >= size) await new Promise<void>((resolve) => queue.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      queue.shift()?.();
    }
  };
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

export interface BulkOperations<Op> {
  cancelMany(names: readonly string[], options?: CancelManyOptions): Promise<CancelManyResult[]>;
  getMany(names: readonly string[], options?: BulkOptions): Promise<GetManyResult<Op>[]>;
}

/**
 * cancelMany and getMany over `ops`. With `wire` (the transport and the methods' metadata) they send
 * HTTP batch requests; without it, one call per name.
 */
export function bulkOperations<Op extends LroOperation>(
  ops: BulkMethods<Op>,
  project: string,
  wire?: { transport: BulkTransport; methods: { cancel: MethodInfo; get: MethodInfo } },
): BulkOperations<Op> {
  // Learned from the first batch request: a server without /batch is not asked again.
  let batchSupported: boolean | undefined = wire ? undefined : false;
  const baseUrl = wire?.transport.baseUrl.replace(/\/+$/, "") ?? "";
  const prefix = wire ? new URL(baseUrl).pathname.replace(/\/+$/, "") : "";

  async function run<T>(
    kind: "cancel" | "get",
    names: readonly string[],
    options: BulkOptions,
  ): Promise<({ name: string; ok: true; value: T } | { name: string; ok: false; error: ClientError })[]> {
    const { concurrency = 8, signal: userSignal, timeoutMs, retry, batch = true } = options;
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
    if (!Array.isArray(names)) throw new TypeError("names must be an array of operation names or task ids");
    const policy = retryPolicy(retry, wire?.transport.retry ?? false);
    optionalDurationMs("timeoutMs", timeoutMs, { exclusiveMin: true, infinity: true });
    const method = wire?.methods[kind];
    userSignal?.throwIfAborted();

    const results: ({ name: string; ok: true; value: T } | { name: string; ok: false; error: ClientError })[] =
      new Array(names.length);
    const items: Item[] = [];
    const resolved = names.map(String);
    names.forEach((input, index) => {
      try {
        const { name, path } = resolve(method, project, input);
        resolved[index] = name;
        items.push({ index, name, path: prefix + path });
      } catch (error) {
        if (!(error instanceof InvalidNameError)) throw error;
        results[index] = { name: String(input), ok: false, error };
      }
    });
    const settle: Settle<T> = (index, outcome) => {
      const name = resolved[index]!;
      results[index] = outcome.ok
        ? { name, ok: true, value: outcome.value }
        : { name, ok: false, error: outcome.error };
    };
    // One failure that is not a per-item error (an abort, a token provider's error) stops every request.
    const stop = new AbortController();
    const signal = userSignal ? AbortSignal.any([userSignal, stop.signal]) : stop.signal;
    const limit = limiter(concurrency);

    const single = (item: Item) =>
      limit(async () => {
        signal.throwIfAborted();
        const call = { signal, timeoutMs, retry };
        try {
          const value =
            kind === "cancel" ? await ops.cancel({ name: item.name }, call) : await ops.get({ name: item.name }, call);
          settle(item.index, { ok: true, value: value as T });
        } catch (error) {
          if (!isClientError(error) || signal.aborted) throw signal.aborted ? signal.reason : error;
          settle(item.index, { ok: false, error });
        }
      });

    const chunk = async (group: Item[]): Promise<void> => {
      if (batch === false || batchSupported === false || !wire || !method) {
        await Promise.all(group.map(single));
        return;
      }
      const left = await limit(() => sendChunk(wire.transport, kind, method, group, policy, timeoutMs, signal, settle));
      if (left.length > 0) await Promise.all(left.map(single));
    };

    try {
      const groups: Item[][] = [];
      for (let i = 0; i < items.length; i += BATCH_SIZE) groups.push(items.slice(i, i + BATCH_SIZE));
      // Until a server has answered one batch, ask with one only, so that a server without /batch
      // sees a single probe.
      if (batchSupported === undefined && batch !== false && groups.length > 0) await chunk(groups.shift()!);
      await Promise.all(groups.map(chunk));
    } catch (error) {
      stop.abort(error);
      throw userSignal?.aborted ? userSignal.reason : error;
    }
    return results;
  }

  /**
   * Sends `group` as batch requests until every item has a final answer or the retry policy runs
   * out. Resolves with the items to send one by one instead (all of them when the server has no
   * /batch), settling the rest.
   */
  async function sendChunk<T>(
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
    const limit = deadline(
      callerSignal,
      limitMs === Infinity ? undefined : limitMs,
      () => `${method.id} batch did not finish within ${limitMs} ms`,
    );
    const signal = limit.signal!;
    let pending = group;
    try {
      for (let attempt = 0; ; attempt++) {
        let reply: Map<string, BatchResponsePart>;
        try {
          reply = await post(transport, method, pending, signal);
        } catch (raw) {
          if (signal.aborted) throw signal.reason;
          const error = raw as ClientError;
          if (error instanceof ApiError && (error.httpStatus === 404 || error.httpStatus === 501) && !batchSupported) {
            batchSupported = false;
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
        batchSupported = true;
        const again: { item: Item; delay: number }[] = [];
        for (const item of pending) {
          const part = reply.get(String(item.index));
          if (part === undefined) {
            const error = new ProtocolError(
              `The batch reply has no part for ${JSON.stringify(item.name.slice(0, 200))}`,
            );
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
      const response = await transport.fetch(`${baseUrl}/batch`, {
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

  return {
    async cancelMany(names, options = {}) {
      const results = await run<unknown>("cancel", names, options);
      return results.map((r) => (r.ok ? { name: r.name, ok: true } : r));
    },
    async getMany(names, options = {}) {
      const results = await run<Op>("get", names, options);
      return results.map((r) => {
        if (!r.ok) return r;
        try {
          const op = readOperation<Op>(r.value);
          return {
            name: r.name,
            ok: true,
            operation: (op.name === undefined ? { ...op, name: r.name } : op) as NamedOperation<Op>,
          };
        } catch (error) {
          return { name: r.name, ok: false, error: error as ProtocolError };
        }
      });
    },
  };
}
