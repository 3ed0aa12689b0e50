// The CLI on a real terminal: util-linux `script` gives it a pty, so the live progress line and Ctrl-C
// (typed as ^C into the pty, which the terminal turns into SIGINT) behave as for a user.
import { execFileSync, spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { useEmulators } from "../emulator/harness.js";
import { cliEnv, MAIN, TOKEN } from "./run-cli.js";

const emulators = useEmulators();

const hasScript = (() => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

interface Session {
  output: string;
  code: number | null;
}

/**
 * Runs the CLI under `script -qfec` with a pty; `interruptWhen` (if given) is checked on each chunk of
 * output (a RegExp) or every 20 ms (a function), and the first time it matches ^C is typed. Killed
 * after `limitMs`.
 */
function onTerminal(args: string[], interruptWhen?: RegExp | (() => boolean), limitMs = 15_000): Promise<Session> {
  const command = [process.execPath, MAIN, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
  const child = spawn("script", ["-qfec", command, "/dev/null"], {
    env: cliEnv({ EE_ACCESS_TOKEN: TOKEN, COLUMNS: "120" }),
    stdio: ["pipe", "pipe", "pipe"],
  });
  let output = "";
  let typed = false;
  const timer = setTimeout(() => child.kill("SIGKILL"), limitMs);
  const type = () => {
    typed = true;
    child.stdin.write("\x03");
  };
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (interruptWhen instanceof RegExp && !typed && interruptWhen.test(output)) type();
  });
  const poll =
    typeof interruptWhen === "function"
      ? setInterval(() => {
          if (!typed && interruptWhen()) type();
        }, 20)
      : undefined;
  return new Promise((resolve) => {
    child.on("close", (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      child.stdin.destroy();
      resolve({ output, code });
    });
  });
}

/** What is left on screen after the last `\r\x1b[K` (the progress line erased). */
const afterClear = (output: string) => output.slice(output.lastIndexOf("\r\x1b[K") + 4);

describe.skipIf(!hasScript)("on a real terminal", () => {
  it("cancel --wait shows the live progress line, erases it before the result, exits 0", async () => {
    const emu = await emulators.start({ clock: "real" });
    const { name } = emu.seed({ id: "PTYTASK", runMs: 60_000, cancelMs: 1_200 });
    const { output, code } = await onTerminal(["cancel", "PTYTASK", "--wait", "--endpoint", emu.url]);
    expect(code).toBe(0);
    expect(output).toMatch(/\rwaiting \d+s: PTYTASK CANCELLING \d+%\u001b\[K/);
    // The line is erased, and what follows is the result alone.
    expect(afterClear(output)).toMatch(new RegExp(`^${name}: CANCELLED\\r?\\n$`));
    expect(output).not.toContain(TOKEN);
  });

  it("Ctrl-C during cancel --wait erases the line, prints the last known state and that the cancel was requested, exits 130", async () => {
    const emu = await emulators.start({ clock: "real" });
    const { name } = emu.seed({ id: "SLOWCANCEL", runMs: 600_000, cancelMs: 600_000 });
    const started = Date.now();
    const { output, code } = await onTerminal(
      ["cancel", "SLOWCANCEL", "--wait", "--endpoint", emu.url],
      /waiting \d+s: SLOWCANCEL CANCELLING/,
    );
    expect(code).toBe(130);
    expect(Date.now() - started).toBeLessThan(12_000);
    const rest = afterClear(output);
    expect(rest).not.toContain("waiting");
    expect(rest).toMatch(
      new RegExp(`^${name}: CANCELLING \\d+% when interrupted; its cancel was already requested\\r?\\n$`),
    );
    // The cancel was sent once; no request was made after the interrupt was handled.
    expect(emu.requests.filter((r) => r.url.endsWith(":cancel"))).toHaveLength(1);
  });

  it("Ctrl-C while the cancel request is in flight prints the last known state and that the cancel may have been requested (no gRPC CANCELLED), exits 130", async () => {
    const emu = await emulators.start({ clock: "real" });
    const { name } = emu.seed({ id: "Q1", runMs: 600_000 });
    emu.fault({ method: "cancel", delayMs: 10_000 });
    const cancelSent = () => emu.requests.some((r) => r.url.endsWith(":cancel"));
    const { output, code } = await onTerminal(["cancel", "Q1", "--wait", "--endpoint", emu.url], cancelSent);
    expect(code).toBe(130);
    // script echoes the ^C the terminal shows; then the one line.
    const lines = output.replace(/\^C/g, "").trim().split(/\r?\n/);
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^${name}: RUNNING \\d+% when interrupted; its cancel may already have been requested$`),
      ),
    ]);
    expect(output).not.toMatch(/CANCELLED|error:/);
    expect(emu.requests.filter((r) => r.url.endsWith(":cancel"))).toHaveLength(1);
  });

  it("Ctrl-C during wait of several names says each goes on running (not cancelled), exits 130", async () => {
    const emu = await emulators.start({ clock: "real" });
    const a = emu.seed({ id: "RUNA", runMs: 600_000 }).name;
    const b = emu.seed({ id: "RUNB", runMs: 600_000 }).name;
    const { output, code } = await onTerminal(
      ["wait", "RUNA", "RUNB", "--endpoint", emu.url],
      /waiting \d+s: RUNA RUNNING/,
    );
    expect(code).toBe(130);
    const lines = afterClear(output).trim().split(/\r?\n/);
    expect(lines).toEqual([
      expect.stringMatching(
        new RegExp(`^${a}: RUNNING \\d+% when interrupted; it goes on running on the server \\(not cancelled\\)$`),
      ),
      expect.stringMatching(new RegExp(`^${b}: RUNNING \\d+% when interrupted; it goes on running`)),
    ]);
    expect(emu.requests.some((r) => r.url.endsWith(":cancel"))).toBe(false);
  });
});
