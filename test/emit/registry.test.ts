// emit/registry.ts: one list of emitters; per-version ones run for each version, package ones once.
import { Project } from "ts-morph";
import { describe, expect, it } from "vitest";
import {
  EMITTERS,
  type EmitContext,
  type Emitter,
  emitPackage,
  emitVersion,
  merge,
} from "../../generator/emit/registry.js";
import { api, version } from "./model-fixture.js";

const ctx: EmitContext = {
  project: new Project({ useInMemoryFileSystem: true }),
  source: "spec/",
  runtime: new Map([
    ["transport.ts", "export {};\n"],
    ["operation-helpers.ts", "export {};\n"],
  ]),
  ranges: { "google-auth-library": "^10.9.1" },
};

describe("EMITTERS", () => {
  it("has unique names, the types emitter first (its thread starts before the others work)", () => {
    const names = EMITTERS.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names[0]).toBe("types");
  });

  const cases: [string, boolean, string[]][] = [
    [
      "package files with operations",
      true,
      [
        "LICENSE",
        "README.md",
        "package.json",
        "src/index.ts",
        "src/runtime/operation-helpers.ts",
        "src/runtime/transport.ts",
      ],
    ],
    [
      "package files without",
      false,
      ["LICENSE", "README.md", "package.json", "src/index.ts", "src/runtime/transport.ts"],
    ],
  ];
  it.each(cases)("%s", async (_, lro, want) => {
    const files = await emitPackage(api([version("v1", lro)]), ctx);
    const paths = [...files.keys()].sort();
    // The CLI (emit/cli.ts, tested in cli.test.ts) comes with the operations helpers.
    expect(paths.filter((path) => !path.startsWith("src/cli/"))).toEqual(want);
    expect(paths.includes("src/cli/main.ts")).toBe(lro);
  });
});

describe("emitVersion / emitPackage", () => {
  const fake: Emitter[] = [
    { name: "a", per: "version", emit: (v) => new Map([[`src/${v.version}/a.ts`, "a"]]) },
    { name: "b", per: "version", emit: async (v, model) => new Map([[`src/${v.version}/b.ts`, model.service]]) },
    { name: "p", per: "package", emit: (model) => new Map([["p.json", String(model.versions.length)]]) },
  ];
  it("a new output kind is one entry: it runs with the others and its files are merged", async () => {
    const model = api([version("v1", false), version("v2", false)]);
    expect(Object.fromEntries(await emitVersion(model.versions[1]!, model, ctx, fake))).toEqual({
      "src/v2/a.ts": "a",
      "src/v2/b.ts": "svc",
    });
    expect(Object.fromEntries(await emitPackage(model, ctx, fake))).toEqual({ "p.json": "2" });
  });

  it("two emitters writing one path is an error, not a silent overwrite", () => {
    expect(() => merge([new Map([["x", "1"]]), new Map([["x", "2"]])])).toThrow("two emitters write x");
  });
});
