// The helpers over a scripted fake of the four methods: exact call sequences, no network.
import { describe, expect, it, vi } from "vitest";
import { ApiError, InvalidNameError, ProtocolError, TimeoutError } from "../../generator/runtime/errors.js";
import {
  type LroOperation,
  type OperationsMethods,
  operationHelpers,
} from "../../generator/runtime/operation-helpers.js";

const unimplemented = () => new ApiError({ httpStatus: 501, code: 12, message: "not implemented" });

function fake(overrides: Partial<OperationsMethods<LroOperation>>, project?: string) {
  const calls: string[] = [];
  const notImplemented = (m: string) => async () => {
    throw new Error(`unexpected ${m}`);
  };
  const methods: OperationsMethods<LroOperation> = {
    cancel: notImplemented("cancel"),
    get: notImplemented("get"),
    wait: notImplemented("wait"),
    list: notImplemented("list"),
    ...overrides,
  };
  const logged = Object.fromEntries(
    Object.entries(methods).map(([k, fn]) => [
      k,
      (req: { name: string; body?: { timeout?: string } }, opts: unknown) => (
        calls.push(`${k} ${req.name}${req.body?.timeout ? ` ${req.body.timeout}` : ""}`), (fn as Function)(req, opts)
      ),
    ]),
  ) as unknown as OperationsMethods<LroOperation>;
  return { helpers: operationHelpers(logged, project ? { project } : undefined), calls };
}

describe("waitForOperation", () => {
  it("uses wait until done, asking for at most 60 s per call", async () => {
    let n = 0;
    const { helpers, calls } = fake({ wait: async ({ name }) => ({ name, done: ++n === 2 }) });
    await expect(helpers.waitForOperation("projects/p/operations/x", { pollIntervalMs: 1 })).resolves.toEqual({
      name: "projects/p/operations/x",
      done: true,
    });
    expect(calls).toEqual(["wait projects/p/operations/x 60s", "wait projects/p/operations/x 60s"]);
  });

  it("falls back to polling get with backoff when wait is UNIMPLEMENTED", async () => {
    let n = 0;
    const times: number[] = [];
    const { helpers, calls } = fake({
      wait: async () => {
        throw unimplemented();
      },
      get: async ({ name }) => (times.push(Date.now()), { name, done: ++n === 4 }),
    });
    const op = await helpers.waitForOperation("projects/p/operations/x", { pollIntervalMs: 20 });
    expect(op.done).toBe(true);
    expect(calls).toEqual([
      "wait projects/p/operations/x 60s",
      "get projects/p/operations/x",
      "get projects/p/operations/x",
      "get projects/p/operations/x",
      "get projects/p/operations/x",
    ]);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps[0]).toBeGreaterThanOrEqual(18);
    expect(gaps[1]).toBeGreaterThanOrEqual(38);
    expect(gaps[2]).toBeGreaterThanOrEqual(78);
  });

  it("never spins when wait answers at once with a not-done operation", async () => {
    let n = 0;
    const { helpers, calls } = fake({ wait: async ({ name }) => ({ name, done: false, n: n++ }) });
    const error = await helpers
      .waitForOperation("projects/p/operations/x", { timeoutMs: 120, pollIntervalMs: 20 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).message).toBe("waitForOperation: projects/p/operations/x was not done after 120 ms");
    expect(calls.length).toBeLessThanOrEqual(4); // 20 + 40 + 80 ms of backoff fit in 120 ms
    expect(calls[0]).toMatch(/^wait projects\/p\/operations\/x 0\.1[0-9]*s$/);
  });

  it("rejects with the caller's reason as soon as the signal aborts, mid-request", async () => {
    const { helpers } = fake({
      wait: (_, opts) =>
        new Promise((_, reject) => opts?.signal?.addEventListener("abort", () => reject(opts.signal!.reason))),
    });
    const controller = new AbortController();
    const pending = helpers.waitForOperation("projects/p/operations/x", {
      signal: controller.signal,
      timeoutMs: 10_000,
    });
    setTimeout(() => controller.abort(new Error("user stop")), 20);
    await expect(pending).rejects.toThrow("user stop");
  });

  it("rejects at once with an already-aborted signal, and passes other errors through", async () => {
    const { helpers } = fake({ wait: async () => ({ done: false }) });
    await expect(
      helpers.waitForOperation("projects/p/operations/x", { signal: AbortSignal.abort(new Error("gone")) }),
    ).rejects.toThrow("gone");
    const notFound = new ApiError({ httpStatus: 404, code: 5, message: "nope" });
    const f = fake({ wait: async () => Promise.reject(notFound) });
    await expect(f.helpers.waitForOperation("projects/p/operations/x")).rejects.toBe(notFound);
    await expect(f.helpers.waitForOperation("projects/p/operations/x", { pollIntervalMs: 0 })).rejects.toThrow(
      RangeError,
    );
  });
});

describe("cancelAndWait", () => {
  it.each([
    [{ done: true, error: { code: 1, message: "Cancelled." } }, "CANCELLED"],
    [{ done: true, response: {} }, "SUCCEEDED"],
    [{ done: true, error: { code: 13, message: "boom" } }, "FAILED"],
  ])("%j → %s", async (final, outcome) => {
    const { helpers, calls } = fake({ cancel: async () => ({}), wait: async () => final });
    await expect(helpers.cancelAndWait("projects/p/operations/x")).resolves.toEqual({
      outcome,
      operation: { ...final, name: "projects/p/operations/x" }, // the name asked for when the server omits it
    });
    expect(calls).toEqual(["cancel projects/p/operations/x", "wait projects/p/operations/x 60s"]);
  });

  it("rejects with cancel's ApiError and never waits", async () => {
    const { helpers, calls } = fake({ cancel: async () => Promise.reject(unimplemented()) });
    await expect(helpers.cancelAndWait("projects/p/operations/x")).rejects.toMatchObject({
      name: "ApiError",
      code: 12,
    });
    expect(calls).toEqual(["cancel projects/p/operations/x"]);
  });
});

describe("listOperations", () => {
  it("follows page tokens lazily and stops on an empty token", async () => {
    const pages: Record<string, { operations?: LroOperation[]; nextPageToken?: string }> = {
      "": { operations: [{ name: "a" }, { name: "b" }], nextPageToken: "t1" },
      t1: { operations: [], nextPageToken: "t2" },
      t2: { operations: [{ name: "c" }], nextPageToken: "" },
    };
    const { helpers, calls } = fake({ list: async (req) => pages[req.pageToken ?? ""]! });
    const iterator = helpers.listOperations("projects/p", { pageSize: 2 })[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toEqual({ name: "a" });
    expect(calls).toHaveLength(1);
    const rest: string[] = [];
    for (let r = await iterator.next(); !r.done; r = await iterator.next()) rest.push(r.value.name!);
    expect(rest).toEqual(["b", "c"]);
    expect(calls).toHaveLength(3);
  });

  it("fails clearly when the server repeats a token", async () => {
    const { helpers } = fake({ list: async () => ({ operations: [{ name: "a" }], nextPageToken: "same" }) });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const op of helpers.listOperations("projects/p")) seen.push(op.name!);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as Error).message).toBe('list projects/p: the server repeated the page token "same"');
    expect(seen).toEqual(["a", "a"]);
  });
});

describe("cancelMany", () => {
  it("one result per input in order, failures kept, never more than `concurrency` in flight", async () => {
    let inFlight = 0;
    let peak = 0;
    const { helpers } = fake({
      cancel: async ({ name }) => {
        peak = Math.max(peak, ++inFlight);
        await new Promise((r) => setTimeout(r, Math.random() * 5));
        inFlight--;
        if (name.endsWith("7")) throw new ApiError({ httpStatus: 404, code: 5, message: "missing" });
        return {};
      },
    });
    const names = Array.from({ length: 30 }, (_, i) => `projects/p/operations/op${i}`);
    const results = await helpers.cancelMany(names, { concurrency: 3 });
    expect(results.map((r) => r.name)).toEqual(names);
    expect(results.filter((r) => !r.ok).map((r) => r.name)).toEqual([
      "projects/p/operations/op7",
      "projects/p/operations/op17",
      "projects/p/operations/op27",
    ]);
    expect(peak).toBe(3);
    await expect(helpers.cancelMany(names, { concurrency: 0 })).rejects.toThrow(RangeError);
    await expect(helpers.cancelMany([])).resolves.toEqual([]);
  });

  it("a hole in a sparse array is a result of its own (an InvalidNameError), never a missing entry", async () => {
    const { helpers, calls } = fake({ cancel: async () => ({}) });
    // biome-ignore lint/suspicious/noSparseArray: the hole is the case under test.
    const results = await helpers.cancelMany([, "projects/p/operations/x"] as unknown as string[]);
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({ name: "undefined", ok: false, error: expect.any(InvalidNameError) });
    expect(results[1]).toEqual({ name: "projects/p/operations/x", ok: true });
    expect(calls).toEqual(["cancel projects/p/operations/x"]);
  });
});

describe("bounds and JSON mapping", () => {
  it("resolves bare task ids against the transport's project (earthengine-legacy without one)", async () => {
    const done = async ({ name }: { name: string }) => ({ name, done: true });
    const a = fake({ wait: done, cancel: async () => ({}) }, "my-project");
    await a.helpers.waitForOperation("ABC");
    await a.helpers.cancelAndWait("DEF");
    expect(a.calls).toEqual([
      "wait projects/my-project/operations/ABC 60s",
      "cancel projects/my-project/operations/DEF",
      "wait projects/my-project/operations/DEF 60s",
    ]);
    const b = fake({ wait: done });
    await b.helpers.waitForOperation("ABC");
    expect(b.calls).toEqual(["wait projects/earthengine-legacy/operations/ABC 60s"]);
    await expect(b.helpers.waitForOperation("not an id")).rejects.toThrow(InvalidNameError);
  });

  it("cancelAndWait: one deadline bounds the cancel too, and every call gets the signal", async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const { helpers } = fake({
      cancel: (_, opts) => {
        signals.push(opts?.signal);
        return new Promise((_, reject) => opts?.signal?.addEventListener("abort", () => reject(opts.signal!.reason)));
      },
    });
    const started = Date.now();
    const error = await helpers.cancelAndWait("projects/p/operations/x", { timeoutMs: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe("cancelAndWait: projects/p/operations/x was not done after 100 ms");
    expect(Date.now() - started).toBeLessThan(5000);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toBeInstanceOf(AbortSignal);
  });

  it("onProgress: called when metadata changes, each wait asking no longer than the poll delay", async () => {
    const answers = [
      { done: false, metadata: { state: "PENDING" } },
      { done: false, metadata: { state: "RUNNING", progress: 0.1 } },
      { done: false, metadata: { state: "RUNNING", progress: 0.1 } },
      { done: false, metadata: { state: "RUNNING", progress: 0.5 } },
      { done: true, metadata: { state: "SUCCEEDED", progress: 1 } },
    ];
    let n = 0;
    const answer = async ({ name }: { name: string }) => ({ name, ...answers[n++]! });
    const { helpers, calls } = fake({ get: answer, wait: answer });
    const seen: unknown[] = [];
    const op = await helpers.waitForOperation("projects/p/operations/x", {
      pollIntervalMs: 2,
      onProgress: (o) => seen.push(o.metadata),
    });
    expect(op.metadata).toEqual({ state: "SUCCEEDED", progress: 1 });
    expect(seen).toEqual([
      { state: "PENDING" },
      { state: "RUNNING", progress: 0.1 },
      { state: "RUNNING", progress: 0.5 },
      { state: "SUCCEEDED", progress: 1 },
    ]);
    // A get first (the state at once), then waits of the poll delay, which starts again after each change.
    expect(calls).toEqual([
      "get projects/p/operations/x",
      "wait projects/p/operations/x 0.002s",
      "wait projects/p/operations/x 0.002s",
      "wait projects/p/operations/x 0.004s",
      "wait projects/p/operations/x 0.002s",
    ]);
  });

  it("onProgress: while nothing changes the wait grows to 5 s at most (without a callback it asks 60 s)", async () => {
    const asked = async (onProgress?: () => void) => {
      let n = 0;
      // Answers at once and never changes: the delay between rounds is slept here, on fake timers.
      const answer = async ({ name }: { name: string }) => ({ name, done: ++n === 17, metadata: { state: "RUNNING" } });
      const { helpers, calls } = fake({ get: answer, wait: answer });
      vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
      try {
        const done = helpers.waitForOperation("projects/p/operations/x", { pollIntervalMs: 1, onProgress });
        await vi.runAllTimersAsync();
        await done;
      } finally {
        vi.useRealTimers();
      }
      return calls.filter((c) => c.startsWith("wait")).map((c) => Number.parseFloat(c.split(" ")[2]!));
    };
    expect(new Set(await asked())).toEqual(new Set([60]));
    const withCallback = await asked(() => {});
    expect(withCallback).toEqual([
      0.001, 0.002, 0.004, 0.008, 0.016, 0.032, 0.064, 0.128, 0.256, 0.512, 1.024, 2.048, 4.096, 5, 5, 5,
    ]);
  });

  it("an onProgress that throws rejects the wait", async () => {
    const { helpers } = fake({ get: async ({ name }) => ({ name, done: false }) });
    const onProgress = () => {
      throw new Error("callback broke");
    };
    await expect(helpers.waitForOperation("projects/p/operations/x", { onProgress })).rejects.toThrow("callback broke");
  });

  it.each([
    [{ done: true, error: { code: "1", message: "c" } }, "CANCELLED"],
    [{ done: true, error: null }, "SUCCEEDED"],
    [{ done: true, error: { code: null } }, "FAILED"],
  ])("cancelAndWait reads %j by the JSON mapping → %s", async (final, outcome) => {
    const { helpers } = fake({ cancel: async () => ({}), wait: async () => final as unknown as LroOperation });
    await expect(helpers.cancelAndWait("projects/p/operations/x")).resolves.toMatchObject({ outcome });
  });

  it('done: "false" is a ProtocolError naming the field, never taken as done', async () => {
    const { helpers } = fake({ wait: async () => ({ done: "false" }) as unknown as LroOperation });
    await expect(helpers.waitForOperation("projects/p/operations/x")).rejects.toMatchObject({
      name: "ProtocolError",
      field: "operation.done",
    });
  });

  it("durations are checked before any request: NaN and Infinity rejected, huge values clamped", async () => {
    const { helpers, calls } = fake({});
    const name = "projects/p/operations/x";
    await expect(helpers.waitForOperation(name, { timeoutMs: Number.NaN })).rejects.toThrow(RangeError);
    await expect(helpers.waitForOperation(name, { pollIntervalMs: Infinity })).rejects.toThrow(RangeError);
    await expect(helpers.waitForOperation(name, { pollIntervalMs: 0.5 })).rejects.toThrow(RangeError);
    await expect(helpers.cancelAndWait(name, { timeoutMs: -1 })).rejects.toThrow(RangeError);
    // @ts-expect-error not a function
    await expect(helpers.cancelAndWait(name, { onProgress: "x" })).rejects.toThrow(TypeError);
    expect(calls).toEqual([]);
  });

  it("pollIntervalMs 3e9 never spins: one request, then a timer that does not fire at once", async () => {
    const { helpers, calls } = fake({
      get: async ({ name }) => ({ name, done: false }),
      wait: async () => Promise.reject(unimplemented()),
    });
    const controller = new AbortController();
    const pending = helpers.waitForOperation("projects/p/operations/x", {
      pollIntervalMs: 3e9,
      signal: controller.signal,
    });
    await new Promise((r) => setTimeout(r, 150));
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
    expect(calls).toEqual(["wait projects/p/operations/x 60s", "get projects/p/operations/x"]);
  });

  it("timeoutMs 2**31 does not fire at once", async () => {
    let n = 0;
    const { helpers } = fake({ wait: async ({ name }) => ({ name, done: ++n === 3 }) });
    await expect(
      helpers.waitForOperation("projects/p/operations/x", { timeoutMs: 2 ** 31, pollIntervalMs: 1 }),
    ).resolves.toMatchObject({ done: true });
  });

  it.each([
    [["a"], "list response.nextPageToken"],
    [7, "list response.nextPageToken"],
    [{}, "list response.nextPageToken"],
  ])("a nextPageToken of %j is a ProtocolError after one request", async (token, field) => {
    const { helpers, calls } = fake({
      list: async () => ({ operations: [{ name: "a" }], nextPageToken: token }) as never,
    });
    const error = await (async () => {
      for await (const _ of helpers.listOperations("projects/p"));
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ProtocolError", field });
    expect(calls).toHaveLength(1);
  });

  it("list items without a name are a ProtocolError", async () => {
    const { helpers } = fake({ list: async () => ({ operations: [{ done: true }] }) });
    const error = await (async () => {
      for await (const _ of helpers.listOperations("projects/p"));
    })().catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "ProtocolError", field: "operations[0].name" });
  });
});
