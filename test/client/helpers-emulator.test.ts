// The operation helpers of the generated client against the emulator (manual clock); every emulator
// response is validated against the spec's schemas by the harness.
import { ApiError, type ApiVersion, createEarthEngineClient, operationName, TimeoutError } from "ee-operations-client";
import { describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator/index.js";
import { useEmulators } from "../emulator/harness.js";

const emulators = useEmulators();

async function setup(version: ApiVersion = "v1") {
  const emu = await emulators.start();
  let inFlight = 0;
  const stats = { peak: 0 };
  const ee = createEarthEngineClient({
    version,
    baseUrl: emu.url,
    accessToken: () => "token",
    fetch: async (input, init) => {
      stats.peak = Math.max(stats.peak, ++inFlight);
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    },
  });
  return { emu, ee, stats };
}

/** Resolves once the emulator has received `count` requests matching `pattern`. */
async function requestsSeen(emu: Emulator, pattern: RegExp, count = 1): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (emu.requests.filter((r) => pattern.test(`${r.method} ${r.url}`)).length >= count) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`never saw ${count} × ${pattern}`);
}

describe.each(["v1", "v1beta", "v1alpha"] as const)("%s", (version) => {
  it("cancelAndWait on a running operation → CANCELLED", async () => {
    const { emu, ee } = await setup(version);
    const { name } = emu.seed({ runMs: 60_000, description: "export" });
    emu.advance(1000);
    expect((await ee.projects.operations.get({ name })).metadata?.state).toBe("RUNNING");
    const pending = ee.cancelAndWait(name, { pollIntervalMs: 10 });
    await requestsSeen(emu, /:wait$/);
    expect((await ee.projects.operations.get({ name })).metadata?.state).toBe("CANCELLING");
    emu.advance(500);
    const { outcome, operation } = await pending;
    expect(outcome).toBe("CANCELLED");
    expect(operation.done).toBe(true);
    expect(operation.error?.code).toBe(1);
    expect(operation.metadata?.state).toBe("CANCELLED");
    expect(operation.metadata?.["@type"]).toBe(`type.googleapis.com/google.earthengine.${version}.OperationMetadata`);
  });
});

describe("helpers against the emulator", () => {
  it("cancelAndWait on a done operation → SUCCEEDED, and nothing changes", async () => {
    const { emu, ee } = await setup();
    const { name } = emu.seed({ runMs: 1000 });
    emu.advance(2000);
    const before = await ee.projects.operations.get({ name });
    const result = await ee.cancelAndWait(name);
    expect(result.outcome).toBe("SUCCEEDED");
    expect(result.operation).toEqual(before);
  });

  it("cancelAndWait on a FAILED operation → FAILED", async () => {
    const { emu, ee } = await setup();
    const { name } = emu.seed({ runMs: 1000, outcome: "FAILED" });
    emu.advance(2000);
    expect((await ee.cancelAndWait(name)).outcome).toBe("FAILED");
  });

  it("cancel UNIMPLEMENTED → cancelAndWait rejects with that ApiError and never waits", async () => {
    const { emu, ee } = await setup();
    const { name } = emu.seed({ runMs: 60_000 });
    emu.unimplement(["cancel"]);
    const error = await ee.cancelAndWait(name).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect([(error as ApiError).httpStatus, (error as ApiError).code, (error as ApiError).status]).toEqual([
      501,
      12,
      "UNIMPLEMENTED",
    ]);
    expect(emu.requests.map((r) => r.method)).toEqual(["POST"]);
  });

  it("waitForOperation falls back to polling get when wait is UNIMPLEMENTED", async () => {
    const { emu, ee } = await setup();
    const { name } = emu.seed({ runMs: 5000 });
    emu.unimplement(["wait"]);
    const pending = ee.waitForOperation(name, { pollIntervalMs: 5 });
    await requestsSeen(emu, /^GET .*operations\/\w+$/, 2);
    emu.advance(6000);
    const op = await pending;
    expect(op.done).toBe(true);
    expect(op.metadata?.state).toBe("SUCCEEDED");
    expect(emu.requests.filter((r) => r.url.endsWith(":wait"))).toHaveLength(1);
  });

  it("waitForOperation rejects with TimeoutError after timeoutMs", async () => {
    const { emu, ee } = await setup();
    const { name } = emu.seed({ runMs: 60_000 });
    const error = await ee.waitForOperation(name, { timeoutMs: 200 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toBe(`waitForOperation: ${name} was not done after 200 ms`);
  });

  it("aborting mid-wait rejects at once with the signal's reason", async () => {
    const { emu, ee } = await setup();
    const { name } = emu.seed({ runMs: 60_000 });
    const controller = new AbortController();
    const pending = ee.waitForOperation(name, { signal: controller.signal });
    await requestsSeen(emu, /:wait$/);
    const started = Date.now();
    controller.abort(new Error("user pressed stop"));
    await expect(pending).rejects.toThrow("user pressed stop");
    expect(Date.now() - started).toBeLessThan(500);
  });

  it("listOperations walks 3+ pages lazily, with a state filter", async () => {
    const { emu, ee } = await setup();
    const names = Array.from(
      { length: 23 },
      (_, i) => emu.seed({ id: `OP${String(i).padStart(2, "0")}`, pendingMs: i % 2 ? 10_000 : 0, runMs: 60_000 }).name,
    );
    emu.seed({ project: "other-project" });
    const seen: string[] = [];
    for await (const op of ee.listOperations("projects/earthengine-legacy", { pageSize: 5 })) seen.push(op.name!);
    expect(seen.sort()).toEqual([...names].sort());
    expect(emu.requests.filter((r) => r.url.includes("/operations?"))).toHaveLength(5);
    const pending: string[] = [];
    for await (const op of ee.listOperations("projects/earthengine-legacy", {
      pageSize: 4,
      filter: 'metadata.state = "PENDING"',
    }))
      pending.push(op.metadata!.state!);
    expect(pending).toEqual(Array(11).fill("PENDING"));
  });

  it("cancelMany over 50 names without batch, some unknown: per-item results in order, ≤ 8 in flight", async () => {
    const { emu, ee, stats } = await setup();
    const names = Array.from({ length: 50 }, (_, i) =>
      i % 10 === 3 ? `projects/earthengine-legacy/operations/MISSING${i}` : emu.seed({ runMs: 60_000 }).name,
    );
    const results = await ee.cancelMany(names, { batch: false }); // batched, it is one request (bulk tests)
    expect(results.map((r) => r.name)).toEqual(names);
    const failed = results.filter((r) => !r.ok);
    expect(failed.map((r) => r.name)).toEqual(names.filter((n) => n.includes("MISSING")));
    for (const r of failed)
      expect(r.ok === false && r.error).toMatchObject({ name: "ApiError", code: 5, status: "NOT_FOUND" });
    expect(stats.peak).toBeLessThanOrEqual(8);
    expect(stats.peak).toBeGreaterThan(1);
    const states = await Promise.all(
      names.filter((n) => !n.includes("MISSING")).map((name) => ee.projects.operations.get({ name })),
    );
    expect(new Set(states.map((s) => s.metadata?.state))).toEqual(new Set(["CANCELLING"]));
  });

  it("operationName turns an emulator task id into a name the client accepts", async () => {
    const { emu, ee } = await setup();
    const { name } = emu.seed({ id: "6XGCJ4JK5QWZ3MZDDAD2CBEP" });
    expect(operationName("6XGCJ4JK5QWZ3MZDDAD2CBEP")).toBe(name);
    await expect(ee.projects.operations.delete({ name: operationName("6XGCJ4JK5QWZ3MZDDAD2CBEP") })).resolves.toEqual(
      {},
    );
    await expect(ee.projects.operations.get({ name })).rejects.toMatchObject({ code: 5 });
  });
});

describe("the client through the emulator's fault mode", () => {
  it("503 + Retry-After twice, then success; a reset before headers is retried too", async () => {
    const { emu, ee } = await setup();
    const { name } = emu.seed({ runMs: 60_000 });
    emu.fault({ method: "cancel", status: 503, headers: { "retry-after": "0" }, times: 2 });
    emu.fault({ method: "cancel", reset: "before-headers" });
    await expect(
      ee.projects.operations.cancel({ name }, { retry: { minDelayMs: 1, maxDelayMs: 20 } }),
    ).resolves.toEqual({});
    expect(emu.requests.filter((r) => r.url.endsWith(":cancel"))).toHaveLength(4);
  });

  it("a delay past timeoutMs is a TimeoutError; a 500 with details is not retried", async () => {
    const { emu, ee } = await setup();
    const { name } = emu.seed({ runMs: 60_000 });
    emu.fault({ method: "get", delayMs: 2000 });
    await expect(ee.projects.operations.get({ name }, { timeoutMs: 100, retry: false })).rejects.toBeInstanceOf(
      TimeoutError,
    );
    emu.fault({ method: "get", status: 500 });
    const before = emu.requests.length;
    await expect(ee.projects.operations.get({ name })).rejects.toMatchObject({
      name: "ApiError",
      httpStatus: 500,
      code: 13,
    });
    expect(emu.requests.length - before).toBe(1);
  });
});
