// emit/package-readme.ts: the package's README (for its users) and LICENSE, given a model.
import { describe, expect, it } from "vitest";
import { EXIT } from "../../generator/cli-app/errors.js";
import { licenseFile, packageReadmeFile } from "../../generator/emit/package-readme.js";
import { CLI_EXIT_CODES } from "../../generator/emit/package-readme-cli.js";
import { REFUSED_HEADERS } from "../../generator/emit/package-readme-options.js";
import type { MethodModel } from "../../generator/model/api-model.js";
import { fixedHeaders } from "../../generator/runtime/headers.js";
import { api, method, version } from "./model-fixture.js";

const HELPERS = "## Long-running operations";
// The operations resource with `list` on its parent, as google.longrunning has it.
const OPS = ["cancel", "get", "wait"].map((m) => method(`projects.operations.${m}`));
const LIST = method("projects.operations.list", "projects/*");
const CLI = "## Command line";

describe("packageReadmeFile", () => {
  const cases: [string, ReturnType<typeof api>, string[], string[]][] = [
    [
      "with operations: every section, helpers and CLI included",
      api([version("v1", true), version("v1beta", true, [...OPS, LIST])]),
      [
        "# ee-operations-client\n\nTyped client.",
        "npm install ee-operations-client",
        'const { createClient } = require("ee-operations-client");',
        "| `ee-operations-client/v1beta` | v1beta alone: `createClient` (methods only), `createClientWithHelpers`",
        "| `ee-operations-client/google-auth` |",
        "also exported as `createEarthEngineClient`",
        '  version: "v1beta",',
        'import { createClient, createClientWithHelpers } from "ee-operations-client/v1beta";',
        "// EarthEngineV1betaClient",
        'await client.projects.operations.get({ name: "projects/my-project/operations/ABC123" }',
        "## Client options",
        '  baseUrl: "https://svc.googleapis.com",',
        "`x-goog-api-client: ee-operations-client/0.1.0 gl-node/<Node version>`",
        "default `{ retries: 3, minDelayMs: 200, maxDelayMs: 20000 }`",
        "default 120,000 ms",
        "Default 32 MiB.",
        "### Per-call options",
        "### Retries",
        "| `InvalidNameError` (a `TypeError`)",
        "`ClientError` is the union",
        "`CANONICAL_CODES[code]`",
        HELPERS,
        'client.waitForOperation("projects/my-project/operations/ABC123"',
        'client.listOperations("projects/my-project"',
        "100 calls per batch request: Google's batch endpoints accept at most 1000 calls",
        "answers 404 or 501",
        "`batch: false`",
        "## Google credentials",
        "`refreshTimeoutMs`",
        CLI,
        "The package installs `ee-operations`",
        "- `--api-version <v>`: `v1`, `v1beta` (default `v1`).",
        "else a usage error where a project is needed",
        "| 130 | interrupted by Ctrl-C (SIGINT) |",
        "## Testing",
        "| `projects.operations.cancel` | `POST /v1/{name=projects/*/operations/**}` |",
        "Apache-2.0",
      ],
      ["earthengine-legacy`, with a `note:`"],
    ],
    [
      "without operations: neither helpers nor a CLI",
      api([version("v2beta1", false)], { name: "crm-client", bin: "crm" }),
      [
        "# crm-client",
        "npm install crm-client",
        'import { createClient } from "crm-client/v2beta1";',
        "## Client options",
        "## Errors",
        "## Google credentials",
        "`v2beta1`:",
      ],
      [HELPERS, CLI, "waitForOperation", "cancelMany", "crm list", "createClientWithHelpers", "outcomeOf"],
    ],
    [
      "the latest version without operations: the per-version example uses one that has them",
      api([version("v1", true), version("v2", false)]),
      [
        'version: "v2",',
        'import { createClient, createClientWithHelpers } from "ee-operations-client/v1";',
        'const client = createClient({ version: "v1", accessToken: async () => token });',
        HELPERS,
        CLI,
        "| `ee-operations-client/v2` | v2 alone: `createClient`, `methods`",
      ],
      ['createClientWithHelpers } from "ee-operations-client/v2"'],
    ],
    [
      "the Earth Engine service: the CLI's default project",
      { ...api([version("v1", true)]), service: "earthengine" },
      ["else `earthengine-legacy`, with a `note:` on stderr saying so (it is not sent)"],
      ["else a usage error"],
    ],
  ];
  it.each(cases)("%s", (_, model, want, notWant) => {
    const text = packageReadmeFile(model, "spec/");
    for (const part of want) expect(text).toContain(part);
    for (const part of notWant) expect(text).not.toContain(part);
  });

  it("spec text stays inside its code span, string literal or member access", () => {
    const odd = {
      ...method("things.do-it", 'x"`|y/*'),
      template: "/v1/{name=x`|y/*}",
    } as MethodModel;
    const text = packageReadmeFile(api([version("v1", false, [odd])]), "spec/");
    // Table cell: the pipe escaped, the span fenced by two backticks around the one inside.
    expect(text).toContain("| `things.do-it` | `` POST /v1/{name=x`\\|y/*} `` |");
    // Code: a member access and a string literal (JSON escaping), never raw spec text.
    expect(text).toContain('await client.things["do-it"]({ name: "x\\"`|y/my-project" });');
    // Fences stay balanced: every ``` line opens or closes one.
    expect(text.split("\n").filter((line) => line.startsWith("```")).length % 2).toBe(0);
  });
});

describe("README facts match the code", () => {
  it("every header the README lists as refused is refused by the runtime, and others are not", () => {
    for (const name of REFUSED_HEADERS) {
      expect(() => fixedHeaders({ project: undefined, headers: { [name]: "v" }, userAgent: undefined }), name).toThrow(
        TypeError,
      );
    }
    expect(
      fixedHeaders({ project: undefined, headers: { "x-request-reason": "v" }, userAgent: undefined }),
    ).toMatchObject({ "x-request-reason": "v" });
  });

  it("the CLI's exit codes are cli-app's EXIT", () => {
    expect(CLI_EXIT_CODES.map(([code]) => code)).toEqual(Object.values(EXIT));
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
