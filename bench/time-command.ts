// Runs a command as a fresh process and measures its wall time, from spawn to exit. Every child gets
// a timeout (its whole process group is killed when it passes), and children still alive when the
// benchmark exits are killed too, so a run always stops by itself.
import { type ChildProcess, spawn } from "node:child_process";

export interface CommandResult {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CommandOptions {
  cwd?: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Exit codes taken as success (default [0]). */
  okCodes?: number[];
}

const live = new Set<ChildProcess>();

/** Kills the process group of every child this module started and that is still running. */
export function killAll(): void {
  for (const child of live) killGroup(child);
}

function killGroup(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, "SIGKILL"); // the group: tsx and openapi-ts start children of their own
  } catch {
    child.kill("SIGKILL");
  }
}

process.once("exit", killAll);

/** Starts a child in its own process group, tracked for killAll(). */
export function startChild(command: string, args: string[], options: CommandOptions = {}): ChildProcess {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  live.add(child);
  child.once("exit", () => live.delete(child));
  return child;
}

/**
 * The first match of `pattern` in a started child's stdout (e.g. the port a server prints); rejects
 * when the child (`what`, for the message) exits first or prints no match within `timeoutMs`.
 */
export function waitForOutput(
  child: ChildProcess,
  pattern: RegExp,
  what: string,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${timeoutMs / 1000} s`)), timeoutMs);
    let out = "";
    child.stdout!.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const m = pattern.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    });
    child.once("exit", (code) => reject(new Error(`${what} exited (${code})`)));
  });
}

/** Stops a child started with startChild: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => killGroup(child), graceMs);
  await exited;
  clearTimeout(timer);
  killGroup(child); // anything it left behind in its group
}

export function timeCommand(command: string, args: string[], options: CommandOptions = {}): Promise<CommandResult> {
  const timeoutMs = options.timeoutMs ?? 120_000;
  const okCodes = options.okCodes ?? [0];
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = startChild(command, args, options);
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    let exitedAt = NaN;
    child.once("exit", () => (exitedAt = performance.now()));
    child.once("close", (code) => {
      const ms = (Number.isNaN(exitedAt) ? performance.now() : exitedAt) - started;
      clearTimeout(timer);
      const line = `${command} ${args.join(" ")}`;
      if (timedOut) return reject(new Error(`timed out after ${timeoutMs} ms: ${line}`));
      if (code === null || !okCodes.includes(code)) {
        return reject(new Error(`exit ${code}: ${line}\n${(stderr || stdout).trim().slice(-2000)}`));
      }
      resolve({ ms, code, stdout, stderr });
    });
  });
}
