// Every ```ts example in the committed generated/README.md compiles against the package under
// --strict: the fences are written to .tmp/ (inside the repo, so "ee-operations-client" resolves to
// generated/ through node_modules) and checked in one tsc run.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../helpers/run.js";
import { STRICT_COMPILER_OPTIONS } from "../helpers/strict-tsconfig.js";

const OUT = ".tmp/readme-examples";
// The one name the examples leave to the reader: the access token their app already has.
const PRELUDE = "declare const token: string;\n";

/** The bodies of the ```ts fences of a markdown text, in order. */
function tsFences(markdown: string): string[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!);
}

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

describe("tsFences", () => {
  const cases: [string, string, string[]][] = [
    ["none", "# title\n\n```sh\nnpm i x\n```\n", []],
    ["two, other languages skipped", "```ts\na;\n```\n\n```js\nb;\n```\n\n```ts\nc;\nd;\n```\n", ["a;", "c;\nd;"]],
  ];
  it.each(cases)("%s", (_, given, want) => expect(tsFences(given)).toEqual(want));
});

describe("generated/README.md", () => {
  it("every ts example type-checks under --strict against the package (one tsc run)", async () => {
    const fences = tsFences(readFileSync("generated/README.md", "utf8"));
    // One per concept at least: client, per-version, options, per-call, errors, helpers, bulk, names, auth, testing.
    expect(fences.length).toBeGreaterThanOrEqual(10);
    rmSync(OUT, { recursive: true, force: true });
    mkdirSync(OUT, { recursive: true });
    // `export {}`: each example is a module (top-level await), whatever it imports.
    for (const [i, code] of fences.entries())
      writeFileSync(`${OUT}/example-${i + 1}.ts`, `${PRELUDE}${code}\nexport {};\n`);
    writeFileSync(
      `${OUT}/tsconfig.json`,
      JSON.stringify({ compilerOptions: STRICT_COMPILER_OPTIONS, include: ["*.ts"] }),
    );
    const tsc = await run(resolve("node_modules/.bin/tsc"), ["-p", `${OUT}/tsconfig.json`], { timeoutMs: 120_000 });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.code).toBe(0);
  }, 130_000);
});
