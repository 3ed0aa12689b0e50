// Packages generated from the names fixtures (test/fixtures/names): hostile spec text stays data, odd
// names reach the wire unchanged, and a non-idempotent method is never sent twice.
/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` payloads must stay plain text. */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { createClient as createEeClient } from "ee-operations-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRecordingServer } from "../helpers/recording-server.js";
import { run, runGenerator } from "../helpers/run.js";
import { googleError, startScriptedServer } from "../helpers/scripted-server.js";
import { STRICT_COMPILER_OPTIONS } from "../helpers/strict-tsconfig.js";

// Inside the repo so that the outputs resolve google-auth-library (runtime/google-auth.ts) from node_modules.
const OUT = ".tmp/names-fixtures";
const FIXTURES = ["hostile", "odd"] as const;
const RETRY = { retries: 3, minDelayMs: 1, maxDelayMs: 5 };
const EXPORT = { name: "projects/p/things/t" };

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  const results = await Promise.all(
    FIXTURES.map((f) => runGenerator(["--spec", `test/fixtures/names/${f}`, "--out", `${OUT}/${f}`])),
  );
  for (const r of results) expect(r.stderr).toBe("");
}, 60_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

const load = async (fixture: string, entry = "index.js") =>
  import(pathToFileURL(resolve(OUT, fixture, "dist", entry)).href);

describe("hostile spec text", () => {
  it("every generated package type-checks under --strict, sources and declarations (one tsc run)", async () => {
    writeFileSync(
      `${OUT}/tsconfig.json`,
      JSON.stringify({
        compilerOptions: STRICT_COMPILER_OPTIONS,
        include: FIXTURES.flatMap((f) => [`${f}/src`, `${f}/dist`]),
      }),
    );
    const tsc = await run(resolve("node_modules/.bin/tsc"), ["-p", `${OUT}/tsconfig.json`], { timeoutMs: 120_000 });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.code).toBe(0);
  }, 130_000);

  it("importing the package runs none of it, and the spec's strings arrive intact as data", async () => {
    expect((globalThis as { PWNED?: unknown }).PWNED).toBeUndefined();
    const root = await load("hostile");
    const { methods } = await load("hostile", "v1/index.js");
    await load("hostile", "v1/client.js");
    expect((globalThis as { PWNED?: unknown }).PWNED).toBeUndefined();
    expect(typeof root.createClient).toBe("function");
    const poke = methods["projects.things.poke"];
    // biome-ignore format: the payloads are easier to compare with the spec on one line.
    expect(poke.scopes).toEqual([
      'https://example.invalid/auth/x"*/ globalThis.PWNED = 11; /*\u2028`${globalThis.PWNED = 12}`',
    ]);
    expect(poke.query[0][0]).toBe('q"*/ globalThis.PWNED = 29; /*\u2028`${globalThis.PWNED = 30}`');
  });

  it("generated sources carry no raw line separators, NUL, CR or escape characters", () => {
    for (const file of ["src/v1/client.ts", "src/v1/methods.ts", "dist/v1/client.d.ts", "dist/v1/methods.js"]) {
      const text = readFileSync(`${OUT}/hostile/${file}`, "utf8");
      expect(text, file).not.toMatch(/[\u0000\u001b\r\u2028\u2029\u0085]/);
    }
    // types.d.ts: comments cleaned (escape.ts docSafeDocument); string literal types keep the data.
    const types = readFileSync(`${OUT}/hostile/src/v1/types.d.ts`, "utf8");
    const docLines = types.split("\n").filter((line) => /^\s*(\/\*\*|\*)/.test(line));
    expect(docLines.join("\n")).toContain("globalThis.PWNED = 25");
    for (const line of docLines) expect(line).not.toMatch(/[\u0000\u001b\r\u2028\u2029]/);
  });
});

describe("odd names", () => {
  it("sends every wire name unchanged, encoded, arrays as repeated keys; reading or awaiting sends nothing", async () => {
    const server = await startRecordingServer(() => ({ body: '{"name":"x"}' }));
    try {
      const { createClient } = await load("odd");
      const ee = createClient({ version: "v1", baseUrl: server.url, retry: false });
      expect(await ee.projects).toBe(ee.projects); // no callable `then` anywhere in the tree
      expect(typeof ee.projects.things.constructor).toBe("function");
      expect(Object.getPrototypeOf(ee.projects.things)).toBe(Object.prototype);
      expect(server.requests).toHaveLength(0);
      await ee.projects.things.export({
        ...EXPORT,
        "dry-run": true,
        "options.requestedPolicyVersion": 3,
        'a"b': "x y&z=1",
        ["__proto__"]: "p",
        constructor: "c",
        // biome-ignore lint/suspicious/noThenProperty: a query parameter named `then` is what is tested.
        then: "t",
        tags: ["a", "b&c"],
        ratio: 0.5,
        body: { name: "x" },
      });
      await ee.projects.things.constructor({ "thing.name": "projects/p/things/t", request: "r" });
      await ee.projects.prototype.delete({ name: "projects/my p" });
      expect(server.requests.map((r) => r.requestLine)).toEqual([
        "POST /v1/projects/p/things/t:export?dry-run=true&options.requestedPolicyVersion=3&a%22b=x%20y%26z%3D1&__proto__=p&constructor=c&then=t&tags=a&tags=b%26c&ratio=0.5 HTTP/1.1",
        "GET /v1/projects/p/things/t:constructor?request=r HTTP/1.1",
        "DELETE /v1/projects/my%20p/prototype HTTP/1.1",
      ]);
      // Inherited properties are not parameters: a plain request sends no __proto__ or constructor.
      await ee.projects.things.export(EXPORT);
      expect(server.requests.at(-1)!.requestLine).toBe("POST /v1/projects/p/things/t:export HTTP/1.1");
    } finally {
      await server.close();
    }
  });

  it("rejects query values of the wrong type with a TypeError before any I/O", async () => {
    const server = await startRecordingServer();
    try {
      const { createClient } = await load("odd");
      const ee = createClient({ version: "v1", baseUrl: server.url, retry: false });
      const bad: Record<string, unknown>[] = [
        { "options.requestedPolicyVersion": "3" },
        { "options.requestedPolicyVersion": 1.5 },
        { ratio: Number.NaN },
        { "dry-run": "true" },
        { tags: "a" },
        { tags: [{ a: 1 }] },
        { 'a"b': { toString: () => "x" } },
        { constructor: ["c"] },
      ];
      for (const extra of bad)
        await expect(ee.projects.things.export({ ...EXPORT, ...extra })).rejects.toThrow(TypeError);
      await expect(ee.projects.things.constructor({ "thing.name": "projects/p/things/t" })).rejects.toThrow(
        /query parameter "request" is required/,
      );
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});

describe("retry safety", () => {
  const twice503 = (_: IncomingMessage, res: import("node:http").ServerResponse, n: number) => {
    if (n < 2) res.writeHead(503, { "content-type": "application/json" }).end(googleError(503, "UNAVAILABLE", "busy"));
    else res.writeHead(200, { "content-type": "application/json" }).end("{}");
  };

  it("a non-idempotent POST …:export answered 503 is sent exactly once", async () => {
    const server = await startScriptedServer(twice503);
    try {
      const { createClient, ApiError } = await load("odd");
      const ee = createClient({ version: "v1", baseUrl: server.url, retry: RETRY });
      const error = await ee.projects.things.export(EXPORT).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect(error.httpStatus).toBe(503);
      expect(server.count).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("a non-idempotent POST whose connection is reset mid-request is sent once", async () => {
    const server = await startScriptedServer((req) => req.socket.destroy());
    try {
      const { createClient, NetworkError } = await load("odd");
      const ee = createClient({ version: "v1", baseUrl: server.url, retry: RETRY });
      await expect(ee.projects.things.export(EXPORT)).rejects.toBeInstanceOf(NetworkError);
      expect(server.count).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("a non-idempotent POST whose connection is refused (nothing sent) is still retried", async () => {
    const server = await startScriptedServer(() => {});
    const url = server.url;
    await server.close(); // the port now refuses connections
    const { createClient, NetworkError } = await load("odd");
    let attempts = 0;
    const ee = createClient({
      version: "v1",
      baseUrl: url,
      retry: RETRY,
      fetch: (input: string, init: RequestInit) => (attempts++, fetch(input, init)),
    });
    const error = await ee.projects.things.export(EXPORT).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.notSent).toBe(true);
    expect(attempts).toBe(RETRY.retries + 1);
  });

  it("Earth Engine's cancel (a POST marked x-google-idempotent) is still retried after two 503s", async () => {
    const server = await startScriptedServer(twice503);
    try {
      const ee = createEeClient({ version: "v1", baseUrl: server.url, retry: RETRY });
      await expect(ee.projects.operations.cancel({ name: "projects/p/operations/o" })).resolves.toEqual({});
      expect(server.count).toBe(3);
    } finally {
      await server.close();
    }
  });
});
