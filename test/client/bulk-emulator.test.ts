// cancelMany/getMany of the generated client against the emulator's POST /batch, end to end; every
// inner response is validated against the spec's schemas by the harness.
import { createEarthEngineClient } from "ee-operations-client";
import { describe, expect, it } from "vitest";
import { useEmulators } from "../emulator/harness.js";

const emulators = useEmulators();

describe("cancelMany and getMany against the emulator", () => {
  it("cancels 120 operations in 2 batch requests; getMany reads their states after", async () => {
    const emu = await emulators.start({ auth: { token: "good" } });
    const running = Array.from({ length: 118 }, () => emu.seed({ project: "p", runMs: 600_000 }).name);
    const finished = emu.seed({ project: "p", runMs: 10 }).name;
    const taskId = emu.seed({ project: "p", runMs: 600_000 }).name.split("/").pop()!;
    emu.advance(100);
    const ee = createEarthEngineClient({ version: "v1", baseUrl: emu.url, accessToken: () => "good", project: "p" });
    const input = [...running, finished, taskId];

    const results = await ee.cancelMany(input);
    expect(results.map((r) => r.ok)).toEqual(input.map(() => true));
    expect(results[119]!.name).toBe(`projects/p/operations/${taskId}`);
    const urls = emu.requests.map((r) => `${r.method} ${r.url}`);
    expect(urls.filter((u) => u === "POST /batch")).toHaveLength(2);
    expect(urls.filter((u) => u.endsWith(":cancel"))).toHaveLength(120);

    emu.advance(1000);
    const states = await ee.getMany(input);
    expect(states.map((r) => r.ok && r.operation.metadata?.state)).toEqual([
      ...running.map(() => "CANCELLED"),
      "SUCCEEDED",
      "CANCELLED",
    ]);
    expect(states.every((r) => r.ok && r.operation.name === r.name)).toBe(true);
  });

  it("reports unknown operations per item with the emulator's NOT_FOUND", async () => {
    const emu = await emulators.start();
    const known = emu.seed({ project: "p" }).name;
    const ee = createEarthEngineClient({ version: "v1beta", baseUrl: emu.url, accessToken: () => "t" });
    const results = await ee.cancelMany([known, "projects/p/operations/NOPE"]);
    expect(results[0]).toEqual({ name: known, ok: true });
    expect(results[1]).toMatchObject({ ok: false, error: { name: "ApiError", httpStatus: 404, status: "NOT_FOUND" } });
  });

  it("a wrong token fails every item with UNAUTHENTICATED", async () => {
    const emu = await emulators.start({ auth: { token: "good" } });
    const name = emu.seed({ project: "p" }).name;
    const ee = createEarthEngineClient({ version: "v1", baseUrl: emu.url, accessToken: () => "bad" });
    const [result] = await ee.cancelMany([name]);
    expect(result).toMatchObject({ ok: false, error: { code: 16, status: "UNAUTHENTICATED" } });
  });

  it("resends only the inner calls that answered 503", async () => {
    const emu = await emulators.start();
    const names = Array.from({ length: 5 }, () => emu.seed({ project: "p", runMs: 600_000 }).name);
    emu.fault({ method: "cancel", status: 503, times: 2 });
    const ee = createEarthEngineClient({
      version: "v1",
      baseUrl: emu.url,
      accessToken: () => "t",
      retry: { retries: 3, minDelayMs: 1, maxDelayMs: 5 },
    });
    const results = await ee.cancelMany(names);
    expect(results.every((r) => r.ok)).toBe(true);
    const batches = emu.requests.filter((r) => r.url === "/batch");
    expect(batches).toHaveLength(2);
    expect(batches[1]!.body.match(/:cancel HTTP\/1\.1/g)).toHaveLength(2);
    expect(emu.requests.filter((r) => r.url.endsWith(":cancel"))).toHaveLength(7);
  });
});
