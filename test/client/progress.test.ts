// onProgress against the emulator on its real clock: progress arrives while the operation runs, each
// change once, and no single wait blocks for long.
import { createEarthEngineClient, type NamedOperation, outcomeOf, stateFilter } from "ee-operations-client";
import type { Operation } from "ee-operations-client/v1";
import { describe, expect, it } from "vitest";
import { useEmulators } from "../emulator/harness.js";

const emulators = useEmulators();

describe("onProgress", () => {
  it("waitForOperation reports PENDING → RUNNING → SUCCEEDED as they happen", async () => {
    const emu = await emulators.start({ clock: "real" });
    const { name } = emu.seed({ pendingMs: 150, runMs: 600 });
    const ee = createEarthEngineClient({ version: "v1", baseUrl: emu.url, accessToken: () => "t" });
    const seen: NamedOperation<Operation>[] = [];
    const op = await ee.waitForOperation(name, {
      timeoutMs: 10_000,
      pollIntervalMs: 50,
      onProgress: (o) => seen.push(o),
    });
    expect(outcomeOf(op)).toBe("SUCCEEDED");
    const states = seen.map((o) => o.metadata?.state);
    expect(states[0]).toBe("PENDING");
    expect(states).toContain("RUNNING");
    expect(states.at(-1)).toBe("SUCCEEDED");
    expect(seen.every((o) => o.name === name)).toBe(true);
    // Each change reported once.
    const keys = seen.map((o) => JSON.stringify(o.metadata));
    expect(new Set(keys).size).toBe(keys.length);
    // With a callback no wait asked the server for more than the poll delay ceiling (30 s).
    const waits = emu.requests.filter((r) => r.url.endsWith(":wait"));
    expect(waits.length).toBeGreaterThanOrEqual(2);
    expect(waits.length).toBeLessThan(40);
  });

  it("cancelAndWait reports progress and ends CANCELLED, with the name present", async () => {
    const emu = await emulators.start({ clock: "real" });
    const { name } = emu.seed({ pendingMs: 0, runMs: 60_000 });
    const ee = createEarthEngineClient({ version: "v1", baseUrl: emu.url, accessToken: () => "t" });
    const states: unknown[] = [];
    const { outcome, operation } = await ee.cancelAndWait(name, {
      timeoutMs: 10_000,
      pollIntervalMs: 20,
      onProgress: (o) => states.push(o.metadata?.state),
    });
    expect(outcome).toBe("CANCELLED");
    const named: string = operation.name; // typed as present
    expect(named).toBe(name);
    expect(states.at(-1)).toBe("CANCELLED");
  });
});

describe("typed helpers", () => {
  it("cancel everything running compiles in strict mode: listed operations have a name", async () => {
    const emu = await emulators.start();
    const running = [emu.seed({ pendingMs: 0, runMs: 60_000 }).name, emu.seed({ pendingMs: 60_000 }).name];
    emu.seed({ state: "SUCCEEDED" });
    const ee = createEarthEngineClient({ version: "v1", baseUrl: emu.url, accessToken: () => "t" });
    const names: string[] = [];
    const filter = stateFilter("RUNNING", "PENDING");
    for await (const op of ee.listOperations("projects/earthengine-legacy", { filter })) names.push(op.name);
    expect(names.sort()).toEqual(running.sort());
    const results = await ee.cancelMany(names);
    expect(results.every((r) => r.ok)).toBe(true);
  });
});
