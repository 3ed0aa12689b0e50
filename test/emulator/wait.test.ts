// operations.wait on the manual clock (exact instants) and on the real clock (timers).

import { describe, expect, it } from "vitest";
import { call, iso, isPending, requestsReceived, useEmulators, VERSIONS } from "./harness.js";

const emulators = useEmulators();

describe.each(VERSIONS)("wait (%s)", (version) => {
  it("returns as soon as the operation finishes, during advance()", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p", runMs: 5_000 });
    const waiting = call(emu, "POST", `/${version}/${name}:wait`, '{"timeout":"10s"}');
    await requestsReceived(emu, 1);
    emu.advance(4_999);
    expect(await isPending(waiting)).toBe(true);
    emu.advance(60_000); // far past the end: the answer still reflects the instant it became done
    const res = await waiting;
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ name, done: true, metadata: { state: "SUCCEEDED", endTime: iso(5_000) } });
  });

  it("returns the current state when the timeout elapses first", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p", runMs: 60_000 });
    const waiting = call(emu, "POST", `/${version}/${name}:wait`, '{"timeout":"2.5s"}');
    await requestsReceived(emu, 1);
    emu.advance(2_499);
    expect(await isPending(waiting)).toBe(true);
    emu.advance(1);
    const res = await waiting;
    expect(res.json).toMatchObject({ done: false, metadata: { state: "RUNNING" } });
    expect(res.json.metadata.progress).toBeCloseTo(2.5 / 60);
  });
});

describe("wait details", () => {
  it("answers at once for a done operation and for a zero or negative timeout", async () => {
    const emu = await emulators.start();
    const done = emu.seed({ project: "p", state: "FAILED" }).name;
    const running = emu.seed({ project: "p" }).name;
    expect((await call(emu, "POST", `/v1/${done}:wait`, '{"timeout":"30s"}')).json).toMatchObject({ done: true });
    expect((await call(emu, "POST", `/v1/${running}:wait`, '{"timeout":"0s"}')).json).toMatchObject({ done: false });
    expect((await call(emu, "POST", `/v1/${running}:wait`, '{"timeout":"-1.5s"}')).json).toMatchObject({ done: false });
  });

  it("uses maxWaitMs when the timeout is absent or larger", async () => {
    const emu = await emulators.start({ maxWaitMs: 3_000 });
    const { name } = emu.seed({ project: "p" });
    const absent = call(emu, "POST", `/v1/${name}:wait`);
    const huge = call(emu, "POST", `/v1/${name}:wait`, '{"timeout":"3600s"}');
    const empty = call(emu, "POST", `/v1/${name}:wait`, "{}");
    await requestsReceived(emu, 3);
    emu.advance(2_999);
    expect(await isPending(Promise.any([absent, huge, empty]))).toBe(true);
    emu.advance(1);
    for (const res of await Promise.all([absent, huge, empty])) expect(res.json).toMatchObject({ done: false });
  });

  it("wakes up when the operation is cancelled meanwhile", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p", cancelMs: 200 });
    const waiting = call(emu, "POST", `/v1beta/${name}:wait`, '{"timeout":"10s"}');
    await requestsReceived(emu, 1);
    emu.advance(1_000);
    await call(emu, "POST", `/v1beta/${name}:cancel`);
    emu.advance(200);
    expect((await waiting).json).toMatchObject({
      done: true,
      error: { code: 1 },
      metadata: { state: "CANCELLED", endTime: iso(1_200) },
    });
  });

  it("answers 404 when the operation is deleted meanwhile, or never existed", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p" });
    const waiting = call(emu, "POST", `/v1alpha/${name}:wait`, '{"timeout":"10s"}');
    await requestsReceived(emu, 1);
    await call(emu, "DELETE", `/v1alpha/${name}`);
    expect((await waiting).status).toBe(404);
    expect((await call(emu, "POST", "/v1alpha/projects/p/operations/nope:wait", "{}")).json.error.status).toBe(
      "NOT_FOUND",
    );
  });

  it("rejects malformed wait requests with 400 INVALID_ARGUMENT", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p" });
    for (const body of [
      '{"timeout":"3.5"}',
      '{"timeout":"1.1234567890s"}',
      '{"timeout":"s"}',
      '{"timeout":5}',
      '{"deadline":"1s"}',
      "[1]",
      "{",
    ]) {
      const res = await call(emu, "POST", `/v1/${name}:wait`, body);
      expect({ body, status: res.status, code: res.json.error?.status }).toEqual({
        body,
        status: 400,
        code: "INVALID_ARGUMENT",
      });
    }
    expect((await call(emu, "POST", `/v1/${name}:wait`, '{"timeout":"0.000000001s"}')).status).toBe(200);
  });

  it("runs on the real clock with timers", async () => {
    const emu = await emulators.start({ clock: "real" });
    expect(() => emu.advance(1)).toThrow(/manual clock/);
    const quick = emu.seed({ project: "p", runMs: 150 }).name;
    const slow = emu.seed({ project: "p", runMs: 60_000 }).name;
    const started = Date.now();
    const [done, timedOut] = await Promise.all([
      call(emu, "POST", `/v1/${quick}:wait`, '{"timeout":"5s"}'),
      call(emu, "POST", `/v1/${slow}:wait`, '{"timeout":"0.3s"}'),
    ]);
    expect(done.json).toMatchObject({ done: true, metadata: { state: "SUCCEEDED" } });
    expect(timedOut.json).toMatchObject({ done: false, metadata: { state: "RUNNING" } });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(3_000);
  });
});
