// Waiting with ONE loop. One operation: the package's waitForOperation, whose onProgress drives the
// progress. Several: each round reads every operation still running with one getMany (HTTP batch, or
// bounded concurrency where the server has no batch endpoint), shows the progress, and sleeps; however
// many names are waited for, there is never more than one round in flight, so 300 names cost a few
// requests a round, not 300 pollers.
import { setTimeout as sleep } from "node:timers/promises";
import { ApiError, InvalidNameError, TimeoutError } from "ee-operations-client";
import { WaitTimeoutError } from "./errors.js";
import type { Progress } from "./progress.js";
import type { CliClient, CliOperation } from "./types.js";

export type Settled = { operation: CliOperation; error?: undefined } | { operation?: undefined; error: unknown };

export interface PollOptions {
  /** Give up on operations not done after this long (WaitTimeoutError); undefined: no limit. */
  timeoutMs: number | undefined;
  /** Ctrl-C: stops the loop at once; unsettled operations are left out of `settled`. */
  signal: AbortSignal;
  progress: Progress;
  /** States already known (e.g. read before a cancel); done ones are not read again. */
  known?: ReadonlyMap<string, CliOperation>;
  /** First pause between rounds; it grows by half each round up to `maxIntervalMs`. */
  intervalMs?: number;
  maxIntervalMs?: number;
}

export interface PollResult {
  /** How each operation ended (done, or an error), for every name that settled. */
  settled: Map<string, Settled>;
  /** The last state read of every operation, done or not. */
  latest: Map<string, CliOperation>;
  interrupted: boolean;
}

/** Most rounds in a row an operation may fail to be read (after the client's own retries). */
const MAX_FAILED_ROUNDS = 3;
/** Limit of one round's getMany, so that a stalled round cannot eat the whole wait. */
const ROUND_TIMEOUT_MS = 60_000;
// Errors worth another round; any other error settles the operation with it.
const TRANSIENT = new Set(["UNAVAILABLE", "DEADLINE_EXCEEDED", "RESOURCE_EXHAUSTED", "ABORTED", "INTERNAL"]);

export async function pollUntilDone(
  ee: CliClient,
  names: readonly string[],
  options: PollOptions,
): Promise<PollResult> {
  const { timeoutMs, signal, progress, intervalMs = 1000, maxIntervalMs = 5000 } = options;
  const distinct = [...new Set(names)];
  if (distinct.length === 1) return waitOne(ee, distinct[0]!, options);
  const start = Date.now();
  const deadline = timeoutMs === undefined ? Infinity : start + timeoutMs;
  const settled = new Map<string, Settled>();
  const latest = new Map<string, CliOperation>();
  const failedRounds = new Map<string, number>();
  for (const name of names) {
    const op = options.known?.get(name);
    if (op === undefined) continue;
    latest.set(name, op);
    if (op.done === true) settled.set(name, { operation: op });
  }
  let pending = distinct.filter((name) => !settled.has(name));
  let pause = intervalMs;

  while (pending.length > 0 && !signal.aborted) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    let results: { name: string; ok: boolean; operation?: CliOperation; error?: unknown }[];
    try {
      results = await ee.getMany(pending, { signal, timeoutMs: Math.min(remaining, ROUND_TIMEOUT_MS) });
    } catch (error) {
      if (signal.aborted) break;
      results = pending.map((name) => ({ name, ok: false as const, error }));
    }
    for (const result of results) {
      if (result.ok && result.operation) {
        latest.set(result.name, result.operation);
        failedRounds.delete(result.name);
        if (result.operation.done === true) settled.set(result.name, { operation: result.operation });
        continue;
      }
      const error = result.error ?? new Error(`${result.name}: the server sent no operation`);
      const failures = (failedRounds.get(result.name) ?? 0) + 1;
      failedRounds.set(result.name, failures);
      if (!isTransient(error) || failures >= MAX_FAILED_ROUNDS) settled.set(result.name, { error });
    }
    if (latest.size > 0) progress.show(latest);
    pending = pending.filter((name) => !settled.has(name));
    if (pending.length === 0) break;
    const wait = Math.min(pause, deadline - Date.now());
    if (wait > 0) await sleep(wait, undefined, { signal }).catch(() => {});
    pause = Math.min(maxIntervalMs, pause * 1.5);
  }

  const interrupted = signal.aborted;
  if (!interrupted) {
    for (const name of pending) {
      settled.set(name, { error: notDoneAfter(name, timeoutMs) });
    }
  }
  return { settled, latest, interrupted };
}

/** One operation: waitForOperation, the progress shown from its onProgress (each change of metadata). */
async function waitOne(ee: CliClient, name: string, options: PollOptions): Promise<PollResult> {
  const { timeoutMs, signal, progress, intervalMs = 1000 } = options;
  const settled = new Map<string, Settled>();
  const latest = new Map<string, CliOperation>();
  const known = options.known?.get(name);
  if (known !== undefined) {
    latest.set(name, known);
    if (known.done === true) {
      settled.set(name, { operation: known });
      return { settled, latest, interrupted: false };
    }
  }
  const start = Date.now();
  try {
    const operation = await ee.waitForOperation(name, {
      timeoutMs,
      signal,
      pollIntervalMs: intervalMs,
      onProgress: (op) => {
        latest.set(name, op);
        progress.show(latest);
      },
    });
    latest.set(name, operation);
    settled.set(name, { operation });
  } catch (error) {
    if (signal.aborted) return { settled, latest, interrupted: true };
    // The wait's own limit (not one request's) is --timeout running out.
    const outOfTime = error instanceof TimeoutError && timeoutMs !== undefined && Date.now() - start >= timeoutMs;
    settled.set(name, {
      error: outOfTime ? notDoneAfter(name, timeoutMs) : error,
    });
  }
  return { settled, latest, interrupted: false };
}

const notDoneAfter = (name: string, timeoutMs: number | undefined): WaitTimeoutError =>
  new WaitTimeoutError(`${name} was not done after ${timeoutMs} ms`);

function isTransient(error: unknown): boolean {
  if (error instanceof InvalidNameError) return false;
  if (error instanceof ApiError) return TRANSIENT.has(error.status);
  return true;
}
