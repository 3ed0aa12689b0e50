import { deadline, sleep } from "./abort.js";
import {
  type BulkMethods,
  type BulkOptions,
  type BulkTransport,
  bulkOperations,
  type CancelManyResult,
  type GetManyResult,
} from "./bulk.js";
import { durationMs } from "./durations.js";
import { ApiError, ProtocolError } from "./errors.js";
import { LEGACY_PROJECT } from "./headers.js";
import {
  type LroOperation,
  type NamedOperation,
  type Outcome,
  outcomeOf,
  readListPage,
  readOperation,
  withName,
} from "./operation-json.js";
import { operationName } from "./operation-name.js";
import type { RetryOptions } from "./retry.js";
import { type CallOptions, checkTimeout, type MethodInfo, type Transport } from "./transport.js";

export type { BulkOptions, CancelManyOptions, CancelManyResult, GetManyResult } from "./bulk.js";
export type { LroOperation, NamedOperation } from "./operation-json.js";

/** The google.longrunning.Operations methods the helpers are built on. */
export interface OperationsMethods<Op extends LroOperation> extends BulkMethods<Op> {
  wait(request: { name: string; body: { timeout?: string } }, options?: CallOptions): Promise<Op>;
  list(
    request: { name: string; filter?: string; pageSize?: number; pageToken?: string },
    options?: CallOptions,
  ): Promise<{ operations?: Op[]; nextPageToken?: string }>;
}

export interface WaitOptions<Op extends LroOperation = LroOperation> {
  /** Give up after this long; rejects with TimeoutError. Default: no limit (`Infinity`). */
  timeoutMs?: number;
  /** First delay between polls (when `wait` is unimplemented or answers early); default 1000, at least 1. */
  pollIntervalMs?: number;
  signal?: AbortSignal;
  /** Retry policy of each underlying call. */
  retry?: RetryOptions | false;
  /**
   * Called with the operation each time its `metadata` changes (the first answer included, and the done
   * one if it changed). With a callback the first request is a `get`, so the first call comes at once;
   * then each `wait` asks the server for no more than the current poll delay, which starts again at
   * `pollIntervalMs` after each change and grows to 5 s at most while nothing changes. A throw rejects the
   * helper.
   */
  onProgress?: (operation: NamedOperation<Op>) => void;
}

export interface ListOptions {
  filter?: string;
  pageSize?: number;
  signal?: AbortSignal;
  /** Limit for each page's request. */
  timeoutMs?: number;
  retry?: RetryOptions | false;
}

export type CancelOutcome<Op> = { outcome: Outcome; operation: Op };

export interface OperationHelpers<Op extends LroOperation> {
  /**
   * Resolves with the operation once done: `wait` in a loop, or polling `get` where `wait` is UNIMPLEMENTED.
   * A bare task id is resolved against the client's `project`.
   */
  waitForOperation(name: string, options?: WaitOptions<Op>): Promise<NamedOperation<Op>>;
  /** Cancels, waits, and tells how it ended; a failed `cancel` rejects with its ApiError. One `timeoutMs` for both. */
  cancelAndWait(name: string, options?: WaitOptions<Op>): Promise<CancelOutcome<NamedOperation<Op>>>;
  /** Every operation under `parent`, fetching pages lazily. */
  listOperations(parent: string, options?: ListOptions): AsyncIterable<NamedOperation<Op>>;
  /**
   * Cancels each name (bare task ids resolved against `project`) through HTTP batch requests, or one
   * call per name where the server has no /batch or `batch: false`; one result per name, in input order.
   */
  cancelMany(names: readonly string[], options?: BulkOptions): Promise<CancelManyResult[]>;
  /** Gets each operation the same way as cancelMany. */
  getMany(names: readonly string[], options?: BulkOptions): Promise<GetManyResult<Op>[]>;
}

/** Method metadata of the resource, for helpers that build their own requests (e.g. HTTP batch). */
export interface OperationsMethodInfo {
  readonly cancel: MethodInfo;
  readonly get: MethodInfo;
}

const MAX_POLL_MS = 30_000;
// With a progress callback the delay grows only while nothing changes, and only this far: a progress
// display is never more than a few seconds behind (the CLI's own rounds grow to the same ceiling).
const MAX_PROGRESS_POLL_MS = 5_000;
const MAX_WAIT_MS = 60_000;
// Beyond the wait asked of the server: time for the request, the answer and retries of the call.
const WAIT_MARGIN_MS = 30_000;
const UNIMPLEMENTED = 12;

export function operationHelpers<Op extends LroOperation>(
  ops: OperationsMethods<Op>,
  transport?: Pick<Transport, "project"> | BulkTransport,
  methods?: OperationsMethodInfo,
): OperationHelpers<Op> {
  const project = transport?.project ?? LEGACY_PROJECT;
  const wire = transport && "headersFor" in transport && methods ? { transport, methods } : undefined;
  const bulk = bulkOperations(ops, project, wire);
  type Named = NamedOperation<Op>;
  /** WaitOptions once `bounded` has checked them, the poll interval's default filled in. */
  type Checked = WaitOptions<Op> & { pollIntervalMs: number };

  /** Polls until done; every call gets `signal`, which carries the helper's one deadline. */
  async function poll(name: string, options: Checked, signal: AbortSignal | undefined, endsAt: number) {
    const { retry, onProgress, pollIntervalMs } = options;
    const call = { signal, retry };
    let useWait = true;
    let delay = pollIntervalMs;
    let lastMetadata: string | undefined;
    const ceiling = Math.max(onProgress ? MAX_PROGRESS_POLL_MS : MAX_POLL_MS, pollIntervalMs);
    // With a callback, a first `get` reports the state at once instead of after the first wait.
    let first = onProgress !== undefined;
    for (;;) {
      const began = Date.now();
      let raw: Op;
      if (first) {
        raw = await ops.get({ name }, call);
      } else if (useWait) {
        // With a progress callback no single wait may block for long: at most the current poll delay.
        const askMs = Math.max(0, Math.min(MAX_WAIT_MS, endsAt - began, onProgress ? delay : Infinity));
        try {
          // The call may take what it asks the server for: the client's default timeoutMs is for
          // ordinary requests, and a shorter one would end every long poll early.
          const waitCall = { ...call, timeoutMs: askMs + WAIT_MARGIN_MS };
          raw = await ops.wait({ name, body: { timeout: seconds(askMs) } }, waitCall);
        } catch (error) {
          if (!(error instanceof ApiError && error.code === UNIMPLEMENTED)) throw error;
          useWait = false;
          raw = await ops.get({ name }, call);
        }
      } else {
        raw = await ops.get({ name }, call);
      }
      const named = withName(readOperation<Op>(raw), name);
      let changed = false;
      if (onProgress) {
        const metadata = JSON.stringify(named.metadata ?? null);
        if (metadata !== lastMetadata) {
          lastMetadata = metadata;
          changed = true;
          onProgress(named);
        }
      }
      if (named.done) return named;
      // `wait` may answer early and `get` always does: back off so that we never spin. The first `get`
      // is followed by a wait, which does the waiting.
      if (!first) await sleep(Math.max(0, delay - (Date.now() - began)), signal);
      first = false;
      delay = changed ? pollIntervalMs : Math.min(delay * 2, ceiling);
    }
  }

  /** Runs `work` under one deadline made of the caller's signal and `timeoutMs`. */
  async function bounded<T>(
    what: string,
    options: WaitOptions<Op>,
    work: (checked: Checked, signal: AbortSignal | undefined, endsAt: number) => Promise<T>,
  ): Promise<T> {
    // Checked before any request.
    const timeoutMs = checkTimeout(options.timeoutMs);
    const pollIntervalMs = durationMs("pollIntervalMs", options.pollIntervalMs ?? 1000, { min: 1 });
    if (options.onProgress !== undefined && typeof options.onProgress !== "function")
      throw new TypeError("onProgress must be a function");
    const checked = { ...options, pollIntervalMs };
    const limit = deadline(options.signal, timeoutMs, () => `${what} was not done after ${timeoutMs} ms`);
    const signal = limit.signal;
    try {
      signal?.throwIfAborted();
      return await work(checked, signal, timeoutMs === undefined ? Infinity : Date.now() + timeoutMs);
    } catch (error) {
      throw signal?.aborted ? signal.reason : error;
    } finally {
      limit.done();
    }
  }

  return {
    async waitForOperation(nameOrId, options = {}) {
      const name = operationName(nameOrId, project);
      return bounded(`waitForOperation: ${name}`, options, (checked, signal, endsAt) =>
        poll(name, checked, signal, endsAt),
      );
    },

    async cancelAndWait(nameOrId, options = {}) {
      const name = operationName(nameOrId, project);
      return bounded(`cancelAndWait: ${name}`, options, async (checked, signal, endsAt) => {
        await ops.cancel({ name }, { signal, retry: checked.retry });
        const operation = await poll(name, checked, signal, endsAt);
        return { outcome: outcomeOf(operation)!, operation };
      });
    },

    listOperations(parent, options = {}) {
      return {
        async *[Symbol.asyncIterator]() {
          const { filter, pageSize, signal, timeoutMs, retry } = options;
          const seen = new Set<string>();
          let pageToken: string | undefined;
          do {
            const raw = await ops.list({ name: parent, filter, pageSize, pageToken }, { signal, timeoutMs, retry });
            const page = readListPage<Op>(raw);
            page.operations.forEach((op, i) => {
              if (op.name === undefined)
                throw new ProtocolError(`list ${parent}: operations[${i}] has no name`, {
                  field: `operations[${i}].name`,
                });
            });
            yield* page.operations as Named[];
            pageToken = page.nextPageToken;
            if (pageToken !== undefined) {
              if (seen.has(pageToken))
                throw new ProtocolError(
                  `list ${parent}: the server repeated the page token ${JSON.stringify(pageToken.slice(0, 40))}`,
                  { field: "nextPageToken" },
                );
              seen.add(pageToken);
            }
          } while (pageToken !== undefined);
        },
      };
    },

    cancelMany: bulk.cancelMany,
    getMany: bulk.getMany,
  };
}

/** A google.protobuf.Duration of `ms`, in seconds with at most 3 decimals: 1500 → "1.5s". */
function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(3).replace(/\.?0+$/, "")}s`;
}
