// `cancel --wait` and `wait`: outcomes, exit codes and progress output, against the emulator on the
// real clock with short run and cancel times.
import { describe, expect, it } from "vitest";
import { useEmulators } from "../emulator/harness.js";
import { clean, cli } from "./run-cli.js";

const emulators = useEmulators();
const realClock = () => emulators.start({ clock: "real" });
const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("ee-operations cancel --wait", () => {
  it("cancels, waits, prints the outcome and exits 0; without a TTY progress comes as plain lines (no \\r)", async () => {
    const emu = await realClock();
    const { name } = emu.seed({ id: "CANCELWAIT", runMs: 60_000, cancelMs: 800 });

    const result = await cli(["cancel", "CANCELWAIT", "--wait", "--endpoint", emu.url]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${name}: CANCELLED\n`);
    expect(result.stdout + result.stderr).not.toContain("\r");
    // Progress: one plain line per change, on stderr.
    expect(result.stderr).toMatch(new RegExp(`^${name}: CANCELLING \\d+%$`, "m"));
    expect(result.stderr).toMatch(new RegExp(`^${name}: CANCELLED \\d+%$`, "m"));
    expect(result.stderr).not.toMatch(/error/);
    // Read and cancel, each an HTTP batch (the emulator logs a batch's inner calls after the batch);
    // then, for one name, one loop: the package's waitForOperation, whose onProgress drives the
    // progress: a get (the state at once), then only waits, no get polling beside them.
    const calls = emu.requests.map((r) => `${r.method} ${r.url}`);
    const op = "/v1/projects/earthengine-legacy/operations/CANCELWAIT";
    expect(calls.slice(0, 5)).toEqual(["POST /batch", `GET ${op}`, "POST /batch", `POST ${op}:cancel`, `GET ${op}`]);
    expect(calls.filter((c) => c.endsWith(":cancel"))).toHaveLength(1);
    expect(calls.slice(5).length).toBeGreaterThan(0);
    expect(calls.slice(5).every((c) => c === `POST ${op}:wait`)).toBe(true);
    expect(clean(result)).toBe(true);
  });

  it("says 'already SUCCEEDED' / 'already FAILED' for operations done before the cancel (exit 0: nothing to cancel), without cancelling them", async () => {
    const emu = await realClock();
    const done = emu.seed({ id: "ALREADYDONE", runMs: 50 }).name;
    const failed = emu.seed({ id: "ALREADYFAILED", runMs: 50, outcome: "FAILED" }).name;
    const running = emu.seed({ id: "STILLRUNNING", runMs: 60_000, cancelMs: 100 }).name;
    await settle(150);

    const succeeded = await cli(["cancel", "ALREADYDONE", "--wait", "--endpoint", emu.url]);
    expect(succeeded.code).toBe(0);
    expect(succeeded.stdout).toBe(`${done}: already SUCCEEDED\n`);

    const several = await cli(["cancel", "--wait", "ALREADYFAILED", "STILLRUNNING", "--endpoint", emu.url, "--json"]);
    expect(several.code).toBe(0);
    expect(several.stderr).toBe("");
    expect(JSON.parse(several.stdout)).toEqual([
      {
        name: failed,
        outcome: "FAILED",
        already: true,
        operation: expect.objectContaining({ done: true, error: expect.objectContaining({ code: 13 }) }),
      },
      {
        name: running,
        outcome: "CANCELLED",
        operation: expect.objectContaining({ done: true, error: expect.objectContaining({ code: 1 }) }),
      },
    ]);
    const cancels = emu.requests.filter((r) => r.url.endsWith(":cancel")).map((r) => r.url);
    expect(cancels).toEqual(["/v1/projects/earthengine-legacy/operations/STILLRUNNING:cancel"]);
  });
});

describe("ee-operations wait", () => {
  it("exits 0 when the operation SUCCEEDED", async () => {
    const emu = await realClock();
    const { name } = emu.seed({ id: "WILLSUCCEED", runMs: 300 });
    const result = await cli(["wait", "WILLSUCCEED", "--endpoint", emu.url, "--timeout", "10s"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${name}: SUCCEEDED\n`);
    expect(result.stdout + result.stderr).not.toContain("\r");
  });

  it("exits 3 when the operation ends FAILED, printing its error", async () => {
    const emu = await realClock();
    const { name } = emu.seed({ id: "WILLFAIL", runMs: 300, outcome: "FAILED" });
    const result = await cli(["wait", "WILLFAIL", "--endpoint", emu.url]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe(`${name}: FAILED: INTERNAL: Operation ${name} failed (emulated failure).\n`);
  });

  it("exits 4 when the operation ends CANCELLED; --json prints the operation only", async () => {
    const emu = await realClock();
    const { name } = emu.seed({ id: "GETSCANCELLED", runMs: 60_000, cancelMs: 200 });
    expect((await cli(["cancel", "GETSCANCELLED", "--endpoint", emu.url])).code).toBe(0);

    const result = await cli(["wait", "GETSCANCELLED", "--endpoint", emu.url]);
    expect(result.code).toBe(4);
    expect(result.stdout).toBe(`${name}: CANCELLED\n`);

    const asJson = await cli(["wait", name, "--json", "--endpoint", emu.url]);
    expect(asJson.code).toBe(4);
    expect(asJson.stderr).toBe("");
    expect(JSON.parse(asJson.stdout)).toMatchObject({
      name,
      done: true,
      error: { code: 1 },
      metadata: { state: "CANCELLED" },
    });
  });

  it("--timeout gives up with DEADLINE_EXCEEDED and exit 1", async () => {
    const emu = await realClock();
    emu.seed({ id: "TAKESFOREVER", runMs: 60_000 });
    const started = Date.now();
    const result = await cli(["wait", "TAKESFOREVER", "--timeout", "700ms", "--endpoint", emu.url]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: DEADLINE_EXCEEDED: .*TAKESFOREVER.*700 ms\n$/m);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(clean(result)).toBe(true);
  });
});
