// emit/package-readme.ts: the package's README (for its users) and LICENSE, given a model.
import { describe, expect, it } from "vitest";
import { licenseFile, packageReadmeFile } from "../../generator/emit/package-readme.js";
import { api, version } from "./model-fixture.js";

describe("packageReadmeFile", () => {
  const cases: [string, ReturnType<typeof api>, string[], string[]][] = [
    [
      "with operations: install, createClient, per-version entry point, helpers, CLI, errors",
      api([version("v1", true), version("v1beta", true)]),
      [
        "# ee-operations-client\n\nTyped client.",
        "npm install ee-operations-client",
        'import { createClient } from "ee-operations-client";',
        '  version: "v1beta",',
        'import { createClient, methods } from "ee-operations-client/v1beta";',
        'await client.projects.operations.get({ name: "projects/my-project/operations/ABC123" });',
        "client.waitForOperation(name",
        "There `createClient` returns the methods alone, and `createClientWithHelpers`",
        "The package installs `ee-operations`",
        "| `projects.operations.cancel` | `POST /v1/{name=projects/*/operations/**}` |",
        "| `InvalidNameError` (a `TypeError`)",
        "Apache-2.0",
      ],
      [],
    ],
    [
      "without operations: neither helpers nor a CLI",
      api([version("v2beta1", false)], { name: "crm-client", bin: "crm" }),
      ["# crm-client", "npm install crm-client", "`v2beta1`:"],
      ["waitForOperation", "## Command line", "crm list", "createClientWithHelpers"],
    ],
  ];
  it.each(cases)("%s", (_, model, want, notWant) => {
    const text = packageReadmeFile(model, "spec/");
    for (const part of want) expect(text).toContain(part);
    for (const part of notWant) expect(text).not.toContain(part);
  });
});

describe("licenseFile", () => {
  it("is the Apache License 2.0, whole", () => {
    const text = licenseFile();
    expect(text).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(text).toContain("9. Accepting Warranty or Additional Liability.");
    expect(text).toContain("END OF TERMS AND CONDITIONS");
    expect(text.split("\n")).toHaveLength(203);
  });
});
