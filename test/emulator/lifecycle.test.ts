// get / cancel / delete and the clock-driven state machine, over all three API versions.

import { describe, expect, it } from "vitest";
import { call, get, iso, useEmulators, VERSIONS } from "./harness.js";

const emulators = useEmulators();

describe.each(VERSIONS)("operations lifecycle (%s)", (version) => {
  it("moves PENDING → RUNNING → SUCCEEDED as the clock advances", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({
      project: "p",
      id: "T1",
      type: "EXPORT_TABLE",
      description: "d",
      pendingMs: 1_000,
      runMs: 4_000,
    });
    expect(name).toBe("projects/p/operations/T1");

    let op = (await get(emu, version, name)).json;
    expect(op).toMatchObject({ name, done: false });
    expect(op.metadata).toMatchObject({
      "@type": `type.googleapis.com/google.earthengine.${version}.OperationMetadata`,
      state: "PENDING",
      type: "EXPORT_TABLE",
      description: "d",
      createTime: iso(0),
      updateTime: iso(0),
      progress: 0,
    });
    expect(op.metadata.startTime).toBeUndefined();

    emu.advance(1_000);
    op = (await get(emu, version, name)).json;
    expect(op.metadata).toMatchObject({ state: "RUNNING", startTime: iso(1_000), updateTime: iso(1_000), progress: 0 });
    expect(op.done).toBe(false);

    emu.advance(1_000);
    op = (await get(emu, version, name)).json;
    expect(op.metadata.progress).toBe(0.25);
    expect(op.error).toBeUndefined();
    expect(op.response).toBeUndefined();

    emu.advance(3_000);
    op = (await get(emu, version, name)).json;
    expect(op).toMatchObject({ done: true, response: { "@type": "type.googleapis.com/google.protobuf.Empty" } });
    expect(op.metadata).toMatchObject({ state: "SUCCEEDED", progress: 1, endTime: iso(5_000), updateTime: iso(5_000) });
    expect(op.error).toBeUndefined();
    expect(emu.now().toISOString()).toBe(iso(5_000));
  });

  it("ends FAILED with an error when the seed's outcome says so", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p", runMs: 2_000, outcome: "FAILED" });
    emu.advance(1_999);
    expect((await get(emu, version, name)).json.metadata.state).toBe("RUNNING");
    emu.advance(1);
    const op = (await get(emu, version, name)).json;
    expect(op).toMatchObject({ done: true, metadata: { state: "FAILED", endTime: iso(2_000) }, error: { code: 13 } });
    expect(typeof op.error.message).toBe("string");
    expect(op.response).toBeUndefined();
  });

  it("cancels a running operation: CANCELLING, then CANCELLED with error.code 1", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p", id: "C", runMs: 10_000, cancelMs: 300 });
    emu.advance(2_000);
    const cancel = await call(emu, "POST", `/${version}/${name}:cancel`);
    expect(cancel).toMatchObject({ status: 200, json: {} });

    let op = (await get(emu, version, name)).json;
    expect(op).toMatchObject({ done: false, metadata: { state: "CANCELLING", updateTime: iso(2_000), progress: 0.2 } });
    expect(op.error).toBeUndefined();

    emu.advance(299);
    expect((await get(emu, version, name)).json.metadata.state).toBe("CANCELLING");
    emu.advance(1);
    op = (await get(emu, version, name)).json;
    expect(op).toMatchObject({
      done: true,
      error: { code: 1, message: "Cancelled." },
      metadata: { state: "CANCELLED", endTime: iso(2_300), updateTime: iso(2_300), progress: 0.2, startTime: iso(0) },
    });
    expect(op.response).toBeUndefined();

    // The natural end passing later changes nothing.
    emu.advance(60_000);
    expect((await get(emu, version, name)).json).toEqual(op);
  });

  it("cancels a pending operation, which never gets a startTime", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p", pendingMs: 5_000 });
    expect((await call(emu, "POST", `/${version}/${name}:cancel`, "{}")).status).toBe(200);
    emu.advance(100);
    const op = (await get(emu, version, name)).json;
    expect(op).toMatchObject({ done: true, metadata: { state: "CANCELLED", progress: 0 }, error: { code: 1 } });
    expect(op.metadata.startTime).toBeUndefined();
  });

  it("cancel of a done operation answers {} and changes nothing", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p", runMs: 1_000 });
    emu.advance(1_000);
    const before = (await get(emu, version, name)).json;
    emu.advance(500);
    expect(await call(emu, "POST", `/${version}/${name}:cancel`)).toMatchObject({ status: 200, json: {} });
    emu.advance(500);
    expect((await get(emu, version, name)).json).toEqual(before);
  });

  it("delete removes the operation; get and delete then answer 404 NOT_FOUND", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p", id: "x" });
    expect(await call(emu, "DELETE", `/${version}/${name}`)).toMatchObject({ status: 200, json: {} });
    const missing = await get(emu, version, name);
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({
      error: { code: 404, message: "Operation projects/p/operations/x not found.", status: "NOT_FOUND" },
    });
    expect((await call(emu, "DELETE", `/${version}/${name}`)).status).toBe(404);
    expect((await call(emu, "POST", `/${version}/${name}:cancel`)).status).toBe(404);
  });
});

describe("operation names and paths", () => {
  it("accepts multi-segment and percent-encoded ids and stores decoded names", async () => {
    const emu = await emulators.start();
    emu.seed({ project: "p", id: "a/b" });
    emu.seed({ project: "p", id: "a b/c+d" });
    expect((await get(emu, "v1", "projects/p/operations/a/b")).json.name).toBe("projects/p/operations/a/b");
    const encoded = await call(emu, "GET", "/v1beta/projects/p/operations/a%20b/c%2Bd");
    expect(encoded).toMatchObject({ status: 200, json: { name: "projects/p/operations/a b/c+d" } });
    expect((await call(emu, "POST", "/v1alpha/projects/p/operations/a%20b/c%2Bd:cancel")).status).toBe(200);
    expect((await get(emu, "v1", "projects/p/operations/a")).status).toBe(404);
    expect((await call(emu, "GET", "/v1/projects/p/operations/%E0%A4%A")).status).toBe(400);
  });

  it("defaults to project earthengine-legacy and a 24-character task id", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed();
    expect(name).toMatch(/^projects\/earthengine-legacy\/operations\/[A-Z0-9]{24}$/);
    const op = (await get(emu, "v1", name)).json;
    expect(op.metadata).toMatchObject({ state: "RUNNING", type: "EXPORT_IMAGE", description: "" });
  });

  it("keeps projects apart", async () => {
    const emu = await emulators.start();
    emu.seed({ project: "a", id: "same" });
    expect((await get(emu, "v1", "projects/a/operations/same")).status).toBe(200);
    expect((await get(emu, "v1", "projects/b/operations/same")).status).toBe(404);
    expect((await call(emu, "GET", "/v1/projects/b/operations")).json.operations).toEqual([]);
  });

  it("seeds operations directly in a given state", async () => {
    const emu = await emulators.start();
    const state = async (seedState: "PENDING" | "RUNNING" | "SUCCEEDED" | "FAILED" | "CANCELLED") =>
      (await get(emu, "v1", emu.seed({ project: "p", state: seedState }).name)).json;
    expect((await state("PENDING")).metadata.state).toBe("PENDING");
    expect((await state("RUNNING")).metadata.state).toBe("RUNNING");
    expect(await state("SUCCEEDED")).toMatchObject({ done: true, response: {} });
    expect(await state("FAILED")).toMatchObject({ done: true, error: { code: 13 } });
    expect(await state("CANCELLED")).toMatchObject({
      done: true,
      error: { code: 1 },
      metadata: { state: "CANCELLED" },
    });
  });

  it("rejects invalid seeds and duplicate names", async () => {
    const emu = await emulators.start();
    emu.seed({ project: "p", id: "dup" });
    expect(() => emu.seed({ project: "p", id: "dup" })).toThrow(/already exists/);
    expect(() => emu.seed({ project: "a/b" })).toThrow(/project/);
    expect(() => emu.seed({ id: "a//b" })).toThrow(/id/);
    expect(() => emu.seed({ runMs: -1 })).toThrow(/runMs/);
  });

  it("answers unknown paths and wrong HTTP methods with 404 NOT_FOUND JSON", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p", id: "x" });
    const attempts: [string, string][] = [
      ["GET", "/"],
      ["GET", "/v2/projects/p/operations"],
      ["GET", "/v1/projects/p"],
      ["GET", "/v1/projects/p/operations/"],
      ["PUT", `/v1/${name}`],
      ["POST", `/v1/${name}`],
      ["GET", `/v1/${name}:cancel`],
      ["GET", `/v1/${name}:wait`],
      ["POST", `/v1/${name}:frobnicate`],
      ["POST", "/v1/projects/p/operations"],
      ["GET", "/v1/projects/a%2Fb/operations"],
    ];
    for (const [method, path] of attempts) {
      const res = await call(emu, method, path);
      expect({ method, path, status: res.status, status_: res.json.error?.status }).toEqual({
        method,
        path,
        status: 404,
        status_: "NOT_FOUND",
      });
    }
  });

  it("rejects cancel bodies other than none or {}", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p" });
    for (const body of ['{"name":"x"}', "[]", "not json", '"s"']) {
      const res = await call(emu, "POST", `/v1/${name}:cancel`, body);
      expect(res.status).toBe(400);
      expect(res.json.error.status).toBe("INVALID_ARGUMENT");
    }
    expect((await get(emu, "v1", name)).json.metadata.state).toBe("RUNNING");
    expect((await call(emu, "POST", `/v1/${name}:cancel`, " { } ")).status).toBe(200);
  });
});

describe("task metadata", () => {
  it("reports stages that progress, scriptUri, destinationUris once succeeded, and a seeded WARNING", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p", id: "EXP", runMs: 10_000, warning: "Large region." });
    let meta = (await get(emu, "v1alpha", name)).json.metadata;
    expect(meta.scriptUri).toMatch(/^https:\/\/code\.earthengine\.google\.com\/[0-9a-f]{32}$/);
    expect(meta.destinationUris).toBeUndefined();
    expect(meta.stages.map((s: { completeWorkUnits: number }) => s.completeWorkUnits)).toEqual([0, 0]);
    expect(meta.notifications).toEqual([{ topic: "Export", detail: "Large region.", severity: "WARNING" }]);

    emu.advance(4_000);
    meta = (await get(emu, "v1alpha", name)).json.metadata;
    expect(meta.stages).toMatchObject([{ completeWorkUnits: 5, totalWorkUnits: "10" }, { completeWorkUnits: 0 }]);
    expect(meta.batchEecuUsageSeconds).toBe(4);

    emu.advance(6_000);
    meta = (await get(emu, "v1alpha", name)).json.metadata;
    expect(meta.stages).toMatchObject([{ completeWorkUnits: 10 }, { completeWorkUnits: 1, totalWorkUnits: "1" }]);
    expect(meta.destinationUris).toEqual([expect.stringMatching(/^https:\/\/drive\.google\.com\/#folders\//)]);
  });

  it("adds a SEVERE notification with the error when an operation fails; seeds may set the URIs", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({
      project: "p",
      type: "INGEST_IMAGE",
      state: "FAILED",
      scriptUri: "https://example.test/s",
      destinationUris: ["gs://b/x"],
    });
    const op = (await get(emu, "v1", name)).json;
    expect(op.metadata.scriptUri).toBe("https://example.test/s");
    expect(op.metadata.destinationUris).toBeUndefined();
    expect(op.metadata.notifications).toEqual([{ topic: "Failure", detail: op.error.message, severity: "SEVERE" }]);
    expect(() => emu.seed({ destinationUris: "gs://b" as unknown as string[] })).toThrow(/destinationUris/);
  });

  it("runMs: Infinity keeps an operation RUNNING until it is cancelled", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p", runMs: Number.POSITIVE_INFINITY });
    emu.advance(365 * 86_400_000);
    expect((await get(emu, "v1", name)).json).toMatchObject({ done: false, metadata: { state: "RUNNING" } });
    await call(emu, "POST", `/v1/${name}:cancel`);
    emu.advance(1_000);
    expect((await get(emu, "v1", name)).json).toMatchObject({ done: true, metadata: { state: "CANCELLED" } });
  });
});
