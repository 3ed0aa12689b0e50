// Property-based: the Earth Engine spec with its strings replaced by hostile text (titles, descriptions,
// summaries, template-field docs, query names and docs, scopes, schema docs and enum values) always
// generates a package that type-checks, and importing it runs nothing. One tsc run covers every case.
/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` payloads must stay plain text. */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import fc from "fast-check";
import { afterAll, expect, it } from "vitest";
import { docText } from "../../generator/emit/escape.js";
import { renderPackage } from "../../generator/generate.js";
import { apiModel } from "../../generator/model/api.js";
import type { ApiModel, VersionModel } from "../../generator/model/api-model.js";
import { run } from "../helpers/run.js";
import { STRICT_COMPILER_OPTIONS } from "../helpers/strict-tsconfig.js";

const OUT = ".tmp/hostile-property";
const RUNS = 5;
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

const FRAGMENTS = [
  "*/",
  "/*",
  "`",
  "${globalThis.PWNED = 1}",
  "*/ globalThis.PWNED = 2; /*",
  "</script>",
  "\u2028",
  "\u2029",
  "\u0000",
  '"',
  "'",
  "\\",
  "\n",
  "\r\n",
  "\u001b[31m",
  "\u001b]0;x\u0007",
  "\n globalThis.PWNED = 3 //",
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 6, unit: "binary" })), {
    minLength: 1,
    maxLength: 5,
  })
  .map((parts) => parts.join(""));

// Replaces every doc string and enum value of the document, in a fixed order, from `texts`.
function mutateDocument(value: unknown, next: () => string, key = ""): unknown {
  if (Array.isArray(value))
    return value.map((v) => (key === "enum" && typeof v === "string" ? next() : mutateDocument(v, next)));
  if (typeof value === "string") return ["title", "summary", "description"].includes(key) ? next() : value;
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mutateDocument(v, next, k)]));
}

function mutate(api: ApiModel, texts: string[]): ApiModel {
  let i = 0;
  const next = () => texts[i++ % texts.length]!;
  const versions: VersionModel[] = api.versions.map((v) => ({
    ...v,
    title: next(),
    document: mutateDocument(v.document, next) as Record<string, unknown>,
    methods: v.methods.map((m) => ({
      ...m,
      summary: next(),
      description: next(),
      scopes: m.scopes.map(next),
      variables: m.variables.map((variable) => ({ ...variable, description: next() })),
      query: m.query.map((q, n) => ({ ...q, name: `${next()}${n}`, description: next() })),
    })),
  }));
  return { ...api, versions };
}

it(`${RUNS} packages generated from hostile strings type-check, and importing them runs nothing`, async () => {
  rmSync(OUT, { recursive: true, force: true });
  const api = await apiModel("spec");
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(hostile, { minLength: 8, maxLength: 8 }), async (texts) => {
      const { files } = await renderPackage("spec", "property", mutate(api, texts));
      // The strings do land in the output (v1's title is the first one), escaped.
      expect(files.get("src/v1/client.ts")).toContain(`/** ${docText(texts[0]!).replace(/\n/g, " ")}: the methods`);
      const dir = `${OUT}/${n++}`;
      for (const [path, text] of files) {
        mkdirSync(dirname(`${dir}/${path}`), { recursive: true });
        writeFileSync(`${dir}/${path}`, text);
      }
      for (const entry of ["index.js", "v1/index.js", "v1beta/index.js", "v1alpha/index.js"])
        await import(pathToFileURL(resolve(dir, "dist", entry)).href);
      expect((globalThis as { PWNED?: unknown }).PWNED).toBeUndefined();
    }),
    { numRuns: RUNS },
  );
  writeFileSync(
    `${OUT}/tsconfig.json`,
    JSON.stringify({
      compilerOptions: STRICT_COMPILER_OPTIONS,
      // Sources only: the fixture test (generated-fixtures.test.ts) checks the declarations in dist/ too.
      // The CLI included: it reads every version's Operation as LroOperation, whatever its enums.
      include: ["*/src"],
    }),
  );
  const tsc = await run(resolve("node_modules/.bin/tsc"), ["-p", `${OUT}/tsconfig.json`], { timeoutMs: 150_000 });
  expect(tsc.stdout + tsc.stderr).toBe("");
  expect(tsc.code).toBe(0);
}, 180_000);
