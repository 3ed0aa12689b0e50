// Out-of-process behaviour: close() leaves nothing that keeps Node alive, and the CLI starts,
// prints its URL and seeded operations, serves, and stops on SIGINT/SIGTERM.

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
    const { url, names } = await startupOutput(child, 5);

    const auth = { authorization: "Bearer any-token-works" };
    const res = await fetch(`${url}/v1/projects/earthengine-legacy/operations`, {
      headers: auth,
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await res.json()) as { operations: { name: string; metadata: { type: string } }[] };
    expect(body.operations.map((op) => op.name).sort()).toEqual([...names].sort());
    expect(new Set(body.operations.map((op) => op.metadata.type)).size).toBeGreaterThan(1);
    const anonymous = await fetch(`${url}/v1/${names[0]}`, { signal: AbortSignal.timeout(5_000) });
    expect(anonymous.status).toBe(401);

    child.kill(signal);
    expect(await exitWithin(child, 5_000)).toBe(0);
  });

  it("--run-for forever keeps seeds RUNNING until cancelled; --no-auth accepts requests without a token", async () => {
    const child = run("emulator/cli.ts", ["--port", "0", "--seed", "2", "--run-for", "forever", "--no-auth"]);
    const { url, names, output } = await startupOutput(child, 2);
    expect(output).toMatch(/running until cancelled/);
    expect(output).toMatch(/Authentication is off/);
    const op = async (name: string) =>
      (await (await fetch(`${url}/v1/${name}`, { signal: AbortSignal.timeout(5_000) })).json()) as {
        done: boolean;
        metadata: { state: string };
      };
    // The second seed is not pending: RUNNING at once, and still running now.
    expect(await op(names[1]!)).toMatchObject({ done: false, metadata: { state: "RUNNING" } });
    const cancel = await fetch(`${url}/v1/${names[1]}:cancel`, { method: "POST", signal: AbortSignal.timeout(5_000) });
    expect(cancel.status).toBe(200);
    expect((await op(names[1]!)).metadata.state).toMatch(/^CANCELL(ING|ED)$/);
    child.kill("SIGTERM");
    expect(await exitWithin(child, 5_000)).toBe(0);
  });

  it("--help prints the usage and exits 0; a bad option exits 2 with a one-line reason", async () => {
    const help = run("emulator/cli.ts", ["--help"]);
    expect(await exitWithin(help, 8_000)).toBe(0);
    expect(help.output()).toMatch(/^usage: ee-operations-emulator \[options\]/);
    for (const flag of ["--port", "--seed", "--run-for", "--no-auth", "--max-recorded"])
      expect(help.output()).toContain(flag);

    const bad = run("emulator/cli.ts", ["--run-for", "soon"]);
    expect(await exitWithin(bad, 8_000)).toBe(2);
    expect(bad.output()).toMatch(/--run-for needs a duration/);
    expect(bad.output()).not.toMatch(/\n\s+at /);
  });
});

/** Waits for the start-up lines: the URL, then one line per seeded operation name. */
async function startupOutput(
  child: ReturnType<typeof run>,
  seeds: number,
): Promise<{ url: string; names: string[]; output: string }> {
  const until = Date.now() + 8_000;
  while (!/Authorization|Authentication/.test(child.output()) && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 10));
  const output = child.output();
  const url = /^Earth Engine operations emulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(output)?.[1];
  expect(url, output).toBeDefined();
  const names = [...output.matchAll(/^ {2}(projects\/earthengine-legacy\/operations\/[A-Z0-9]{24}) /gm)].map(
    (m) => m[1]!,
  );
  expect(names, output).toHaveLength(seeds);
  return { url: url!, names, output };
}
