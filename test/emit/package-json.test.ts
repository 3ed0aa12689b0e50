// emit/package-json.ts: given a model, want these package.json fields.
import { describe, expect, it } from "vitest";
import { CLI_MAIN, packageJsonFile } from "../../generator/emit/package-json.js";
import { api, version } from "./model-fixture.js";

const RANGES = { "google-auth-library": "^10.9.1", typescript: "~5.9" };

describe("packageJsonFile", () => {
  const cases: [string, ReturnType<typeof api>, Record<string, unknown>][] = [
    [
      "names from the spec, a bin where a version has operations",
      api([version("v1", true), version("v1beta", false)]),
      {
        name: "ee-operations-client",
        description: "Typed client.",
        license: "Apache-2.0",
        bin: { "ee-operations": CLI_MAIN },
        engines: { node: ">=20.19" },
        // The runtime is plain fetch: nothing to install besides the package.
        dependencies: undefined,
        peerDependencies: { "google-auth-library": "^10.9.1" },
      },
    ],
    [
      "no operations resource: no bin",
      api([version("v2beta1", false)], { name: "@acme/crm-client", description: "CRM.", bin: "crm" }),
      { name: "@acme/crm-client", description: "CRM.", bin: undefined, engines: { node: ">=20.19" } },
    ],
  ];
  it.each(cases)("%s", (_, model, want) => {
    const pkg = JSON.parse(packageJsonFile(model, "spec/", RANGES));
    for (const [key, value] of Object.entries(want)) expect(pkg[key], key).toEqual(value);
  });

  it("has one export per version (types first), google-auth and package.json; files is dist only", () => {
    const pkg = JSON.parse(packageJsonFile(api([version("v1", true), version("v1p1beta1", false)]), "spec/", RANGES));
    expect(Object.keys(pkg.exports)).toEqual([".", "./v1", "./v1p1beta1", "./google-auth", "./package.json"]);
    expect(pkg.exports["./v1p1beta1"]).toEqual({
      types: "./dist/v1p1beta1/index.d.ts",
      default: "./dist/v1p1beta1/index.js",
    });
    expect(pkg.files).toEqual(["dist"]);
    expect(pkg.type).toBe("module");
  });

  it("refuses to write a dependency it has no range for", () => {
    expect(() => packageJsonFile(api([version("v1", true)]), "spec/", {})).toThrow(
      /no devDependency google-auth-library/,
    );
  });
});
