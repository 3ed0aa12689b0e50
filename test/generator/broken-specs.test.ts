// Every broken spec: generate exits non-zero naming file:line:col, what is wrong and what was expected,
// and generated/ stays byte-for-byte as it was.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashTree, type RunResult, runGenerator } from "../helpers/run.js";

const cases: [string, RegExp][] = [
  ["yaml-syntax", /v1\.yaml:22:7: YAML syntax error: .*; expected valid YAML 1\.2$/],
  ["not-openapi", /v1\.yaml:1:1: Swagger 2\.0 is not OpenAPI 3\.x; expected openapi: "3\.1\.0"$/],
  ["empty-paths", /v1\.yaml:18:8: the description has no paths; expected at least one path with an operation$/],
  [
    "missing-operation-id",
    /v1\.yaml:21:7: POST \/v1\/projects\/\{projectsId\}\/operations\/\{operationsId\}:cancel has no operationId; expected operationId "earthengine\.<resource>/,
  ],
  [
    "duplicate-operation-id",
    /v1\.yaml:39:20: duplicate operationId earthengine\.projects\.operations\.cancel \(also POST .*\); expected a unique operationId/,
  ],
  [
    "unresolvable-ref",
    /v1\.yaml:36:23: \$ref "#\/components\/schemas\/Nothing" does not resolve; expected a JSON pointer to an existing node$/,
  ],
  [
    "ref-to-missing-file",
    /v1\.yaml:36:23: \$ref "shared\/absent\.yaml#\/components\/schemas\/Empty" names a file that cannot be read; expected a path relative/,
  ],
  [
    "path-param-not-declared",
    /v1\.yaml:26:9: .*path parameter \{operationsId\} of .* is not declared; expected a parameter \{ name: operationsId, in: path/,
  ],
  [
    "declared-param-not-in-path",
    /v1\.yaml:26:9: .*path parameter locationsId is declared but .* has no \{locationsId\}; expected only parameters that appear in the path$/,
  ],
  [
    "template-disagrees-with-path",
    /v1\.yaml:22:31: .*template \/v1\/\{name=projects\/\*\/tasks\/\*\*\}:cancel disagrees with the path .*; expected a path with one \{parameter\} per wildcard: \/v1\/projects\/\{\}\/tasks\/\{\}:cancel$/,
  ],
  [
    "missing-security-scopes",
    /v1\.yaml:21:7: earthengine\.projects\.operations\.cancel has no security requirement; expected security: /,
  ],
  [
    "undeclared-scope",
    /v1\.yaml:29:19: .*uses the scope https:\/\/www\.googleapis\.com\/auth\/cloud-platform, which oauth2 does not declare; expected one of https:\/\/www\.googleapis\.com\/auth\/earthengine$/,
  ],
  [
    "unknown-http-method",
    /v1\.yaml:20:5: "fetch" is not an HTTP method; expected one of get, put, post, delete, patch$/,
  ],
  [
    "invalid-name-pattern",
    /v1\.yaml:22:31: .*invalid template \/v1\/\{name=projects\/\*\/operations\/\*\*\/x\}:cancel: \*\* may only be the last segment of the path; expected a gRPC transcoding template/,
  ],
  [
    "missing-template",
    /v1\.yaml:21:7: earthengine\.projects\.operations\.cancel has no x-google-http-template; expected the method's gRPC transcoding template/,
  ],
];

let before: string;
const results = new Map<string, RunResult>();

beforeAll(async () => {
  before = hashTree("generated");
  // Two at a time: each run is a fresh Node process.
  const queue = [...cases.map(([name]) => name)];
  await Promise.all(
    [0, 1].map(async () => {
      for (let name = queue.shift(); name; name = queue.shift()) {
        results.set(name, await runGenerator(["--spec", `test/fixtures/broken/${name}`, "--out", "generated"]));
      }
    }),
  );
}, 120_000);

afterAll(() => {
  expect(hashTree("generated")).toBe(before);
});

describe("broken specs", () => {
  it("the corpus has at least 12 cases, and its base spec is valid", async () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
    const ok = await runGenerator(["check", "--spec", "test/fixtures/broken/valid", "--out", ".tmp/never-written"]);
    expect(ok.stderr).toMatch(/is stale/); // it generates; there is just nothing at the output yet
  });

  it.each(cases)("%s: exits 1 with file:line:col, the problem and what was expected", (name, message) => {
    const result = results.get(name)!;
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    const line = result.stderr.trim();
    expect(line.startsWith(`error: test/fixtures/broken/${name}/v1.yaml:`)).toBe(true);
    expect(line).toMatch(message);
    expect(line.split("\n")).toHaveLength(1);
  });

  it("generated/ is byte-for-byte unchanged after all of them", () => {
    expect(hashTree("generated")).toBe(before);
  });
});
