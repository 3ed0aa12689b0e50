// The package as users get it: npm pack → install into a fresh project → tsc --strict → run against the
// emulator. Plus publint and arethetypeswrong on the same package.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator/index.js";
import { run, TSC } from "../helpers/run.js";

const tmp = mkdtempSync(join(tmpdir(), "ee-pack-"));
const app = join(tmp, "app");
let tarball = "";
let files: string[] = [];
let emulator: Emulator;

beforeAll(async () => {
  const packed = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", tmp], {
      cwd: "generated",
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }),
  );
  tarball = join(tmp, packed[0].filename);
  files = packed[0].files.map((f: { path: string }) => f.path).sort();
  mkdirSync(app);
  writeFileSync(
    join(app, "package.json"),
    JSON.stringify({
      name: "consumer",
      private: true,
      type: "module",
      dependencies: { "ee-operations-client": `file:${tarball}` },
    }),
  );
  const install = await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--ignore-scripts"], {
    cwd: app,
    timeoutMs: 120_000,
  });
  if (install.code !== 0) throw new Error(`npm install failed:\n${install.stderr}`);
  emulator = await startEmulator({ clock: "real" });
}, 180_000);

afterAll(async () => {
  await emulator?.close();
  rmSync(tmp, { recursive: true, force: true });
});

const CONSUMER = `
declare const process: { env: Record<string, string | undefined> };
import { createEarthEngineClient, ApiError, InvalidNameError, operationName } from "ee-operations-client";
import { methods } from "ee-operations-client/v1";

const baseUrl: string = process.env.EE_URL!;
const ee = createEarthEngineClient({ version: "v1", baseUrl, accessToken: async (scopes: readonly string[]) => "t:" + scopes.length });
const name = operationName(process.env.EE_TASK!);
const { outcome, operation } = await ee.cancelAndWait(name, { timeoutMs: 5000, pollIntervalMs: 20 });
let invalid = "";
try {
  await ee.projects.operations.get({ name: "projects/p/operations/.." });
} catch (error) {
  if (error instanceof InvalidNameError) invalid = error.name;
}
let notFound = 0;
try {
  await ee.projects.operations.get({ name: "projects/p/operations/none" });
} catch (error) {
  if (error instanceof ApiError) notFound = error.code;
}
const scopes: readonly string[] = methods["projects.operations.cancel"].scopes;
console.log(JSON.stringify({ outcome, state: operation.metadata?.state, invalid, notFound, scopes: scopes.length }));
`;

describe("npm pack", () => {
  it("ships only package.json, README.md, LICENSE and dist/ (no sources, tests or fixtures)", () => {
    expect(files.filter((f) => !f.startsWith("dist/"))).toEqual(["LICENSE", "README.md", "package.json"]);
    expect(files).toContain("dist/index.js");
    expect(files).toContain("dist/index.d.ts");
  });

  it("has a README for its users and the Apache-2.0 LICENSE its package.json declares; engines >=20.19", () => {
    const installed = join(app, "node_modules", "ee-operations-client");
    const pkg = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
    expect(pkg.license).toBe("Apache-2.0");
    expect(pkg.engines).toEqual({ node: ">=20.19" });
    expect(readFileSync(join(installed, "LICENSE"), "utf8")).toMatch(
      /^\s*Apache License\s+Version 2\.0, January 2004[\s\S]*END OF TERMS AND CONDITIONS/,
    );
    const readme = readFileSync(join(installed, "README.md"), "utf8");
    for (const part of ["npm install ee-operations-client", "createClient", "waitForOperation", "ee-operations list"])
      expect(readme).toContain(part);
    expect(readme).toMatch(/## Errors[\s\S]*InvalidNameError/);
  });

  it("require() works from CommonJS (Node 20.19+ require(esm)), root and per-version entry points", async () => {
    const dir = join(app, "cjs");
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "main.cjs"),
      `const root = require("ee-operations-client");
const v1 = require("ee-operations-client/v1");
const client = v1.createClient({ baseUrl: process.env.EE_URL, accessToken: () => "t" });
client.projects.operations.get({ name: process.env.EE_NAME }).then((op) => {
  console.log(JSON.stringify({
    createClient: typeof root.createClient,
    alias: root.createEarthEngineClient === root.createClient,
    apiError: typeof root.ApiError,
    name: op.name === process.env.EE_NAME,
  }));
});
`,
    );
    const { name } = emulator.seed({ runMs: 60_000 });
    const ran = await run("node", [join(dir, "main.cjs")], {
      cwd: dir,
      env: { ...process.env, EE_URL: emulator.url, EE_NAME: name },
    });
    expect(ran.stderr).toBe("");
    expect(JSON.parse(ran.stdout)).toEqual({ createClient: "function", alias: true, apiError: "function", name: true });
  }, 60_000);

  it.each(["node16", "bundler"])(
    "a strict consumer type-checks with moduleResolution %s and runs against the emulator",
    async (resolution) => {
      const dir = join(app, resolution);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "main.ts"), CONSUMER);
      writeFileSync(
        join(dir, "tsconfig.json"),
        JSON.stringify({
          compilerOptions: {
            strict: true,
            target: "ES2022",
            lib: ["ES2022", "DOM"],
            module: resolution === "node16" ? "Node16" : "ESNext",
            moduleResolution: resolution,
            outDir: "out",
            types: [],
            skipLibCheck: false,
          },
          files: ["main.ts"],
        }),
      );
      const tsc = await run(TSC, ["-p", "tsconfig.json"], { cwd: dir });
      expect(tsc.stdout + tsc.stderr).toBe("");
      expect(tsc.code).toBe(0);
      writeFileSync(join(dir, "out", "package.json"), '{"type":"module"}');
      const { name } = emulator.seed({ runMs: 60_000 });
      const ran = await run("node", [join(dir, "out", "main.js")], {
        cwd: dir,
        env: { ...process.env, EE_URL: emulator.url, EE_TASK: name.split("/").pop()! },
      });
      expect(ran.stderr).toBe("");
      expect(JSON.parse(ran.stdout)).toEqual({
        outcome: "CANCELLED",
        state: "CANCELLED",
        invalid: "InvalidNameError",
        notFound: 5,
        scopes: 2,
      });
    },
    60_000,
  );

  it("publint finds no problems", async () => {
    const result = await run(resolve("node_modules/.bin/publint"), ["run", "generated", "--strict"], {
      timeoutMs: 60_000,
    });
    expect(result.stdout).toContain("All good!");
    expect(result.code).toBe(0);
  }, 60_000);

  // An ESM package (CommonJS loads it through Node's require(esm), tested above): attw's node16-cjs and
  // node10 (no `exports`) type resolutions are out of scope by design.
  it("arethetypeswrong finds no problems for ESM consumers (node16 and bundler), every entry point", async () => {
    const result = await run(
      resolve("node_modules/.bin/attw"),
      [tarball, "--profile", "esm-only", "--format", "json"],
      { timeoutMs: 60_000 },
    );
    expect(result.code).toBe(0);
    const { analysis } = JSON.parse(result.stdout);
    const esmProblems = Object.values(analysis.problems as Record<string, { resolutionKind?: string }[]>)
      .flat()
      .filter((p) => p.resolutionKind !== "node10" && p.resolutionKind !== "node16-cjs");
    expect(esmProblems).toEqual([]);
    const exported = Object.keys(JSON.parse(readFileSync("generated/package.json", "utf8")).exports);
    expect(Object.keys(analysis.entrypoints).sort()).toEqual(exported.sort());
    for (const [entry, info] of Object.entries<any>(analysis.entrypoints)) {
      for (const kind of ["node16-esm", "bundler"]) {
        expect(info.resolutions[kind].resolution?.fileName, `${entry} ${kind}`).toMatch(
          entry === "./package.json" ? /package\.json$/ : /\.d\.ts$/,
        );
      }
    }
  }, 60_000);
});
