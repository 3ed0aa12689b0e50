// Lock recovery: a lock left by a run that can no longer be running is removed; a live owner's is not.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lock, staleReason } from "../../generator/lock.js";

const tmp = mkdtempSync(join(tmpdir(), "ee-lock-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const deadPid = spawnSync(process.execPath, ["-e", ""]).pid!;
const record = (pid: number, extra: object = {}) => JSON.stringify({ pid, token: "0123456789abcdef", ...extra });

describe("staleReason", () => {
  const cases: { given: string; ageMs?: number; want: RegExp | undefined }[] = [
    { given: "", want: /empty or unreadable/ },
    { given: "12", want: /unreadable/ },
    { given: "{not json", want: /empty or unreadable/ },
    { given: record(deadPid), want: /is not running/ },
    { given: record(process.pid), want: /left by an earlier process/ }, // a reused PID: ours, not our lock
    { given: record(process.ppid), want: undefined }, // a live process
    { given: record(process.ppid, { start: "1" }), want: /now belongs to another process/ },
  ];
  for (const { given, ageMs, want } of cases) {
    it(`${JSON.stringify(given)} → ${want ?? "live"}`, () => {
      const got = staleReason(given, ageMs ?? 0);
      if (want === undefined) expect(got).toBeUndefined();
      else expect(got).toMatch(want);
    });
  }
});

describe("lock", () => {
  const stale = ["", "garbage", record(deadPid), record(process.pid)];
  for (const text of stale) {
    it(`takes over a stale lock holding ${JSON.stringify(text.slice(0, 30))}`, async () => {
      const path = join(tmp, `stale${n++}.lock`);
      writeFileSync(path, text);
      const release = await lock(path, 2_000);
      expect(JSON.parse(readFileSync(path, "utf8")).pid).toBe(process.pid);
      await release();
      expect(existsSync(path)).toBe(false);
    });
  }

  it("waits for a live owner, and gives up after the timeout naming its pid", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"], { stdio: "ignore" });
    try {
      const path = join(tmp, `live${n++}.lock`);
      const text = record(child.pid!);
      writeFileSync(path, text);
      await expect(lock(path, 300)).rejects.toThrow(`another generate holds ${path} (pid ${child.pid})`);
      expect(readFileSync(path, "utf8")).toBe(text);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it("serialises two holders in one process", async () => {
    const path = join(tmp, `same${n++}.lock`);
    const first = await lock(path, 2_000);
    const order: string[] = [];
    const second = lock(path, 2_000).then((release) => {
      order.push("second");
      return release;
    });
    await new Promise((r) => setTimeout(r, 100));
    order.push("first released");
    await first();
    await (await second)();
    expect(order).toEqual(["first released", "second"]);
  });
});
