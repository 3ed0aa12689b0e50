import {
  type BatchEndpoint,
  type BulkTransport,
  type Item,
  type ItemOutcome,
  type Settle,
  sendChunk,
} from "./batch-request.js";
import { type ClientError, InvalidNameError, isClientError, type ProtocolError } from "./errors.js";
import { type LroOperation, type NamedOperation, readOperation, withName } from "./operation-json.js";
import { operationName } from "./operation-name.js";
import { requestPath } from "./resource-name.js";
import { type RetryOptions, retryPolicy } from "./retry.js";
import { type CallOptions, checkTimeout, type MethodInfo } from "./transport.js";

export type { BulkTransport } from "./batch-request.js";

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

export interface BulkMethods<Op> {
  cancel(request: { name: string }, options?: CallOptions): Promise<unknown>;
  get(request: { name: string }, options?: CallOptions): Promise<Op>;
}

/**
 * A bare task id resolved against `project`, then checked against the method's template (or, without
 * method metadata, against projects/*\/operations/**). Throws InvalidNameError.
 */
function resolve(method: MethodInfo | undefined, project: string, input: string): { name: string; path: string } {
  if (!method) return { name: operationName(input, project), path: "" };
  const name = typeof input === "string" && !input.includes("/") ? operationName(input, project) : input;
  return { name, path: requestPath(method, { name }) };
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
  // The transport's baseUrl has no trailing slash (createTransport strips it).
  const baseUrl = wire?.transport.baseUrl ?? "";
  // Learned from the first batch request: a server without /batch is not asked again.
  const endpoint: BatchEndpoint = { url: `${baseUrl}/batch`, supported: wire ? undefined : false };
  const prefix = wire ? new URL(baseUrl).pathname.replace(/\/+$/, "") : "";

  async function run<T>(
    kind: "cancel" | "get",
    names: readonly string[],
    options: BulkOptions,
  ): Promise<({ name: string } & ItemOutcome<T>)[]> {
    const { concurrency = 8, signal: userSignal, timeoutMs, retry, batch = true } = options;
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
    if (!Array.isArray(names)) throw new TypeError("names must be an array of operation names or task ids");
    const policy = retryPolicy(retry, wire?.transport.retry ?? false);
    checkTimeout(timeoutMs);
    const method = wire?.methods[kind];
    userSignal?.throwIfAborted();

    const results: ({ name: string } & ItemOutcome<T>)[] = new Array(names.length);
    const items: Item[] = [];
    const resolved = names.map(String);
    // Every index, holes of a sparse array included (forEach would skip them): one result per position.
    for (let index = 0; index < names.length; index++) {
      const input = names[index]!;
      try {
        const { name, path } = resolve(method, project, input);
        resolved[index] = name;
        items.push({ index, name, path: prefix + path });
      } catch (error) {
        if (!(error instanceof InvalidNameError)) throw error;
        results[index] = { name: String(input), ok: false, error };
      }
    }
    const settle: Settle<T> = (index, outcome) => {
      results[index] = { name: resolved[index]!, ...outcome };
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
      if (batch === false || endpoint.supported === false || !wire || !method) {
        await Promise.all(group.map(single));
        return;
      }
      const left = await limit(() =>
        sendChunk(endpoint, wire.transport, kind, method, group, policy, timeoutMs, signal, settle),
      );
      if (left.length > 0) await Promise.all(left.map(single));
    };

    try {
      const groups: Item[][] = [];
      for (let i = 0; i < items.length; i += BATCH_SIZE) groups.push(items.slice(i, i + BATCH_SIZE));
      // Until a server has answered one batch, ask with one only, so that a server without /batch
      // sees a single probe.
      if (endpoint.supported === undefined && batch !== false && groups.length > 0) await chunk(groups.shift()!);
      await Promise.all(groups.map(chunk));
    } catch (error) {
      stop.abort(error);
      throw userSignal?.aborted ? userSignal.reason : error;
    }
    return results;
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
          return { name: r.name, ok: true, operation: withName(readOperation<Op>(r.value), r.name) };
        } catch (error) {
          return { name: r.name, ok: false, error: error as ProtocolError };
        }
      });
    },
  };
}
