// An in-memory emulator of Earth Engine's long-running operations API (projects.operations.*) for
// v1, v1beta and v1alpha, served over HTTP on 127.0.0.1. Node built-ins only.

import type { ApiContext } from "./api.js";
import { checkAuthSetting } from "./auth.js";
import { type Clock, manualClock, realClock } from "./clock.js";
import { createFaultQueue } from "./faults.js";
import { ApiError } from "./google-error.js";
import { createRequestLog, DEFAULT_MAX_RECORDED } from "./recorder.js";
import { listen } from "./server.js";
import { createStore } from "./store.js";
import { type Emulator, type EmulatorOptions, METHOD_NAMES, type MethodName } from "./types.js";

// ResponseInfo is the brief's inline `onResponse` argument type, named so tests can use it.
export type {
  Emulator,
  EmulatorOptions,
  Fault,
  MethodName,
  RecordedRequest,
  ResponseInfo,
  SeedOperation,
} from "./types.js";

const DEFAULT_MAX_WAIT_MS = 10_000;

function checkMethods(methods: unknown): MethodName[] {
  if (!Array.isArray(methods) || methods.some((m) => !METHOD_NAMES.includes(m as MethodName))) {
    throw new ApiError("INVALID_ARGUMENT", `methods must be an array of ${METHOD_NAMES.join(", ")}`);
  }
  return methods as MethodName[];
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
  if (!Number.isFinite(maxWaitMs) || maxWaitMs < 0)
    throw new RangeError(`maxWaitMs must be a finite number >= 0, got ${maxWaitMs}`);
  const clock: Clock = options.clock === "real" ? realClock() : manualClock();
  const store = createStore();
  const faults = createFaultQueue();
  const auth = checkAuthSetting(options.auth ?? true);
  const log = createRequestLog(options.maxRecordedRequests ?? DEFAULT_MAX_RECORDED);
  const unimplemented = new Set<MethodName>();
  const api: ApiContext = { clock, store, maxWaitMs, unimplemented };

  const control = {
    get requests() {
      return log.list();
    },
    requestCount: () => log.total(),
    clearRequests: () => log.clear(),
    seed: (op = {}) => ({ name: store.seed(op, clock.now()).name }),
    advance(ms: number) {
      if (clock.kind !== "manual")
        throw new ApiError(
          "FAILED_PRECONDITION",
          "advance() needs the manual clock; this emulator runs on the real clock.",
        );
      if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0)
        throw new ApiError("INVALID_ARGUMENT", `advance(ms) needs a finite ms >= 0, got ${ms}`);
      clock.advance(ms);
    },
    now: () => new Date(clock.now()),
    unimplement(methods: MethodName[]) {
      const valid = checkMethods(methods);
      unimplemented.clear();
      for (const m of valid) unimplemented.add(m);
    },
    fault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
  } satisfies Omit<Emulator, "url" | "close" | "connections">;

  const record = options.recordRequests ?? true;
  const server = await listen(
    { api, faults, admin: control, log: record ? log : undefined, auth, onResponse: options.onResponse },
    options.port ?? 0,
  );
  // Object.assign would read `requests` once; defining properties keeps it a live getter.
  return Object.defineProperties(control, {
    url: { value: server.url, enumerable: true },
    connections: { value: server.connections, enumerable: true },
    close: {
      value: async () => {
        clock.dispose();
        await server.close();
      },
      enumerable: true,
    },
  }) as Emulator;
}
