// Ctrl-C (SIGINT) while a request is in flight: the emulator holds the request (a delay fault), the
// test sends SIGINT once the request has arrived, and the CLI says "interrupted" (no gRPC status name)
// and exits 130. Ctrl-C during a cancel says what was sent. See terminal.test.ts for a real pty.
import { spawn } from "node:child_process";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator/index.js";
import { useEmulators } from "../emulator/harness.js";
import { type CliResult, clean, cliEnv, MAIN, TOKEN } from "./run-cli.js";

const emulators = useEmulators();
const HELD_MS = 10_000;

/**
 * Runs the CLI, sends SIGINT once the emulator has received a request whose URL ends with `arrived`
 * (checked every 20 ms, for at most 5 s), and resolves with how it ended. Killed after 15 s.
 */
function interruptedRun(emu: Emulator, args: string[], arrived: string): Promise<CliResult & { sent: boolean }> {
  const child = spawn(process.execPath, [MAIN, ...args, "--endpoint", emu.url], {
    env: cliEnv({ EE_ACCESS_TOKEN: TOKEN }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => void (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString("utf8")));
  const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  const closed = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? -1)));
  return (async () => {
    let sent = false;
    for (let i = 0; i < 250 && !sent; i++) {
      await sleep(20);
      if (emu.requests.some((r) => r.url.split("?")[0]!.endsWith(arrived))) sent = child.kill("SIGINT");
    }
    const code = await closed;
    clearTimeout(killer);
    return { code, stdout, stderr, sent };
  })();
}

describe("Ctrl-C with a request in flight prints 'interrupted' and exits 130", () => {
  it.each([
    ["get", ["get", "HELD"], "get", "/operations/HELD", ""],
    ["get --json", ["get", "HELD", "--json"], "get", "/operations/HELD", ""],
    ["list", ["list"], "list", "/operations", ""],
    ["list --json (still a JSON array)", ["list", "--json"], "list", "/operations", "[]\n"],
    ["wait all (its listing)", ["wait", "all"], "list", "/operations", ""],
  ] as const)("%s", async (_, args, method, arrived, stdout) => {
    const emu = await emulators.start();
    emu.seed({ id: "HELD", state: "RUNNING" });
    emu.fault({ method, delayMs: HELD_MS });
    const result = await interruptedRun(emu, [...args], arrived);
    expect(result.sent).toBe(true);
    expect(result.code).toBe(130);
    expect(result.stderr).toBe("interrupted\n");
    expect(result.stdout).toBe(stdout);
    expect(clean(result)).toBe(true);
  });

  it("wait of one name: its last known state, and that it goes on running", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ id: "HELD", state: "RUNNING" });
    emu.fault({ method: "get", delayMs: HELD_MS });
    const result = await interruptedRun(emu, ["wait", "HELD"], "/operations/HELD");
    expect(result.code).toBe(130);
    expect(result.stderr).toBe(
      `${name}: state unknown when interrupted; it goes on running on the server (not cancelled)\n`,
    );
    expect(result.stderr).not.toMatch(/CANCELLED|error/);
  });

  it("cancel, while the states are read: nothing was sent, and it says so", async () => {
    const emu = await emulators.start();
    emu.seed({ id: "HELD", state: "RUNNING" });
    emu.fault({ method: "get", delayMs: HELD_MS });
    const result = await interruptedRun(emu, ["cancel", "HELD"], "/operations/HELD");
    expect(result.code).toBe(130);
    expect(result.stderr).toBe("interrupted before any cancel was sent\n");
    expect(emu.requests.some((r) => r.url.endsWith(":cancel"))).toBe(false);
  });

  it.each([
    ["cancel", []],
    ["cancel --wait", ["--wait"]],
  ])(
    "%s, while the cancel is in flight: each operation's last known state and that its cancel may have been requested",
    async (_, extra) => {
      const emu = await emulators.start();
      const held = emu.seed({ id: "HELD", state: "RUNNING" }).name;
      const done = emu.seed({ id: "DONE", state: "SUCCEEDED" }).name;
      emu.fault({ method: "cancel", delayMs: HELD_MS });
      const result = await interruptedRun(emu, ["cancel", "HELD", "DONE", ...extra], ":cancel");
      expect(result.sent).toBe(true);
      expect(result.code).toBe(130);
      expect(result.stdout).toBe(`${done}: already SUCCEEDED\n`);
      expect(result.stderr).toMatch(
        new RegExp(`^${held}: RUNNING \\d+% when interrupted; its cancel may already have been requested\\n$`),
      );
      expect(result.stderr).not.toMatch(/CANCELLED|error/);
      // Sent once, and nothing after the interrupt.
      expect(emu.requests.filter((r) => r.url.endsWith(":cancel"))).toHaveLength(1);
      expect(emu.requests.at(-1)!.url).toMatch(/:cancel$/);
    },
  );

  it("cancel --json, while the cancel is in flight: {name, interrupted: true, operation} beside the other results", async () => {
    const emu = await emulators.start();
    const held = emu.seed({ id: "HELD", state: "RUNNING" }).name;
    const done = emu.seed({ id: "DONE", state: "SUCCEEDED" }).name;
    emu.fault({ method: "cancel", delayMs: HELD_MS });
    const result = await interruptedRun(emu, ["cancel", "HELD", "DONE", "--json"], ":cancel");
    expect(result.code).toBe(130);
    const results = JSON.parse(result.stdout);
    expect(results).toEqual([
      { name: held, interrupted: true, operation: expect.objectContaining({ name: held, done: false }) },
      { name: done, ok: true, already: "SUCCEEDED" },
    ]);
  });

  it("delete: the one in flight may be deleted already; the names after it are left alone", async () => {
    const emu = await emulators.start();
    const a = emu.seed({ id: "DELA", state: "SUCCEEDED" }).name;
    emu.seed({ id: "DELB", state: "SUCCEEDED" });
    emu.fault({ method: "delete", delayMs: HELD_MS });
    const result = await interruptedRun(emu, ["delete", "DELA", "DELB", "--json"], "/operations/DELA");
    expect(result.code).toBe(130);
    expect(result.stderr).toBe(`${a}: interrupted; its delete may already have been requested\n`);
    expect(JSON.parse(result.stdout)).toEqual([{ name: a, interrupted: true }]);
    expect(emu.requests.some((r) => r.url.includes("DELB"))).toBe(false);
  });
});
