// The spec-evolution corpus: every variant either generates a package that type-checks (one shared
// `tsc --strict` over all of them) and sends the expected bytes to a loopback recording server, or
// fails with one line naming file:line:col.
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../cli/run-cli.js";
import { type Recorded, startRecordingServer } from "../helpers/recording-server.js";
import { typeCheckStrict } from "../helpers/strict-tsconfig.js";
import { type Call, type CliRun, CORPUS, generateCorpus, type Outcome, variants } from "./corpus.js";

// Inside the repo so that the outputs resolve google-auth-library (runtime/google-auth.ts) from node_modules.
const OUT = ".tmp/corpus";
const all = variants();
const located = all.filter((v) => v.expect.error);
const generating = all.filter((v) => !v.expect.error);
let outcomes: Map<string, Outcome>;
let server: Awaited<ReturnType<typeof startRecordingServer>>;
let replies: string[] = [];
const CLI_TOKEN = "corpus-cli-token-SECRET";

beforeAll(async () => {
  outcomes = await generateCorpus(OUT);
  server = await startRecordingServer(() => ({ body: replies.shift() ?? "{}" }));
}, 240_000);

afterAll(async () => {
  await server?.close();
  rmSync(OUT, { recursive: true, force: true });
});

const outDir = (name: string) => {
  const outcome = outcomes.get(name)!;
  if (!outcome.ok) throw outcome.error;
  return outcome.outDir;
};

it("has at least 25 variants, most of them generating", () => {
  expect(all.length).toBeGreaterThanOrEqual(25);
  expect(generating.length).toBeGreaterThanOrEqual(18);
});

describe.each(located)("$name", ({ name, expect: want }) => {
  it(`fails with one line at ${want.error!.at}`, () => {
    const outcome = outcomes.get(name)!;
    expect(outcome.ok).toBe(false);
    const message = (outcome as { error: Error }).error.message;
    expect(message.startsWith(`${CORPUS}/${name}/${want.error!.at}: `), message).toBe(true);
    expect(message).toContain(want.error!.says);
    expect(message.split("\n")).toHaveLength(1);
    expect(existsSync(join(OUT, name))).toBe(false); // nothing written
  });
});

describe.each(generating)("$name", ({ name, expect: want }) => {
  it("emits the files, package fields and exports the spec calls for", async () => {
    const dir = outDir(name);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const helpers = want.helpers ?? false;
    expect(existsSync(join(dir, "src/runtime/operation-helpers.ts"))).toBe(helpers);
    for (const module of ["bulk", "batch", "operation-json"])
      expect(existsSync(join(dir, `src/runtime/${module}.ts`)), module).toBe(helpers);
    expect(existsSync(join(dir, "src/cli/main.ts"))).toBe(helpers);
    expect(pkg.bin === undefined).toBe(!helpers);
    if (want.bin) expect(Object.keys(pkg.bin)).toEqual([want.bin]);
    for (const [key, value] of Object.entries(want.package ?? {})) expect(pkg[key]).toBe(value);
    if (want.versions)
      expect(Object.keys(pkg.exports).filter((e) => /^\.\/v\d/.test(e))).toEqual(want.versions.map((v) => `./${v}`));
    expect(existsSync(join(dir, "README.md")) && existsSync(join(dir, "LICENSE"))).toBe(true);
    const root = await import(pathToFileURL(resolve(dir, "dist/index.js")).href);
    expect(typeof root.createClient).toBe("function");
    for (const exported of want.rootExports ?? []) expect(typeof root[exported], exported).toBe("function");
    expect(typeof root.ApiError).toBe("function");
    for (const [version, text] of Object.entries(want.typesContain ?? {}))
      expect(readFileSync(join(dir, "src", version, "types.d.ts"), "utf8")).toContain(text);
    for (const [version, text] of Object.entries(want.typesAbsent ?? {}))
      expect(readFileSync(join(dir, "src", version, "types.d.ts"), "utf8")).not.toContain(text);
    for (const [file, text] of Object.entries(want.typesIn ?? {}))
      expect(readFileSync(join(dir, "src", file), "utf8")).toContain(text);
  });

  it.each(want.calls ?? [])("sends $requestLine", async (call: Call) => {
    const client = await versionClient(name, call.version, { baseUrl: server.url });
    replies = [call.reply ?? "{}"];
    const before = server.requests.length;
    await method(client, call.method)(call.request);
    expect(server.requests.length).toBe(before + 1);
    const sent: Recorded = server.requests.at(-1)!;
    expect(sent.requestLine).toBe(call.requestLine);
    expect(sent.body).toBe(call.body);
    expect(sent.headers["content-type"]).toBe(call.body ? "application/json" : undefined);
    expect(sent.headers.authorization).toBe("Bearer t");
  });

  it.each(want.cliRuns ?? [])("its CLI: $args", async (r: CliRun) => {
    const args = r.args.map((a) => (a === "$SERVER" ? server.url : a));
    const before = server.requests.length;
    // run-cli's clean environment (a home without gcloud's ADC file), and no EARTHENGINE_PROJECT either.
    const result = await cli(args, {
      main: join(outDir(name), "dist/cli/main.js"),
      token: CLI_TOKEN,
      env: { EARTHENGINE_PROJECT: undefined },
      timeoutMs: 30_000,
    });
    expect(result.code, result.stderr).toBe(r.code);
    for (const text of r.stdoutContains ?? []) expect(result.stdout).toContain(text);
    if (r.stderrContains) expect(result.stderr).toContain(r.stderrContains);
    expect(server.requests.slice(before).map((s) => s.requestLine)).toEqual(r.requests ?? []);
  });

  if (want.defaultUrl) {
    it(`sends to the spec's servers[0].url by default: ${want.defaultUrl}`, async () => {
      const urls: string[] = [];
      const fetch = async (url: string) => (urls.push(url), Response.json({}));
      const call = want.defaultCall ?? want.calls![0]!;
      const client = await versionClient(name, call.version, { fetch });
      await method(client, call.method)(call.request);
      expect(urls).toEqual([want.defaultUrl]);
    });
  }
});

it("every generated package, its CLI included, type-checks with tsc --strict, in one program", async () => {
  const dirs = generating.map((v) => v.name);
  expect(dirs.length).toBeGreaterThanOrEqual(20);
  const tsc = await typeCheckStrict(
    OUT,
    dirs.map((name) => `${name}/src/**/*.ts`),
    { compilerOptions: { skipLibCheck: false }, timeoutMs: 180_000 },
  );
  expect(tsc.stdout + tsc.stderr).toBe("");
  expect(tsc.code).toBe(0);
}, 200_000);

async function versionClient(name: string, version: string, options: Record<string, unknown>) {
  const entry = await import(pathToFileURL(resolve(outDir(name), "dist", version, "index.js")).href);
  return entry.createClient({ accessToken: () => "t", ...options });
}

function method(client: Record<string, unknown>, key: string): (request: unknown) => Promise<unknown> {
  let node: unknown = client;
  for (const part of key.split(".")) node = (node as Record<string, unknown>)[part];
  return node as (request: unknown) => Promise<unknown>;
}
