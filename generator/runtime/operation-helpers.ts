import { deadline, sleep } from "./abort.js";
import { ApiError, ProtocolError } from "./errors.js";
import type { RetryOptions } from "./retry.js";
import type { CallOptions } from "./transport.js";

/** The part of a google.longrunning Operation the helpers read. */
export interface LroOperation {
  name?: string;
  done?: boolean;
  error?: { code?: number; message?: string; details?: unknown[] };
}

/** The google.longrunning.Operations methods the helpers are built on. */
export interface OperationsMethods<Op extends LroOperation> {
  cancel(request: { name: string }, options?: CallOptions): Promise<unknown>;
  get(request: { name: string }, options?: CallOptions): Promise<Op>;
  wait(request: { name: string; body: { timeout?: string } }, options?: CallOptions): Promise<Op>;
  list(
    request: { name: string; filter?: string; pageSize?: number; pageToken?: string },
    options?: CallOptions,
  ): Promise<{ operations?: Op[]; nextPageToken?: string }>;
}

export interface WaitOptions {
  /** Give up after this long; rejects with TimeoutError. Default: no limit. */
  timeoutMs?: number;
  /** First delay between polls (when `wait` is unimplemented or answers early); default 1000. */
  pollIntervalMs?: number;
  signal?: AbortSignal;
  /** Retry policy of each underlying call. */
  retry?: RetryOptions | false;
}

export interface ListOptions {
  filter?: string;
  pageSize?: number;
  signal?: AbortSignal;
  /** Limit for each page's request. */
  timeoutMs?: number;
  retry?: RetryOptions | false;
}

export interface CancelManyOptions {
  /** Most requests in flight at once; default 8. */
  concurrency?: number;
  signal?: AbortSignal;
  /** Limit for each cancel request. */
  timeoutMs?: number;
  retry?: RetryOptions | false;
}

export type CancelOutcome<Op> = { outcome: "CANCELLED" | "SUCCEEDED" | "FAILED"; operation: Op };
export type CancelManyResult = { name: string; ok: true } | { name: string; ok: false; error: unknown };

export interface OperationHelpers<Op extends LroOperation> {
  /** Resolves with the operation once done: `wait` in a loop, or polling `get` where `wait` is UNIMPLEMENTED. */
  waitForOperation(name: string, options?: WaitOptions): Promise<Op>;
  /** Cancels, waits, and tells how it ended; a failed `cancel` rejects with its ApiError. */
  cancelAndWait(name: string, options?: WaitOptions): Promise<CancelOutcome<Op>>;
  /** Every operation under `parent`, fetching pages lazily. */
  listOperations(parent: string, options?: ListOptions): AsyncIterable<Op>;
  /** Cancels each name, at most `concurrency` at a time; one result per name, in input order. */
  cancelMany(names: readonly string[], options?: CancelManyOptions): Promise<CancelManyResult[]>;
}

const MAX_POLL_MS = 30_000;
const MAX_WAIT_S = 60;
const UNIMPLEMENTED = 12;
const CANCELLED = 1;

export function operationHelpers<Op extends LroOperation>(ops: OperationsMethods<Op>): OperationHelpers<Op> {
  async function waitForOperation(name: string, options: WaitOptions = {}): Promise<Op> {
    const { timeoutMs, pollIntervalMs = 1000, signal: userSignal, retry } = options;
    if (!(pollIntervalMs > 0)) throw new RangeError(`pollIntervalMs must be > 0, got ${pollIntervalMs}`);
    const start = Date.now();
    const limit = deadline(userSignal, timeoutMs, () => `waitForOperation: ${name} was not done after ${timeoutMs} ms`);
    const signal = limit.signal;
    const call = { signal, retry };
    try {
      let useWait = true;
      let delay = pollIntervalMs;
      for (;;) {
        const began = Date.now();
        let op: Op;
        if (useWait) {
          const left =
            timeoutMs === undefined
              ? MAX_WAIT_S
              : Math.min(MAX_WAIT_S, Math.max(0, (timeoutMs - (began - start)) / 1000));
          try {
            op = await ops.wait({ name, body: { timeout: `${left.toFixed(3).replace(/\.?0+$/, "")}s` } }, call);
          } catch (error) {
            if (!(error instanceof ApiError && error.code === UNIMPLEMENTED)) throw error;
            useWait = false;
            op = await ops.get({ name }, call);
          }
        } else {
          op = await ops.get({ name }, call);
        }
        if (op.done) return op;
        // `wait` may answer early and `get` always does: back off so that we never spin.
        await sleep(Math.max(0, delay - (Date.now() - began)), signal);
        delay = Math.min(delay * 2, Math.max(MAX_POLL_MS, pollIntervalMs));
      }
    } catch (error) {
      throw signal?.aborted ? signal.reason : error;
    } finally {
      limit.done();
    }
  }

  return {
    waitForOperation,

    async cancelAndWait(name, options = {}) {
      await ops.cancel({ name }, { signal: options.signal, retry: options.retry });
      const operation = await waitForOperation(name, options);
      const code = operation.error?.code;
      const outcome = operation.error === undefined ? "SUCCEEDED" : code === CANCELLED ? "CANCELLED" : "FAILED";
      return { outcome, operation };
    },

    listOperations(parent, options = {}) {
      return {
        async *[Symbol.asyncIterator]() {
          const { filter, pageSize, signal, timeoutMs, retry } = options;
          const seen = new Set<string>();
          let pageToken: string | undefined;
          do {
            const page = await ops.list({ name: parent, filter, pageSize, pageToken }, { signal, timeoutMs, retry });
            yield* page.operations ?? [];
            pageToken = page.nextPageToken || undefined;
            if (pageToken !== undefined) {
              if (seen.has(pageToken))
                throw new ProtocolError(
                  `list ${parent}: the server repeated the page token ${JSON.stringify(pageToken.slice(0, 40))}`,
                );
              seen.add(pageToken);
            }
          } while (pageToken !== undefined);
        },
      };
    },

    async cancelMany(names, options = {}) {
      const { concurrency = 8, signal, timeoutMs, retry } = options;
      if (!Number.isInteger(concurrency) || concurrency < 1)
        throw new RangeError(`concurrency must be a positive integer, got ${concurrency}`);
      const results: CancelManyResult[] = new Array(names.length);
      let next = 0;
      const worker = async () => {
        while (next < names.length) {
          const i = next++;
          const name = names[i]!;
          try {
            await ops.cancel({ name }, { signal, timeoutMs, retry });
            results[i] = { name, ok: true };
          } catch (error) {
            results[i] = { name, ok: false, error };
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, names.length) }, worker));
      return results;
    },
  };
}
