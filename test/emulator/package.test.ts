// The emulator as users get it: npm pack (prepack builds JavaScript) → install the tarball into a
// fresh project offline → run the bin with plain Node (no tsx) and import startEmulator.

import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../helpers/run.js";

const EMULATOR_DIR = fileURLToPath(new URL("../../emulator/", import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), "ee-emulator-pack-"));
const app = join(tmp, "app");
const bin = join(app, "node_modules", ".bin", "ee-operations-emulator");
let files: string[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  const packed = await run("npm", ["pack", "--json", "--pack-destination", tmp], {
    cwd: EMULATOR_DIR,
    timeoutMs: 60_000,
  });
  if (packed.code !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf("["))) as {
    filename: string;
    files: { path: string }[];
  }[];
  files = info!.files.map((f) => f.path).sort();
  mkdirSync(app);
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({
      name: "emulator-user",
      private: true,
      type: "module",
      devDependencies: { "ee-operations-emulator": `file:${join(tmp, info!.filename)}` },
    }),
  );
  const install = await run("npm", ["install", "--offline", "--no-audit", "--no-fund"], {
    cwd: app,
    timeoutMs: 60_000,
  });
  if (install.code !== 0) throw new Error(`npm install --offline failed:\n${install.stderr}`);
}, 120_000);

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  rmSync(tmp, { recursive: true, force: true });
});

describe("the ee-operations-emulator package", () => {
  it("ships built JavaScript, types, README and LICENSE, and no TypeScript sources; packing leaves no dist/", () => {
    expect(files).toEqual(
      expect.arrayContaining([
        "LICENSE",
        "README.md",
        "package.json",
        "dist/cli.js",
        "dist/index.js",
        "dist/index.d.ts",
        "dist/types.d.ts",
      ]),
    );
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    expect(existsSync(join(EMULATOR_DIR, "dist"))).toBe(false);
  });

  it("installs offline and its bin prints --help and --version under plain Node", async () => {
    const help = await run(bin, ["--help"], { cwd: app, timeoutMs: 20_000 });
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^usage: ee-operations-emulator \[options\]/);
    const version = await run(bin, ["--version"], { cwd: app, timeoutMs: 20_000 });
    expect(version).toMatchObject({ code: 0, stdout: "0.1.0\n" });
  });

  it("its bin starts on a free port, prints the seeded names, and answers with a bearer token", async () => {
    const child = spawn(bin, ["--port", "0", "--seed", "3"], { cwd: app, stdio: ["ignore", "pipe", "pipe"] });
    children.push(child);
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const until = Date.now() + 15_000;
    while (!output.includes("Authorization") && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(url, output).toBeDefined();
    const names = [...output.matchAll(/^ {2}(projects\/\S+)/gm)].map((m) => m[1]);
    expect(names).toHaveLength(3);

    const res = await fetch(`${url}/v1/projects/earthengine-legacy/operations`, {
      headers: { authorization: "Bearer anything" },
      signal: AbortSignal.timeout(5_000),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { operations: { name: string }[] };
    expect(body.operations.map((op) => op.name).sort()).toEqual([...names].sort());

    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    const [code] = await once(child, "exit");
    clearTimeout(timer);
    expect(code).toBe(0);
  });

  it("exports startEmulator for tests in the user's own code", async () => {
    const script = join(app, "use.mjs");
    writeFileSync(
      script,
      `import { startEmulator } from "ee-operations-emulator";
const emu = await startEmulator({ auth: false });
const { name } = emu.seed({ project: "p", runMs: 1000 });
emu.advance(1000);
const op = await (await fetch(emu.url + "/v1/" + name)).json();
await emu.close();
console.log(op.metadata.state);
`,
    );
    const result = await run(process.execPath, [script], { cwd: app, timeoutMs: 20_000 });
    expect(result).toMatchObject({ code: 0, stdout: "SUCCEEDED\n" });
  });
});
