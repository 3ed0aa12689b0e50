// Injected faults and unimplemented methods.

import { describe, expect, it } from "vitest";
import { call, get, TEST_TOKEN, useEmulators } from "./harness.js";

const AUTH = { authorization: `Bearer ${TEST_TOKEN}` };

const emulators = useEmulators();

describe("faults", () => {
  it("answers a status with Google's error body and extra headers, once by default", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p" });
    emu.fault({ status: 503, headers: { "retry-after": "1" } });
    const faulted = await get(emu, "v1", name);
    expect(faulted.status).toBe(503);
    expect(faulted.headers.get("retry-after")).toBe("1");
    expect(faulted.json).toEqual({ error: { code: 503, message: expect.any(String), status: "UNAVAILABLE" } });
    expect((await get(emu, "v1", name)).status).toBe(200);
  });

  it("applies `times` times, only to its method, in FIFO order", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p" });
    emu.fault({ method: "get", status: 429, times: 2 });
    emu.fault({ status: 500 });
    expect((await call(emu, "GET", "/v1/projects/p/operations")).status).toBe(500); // only the 2nd matches list
    expect((await get(emu, "v1", name)).json.error.status).toBe("RESOURCE_EXHAUSTED");
    expect((await get(emu, "v1", name)).status).toBe(429);
    expect((await get(emu, "v1", name)).status).toBe(200);
  });

  it("a faulted cancel does not cancel; clearFaults() empties the queue", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p" });
    emu.fault({ method: "cancel", status: 500, body: '{"error":{"code":500,"message":"boom","status":"INTERNAL"}}' });
    const res = await call(emu, "POST", `/v1/${name}:cancel`);
    expect(res).toMatchObject({ status: 500, json: { error: { message: "boom" } } });
    expect((await get(emu, "v1", name)).json.metadata.state).toBe("RUNNING");
    emu.fault({ status: 500, times: 10 });
    emu.clearFaults();
    expect((await get(emu, "v1", name)).status).toBe(200);
  });

  it("delays the answer in real time, then answers normally", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p" });
    emu.fault({ delayMs: 200 });
    const started = Date.now();
    const res = await get(emu, "v1", name);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(res.json.name).toBe(name);
  });

  it("resets the connection before headers: fetch rejects", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p" });
    emu.fault({ reset: "before-headers" });
    await expect(fetch(`${emu.url}/v1/${name}`, { headers: AUTH, signal: AbortSignal.timeout(5_000) })).rejects.toThrow(
      TypeError,
    );
    expect((await get(emu, "v1", name)).status).toBe(200);
  });

  it("resets the connection mid-body: headers arrive, reading the body rejects", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p" });
    emu.fault({ reset: "mid-body", status: 503 });
    const res = await fetch(`${emu.url}/v1/${name}`, { headers: AUTH, signal: AbortSignal.timeout(5_000) });
    expect(res.status).toBe(503);
    await expect(res.text()).rejects.toThrow();
    emu.fault({ reset: "mid-body" });
    const ok = await fetch(`${emu.url}/v1/${name}`, { headers: AUTH, signal: AbortSignal.timeout(5_000) });
    expect(ok.status).toBe(200);
    await expect(ok.json()).rejects.toThrow();
  });

  it("hangs: a client timeout aborts it and close() still returns", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p" });
    emu.fault({ hang: true, times: 2 });
    await expect(fetch(`${emu.url}/v1/${name}`, { headers: AUTH, signal: AbortSignal.timeout(100) })).rejects.toThrow(
      /timeout|aborted/i,
    );
    // The second hanging request is never aborted by its client; close() must end it.
    const abandoned = fetch(`${emu.url}/v1/${name}`, { headers: AUTH }).then(
      () => "answered",
      () => "rejected",
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const started = Date.now();
    await emu.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(await abandoned).toBe("rejected");
  });

  it("rejects invalid faults", async () => {
    const emu = await emulators.start();
    expect(() => emu.fault({ method: "patch" as never })).toThrow(/method/);
    expect(() => emu.fault({ times: 0 })).toThrow(/times/);
    expect(() => emu.fault({ status: 42 })).toThrow(/status/);
    expect(() => emu.fault({ reset: "sometimes" as never })).toThrow(/reset/);
  });
});

describe("unimplemented methods", () => {
  it("answers 501 UNIMPLEMENTED for the listed methods until reset", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p" });
    emu.unimplement(["cancel", "wait"]);
    const res = await call(emu, "POST", `/v1/${name}:cancel`);
    expect(res.status).toBe(501);
    expect(res.json.error).toMatchObject({ code: 501, status: "UNIMPLEMENTED" });
    expect((await call(emu, "POST", `/v1beta/${name}:wait`, "{}")).status).toBe(501);
    expect((await get(emu, "v1", name)).json.metadata.state).toBe("RUNNING");
    emu.unimplement([]);
    expect((await call(emu, "POST", `/v1/${name}:cancel`)).status).toBe(200);
    expect(() => emu.unimplement(["frob" as never])).toThrow(/methods/);
  });
});
