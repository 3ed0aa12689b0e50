// The generator knows nothing about cancel: a spec with an invented method yields a working wrapper.
import { rmSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { afterAll, expect, it } from "vitest";
import { runGenerator } from "../helpers/run.js";
import { staticContract } from "./static-contract.js";

// Inside the repo, as the other generated fixtures are.
const out = ".tmp/invented-out";
afterAll(() => rmSync(out, { recursive: true, force: true }));

it("generates a typed wrapper and metadata for an invented method, and it works", async () => {
  rmSync(out, { recursive: true, force: true });
  const result = await runGenerator(["--spec", "test/fixtures/invented/spec", "--out", out]);
  expect(result.stderr).toBe("");
  expect(result.stdout).toMatch(/^generate: 1 versions \(v1test\), 1 methods: /);
  expect(staticContract("test/fixtures/invented/spec", `${out}/src`)).toEqual([]);

  const { methods } = await import(pathToFileURL(`${out}/dist/v1test/index.js`).href);
  expect(methods).toEqual({
    "projects.widgets.frobnicate": {
      id: "earthengine.projects.widgets.frobnicate",
      httpMethod: "POST",
      path: "v1test/{+widget}:frobnicate",
      template: "/v1test/{widget=projects/*/widgets/*}:frobnicate",
      scopes: ["https://example.invalid/auth/widgets"],
      // An unmarked POST is not safe to send twice.
      idempotent: false,
      parsedTemplate: { parts: ["v1test", ["widget", ["projects", "*", "widgets", "*"]]], verb: "frobnicate" },
      query: [["dryRun", "boolean", false]],
    },
  });

  const { createClient, InvalidNameError } = await import(pathToFileURL(`${out}/dist/index.js`).href);
  const seen: string[] = [];
  const client = createClient({
    version: "v1test",
    baseUrl: "http://widgets.invalid",
    accessToken: (scopes: string[]) => (seen.push(scopes.join()), "t"),
    fetch: async (input: string, init: RequestInit) => {
      const request = new Request(input, init);
      seen.push(`${request.method} ${request.url} ${request.headers.get("authorization")} ${await request.text()}`);
      return Response.json({ name: "projects/p/widgets/w", level: 3 });
    },
  });
  await expect(
    client.projects.widgets.frobnicate({ widget: "projects/p/widgets/w 1", dryRun: true, body: { level: 3 } }),
  ).resolves.toEqual({ name: "projects/p/widgets/w", level: 3 });
  expect(seen).toEqual([
    "https://example.invalid/auth/widgets",
    'POST http://widgets.invalid/v1test/projects/p/widgets/w%201:frobnicate?dryRun=true Bearer t {"level":3}',
  ]);
  await expect(
    client.projects.widgets.frobnicate({ widget: "projects/p/widgets/a/b", body: { level: 1 } }),
  ).rejects.toBeInstanceOf(InvalidNameError);
  // No google.longrunning.Operations here, so no operation helpers either.
  expect(client.waitForOperation).toBeUndefined();
}, 60_000);
