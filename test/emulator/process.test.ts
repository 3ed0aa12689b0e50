// Out-of-process behaviour: close() leaves nothing that keeps Node alive, and the CLI starts,
// prints its one line, serves, and stops on SIGINT/SIGTERM.

import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
});

function run(script: string, args: string[] = []): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, ["--import", "tsx", script, ...args], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return Object.assign(child, { output: () => output });
}

async function exitWithin(child: ChildProcess, ms: number): Promise<number | string | null> {
  const timer = setTimeout(() => child.kill("SIGKILL"), ms);
  const [code, signal] = (await once(child, "exit")) as [number | null, string | null];
  clearTimeout(timer);
  return signal ?? code;
}

describe("process behaviour", () => {
  it("close() leaves no open handles: the process exits by itself", async () => {
    const child = run("test/emulator/close-script.ts");
    expect(await exitWithin(child, 8_000)).toBe(0);
    // Every request left pending is ended by close(); none got an answer.
    expect(JSON.parse(child.output().trim())).toEqual(Array(6).fill("rejected"));
  });

  it.each(["SIGINT", "SIGTERM"] as const)("the CLI serves seeded operations and stops on %s", async (signal) => {
    const child = run("emulator/cli.ts", ["--port", "0", "--seed", "5"]);
    const until = Date.now() + 8_000;
    while (!child.output().includes("\n") && Date.now() < until)
      await new Promise((resolve) => setTimeout(resolve, 10));
    const match = /^Earth Engine operations emulator listening on (http:\/\/127\.0\.0\.1:\d+)\n$/.exec(child.output());
    expect(match, child.output()).not.toBeNull();

    const res = await fetch(`${match![1]}/v1/projects/earthengine-legacy/operations`, {
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await res.json()) as { operations: { metadata: { type: string } }[] };
    expect(body.operations).toHaveLength(5);
    expect(new Set(body.operations.map((op) => op.metadata.type)).size).toBeGreaterThan(1);

    child.kill(signal);
    expect(await exitWithin(child, 5_000)).toBe(0);
    expect(child.output().trim().split("\n")).toHaveLength(1);
  });
});
