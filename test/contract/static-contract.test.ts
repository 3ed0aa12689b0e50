import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readSpec } from "./spec-reader.js";
import { staticContract } from "./static-contract.js";

const tmp = mkdtempSync(join(tmpdir(), "ee-static-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function tamperedCopy(file: string, from: string, to: string): string {
  const dir = mkdtempSync(join(tmp, "src-"));
  cpSync("generated/src", dir, { recursive: true });
  const path = join(dir, file);
  const text = readFileSync(path, "utf8");
  // The last occurrence: in methods.ts the value follows its written-out type.
  const at = text.lastIndexOf(from);
  expect(at).toBeGreaterThanOrEqual(0);
  writeFileSync(path, text.slice(0, at) + to + text.slice(at + from.length));
  return dir;
}

describe("static contract: spec vs generated sources", () => {
  it("covers every version × operation of the spec", () => {
    const ops = readSpec("spec");
    expect(new Set(ops.map((o) => o.version))).toEqual(new Set(["v1", "v1alpha", "v1beta"]));
    expect(ops.length).toBe(15);
  });

  it("the generated package agrees with the spec", () => {
    expect(staticContract("spec", "generated/src")).toEqual([]);
  });

  it("reports a tampered scope", () => {
    const dir = tamperedCopy(
      "v1beta/methods.ts",
      '"https://www.googleapis.com/auth/cloud-platform"]',
      '"https://www.googleapis.com/auth/devstorage.full_control"]',
    );
    const problems = staticContract("spec", dir);
    expect(problems.some((p) => p.startsWith("v1beta projects.operations.wait: metadata scopes"))).toBe(true);
  });

  it("reports a tampered wire path: a literal, the verb or a wildcard of the parsed template", () => {
    const verb = tamperedCopy("v1alpha/methods.ts", 'verb: "cancel"', 'verb: "cancelx"');
    expect(staticContract("spec", verb)).toContainEqual(
      expect.stringMatching(/^v1alpha projects\.operations\.cancel: wire path/),
    );
    const literal = tamperedCopy("v1/methods.ts", '"operations"], verb: null', '"operationz"], verb: null');
    expect(staticContract("spec", literal)).toContainEqual(
      expect.stringMatching(/^v1 projects\.operations\.list: wire path is "\/v1\/projects\/\{\}\/operationz"/),
    );
    const wildcard = tamperedCopy("v1/methods.ts", '["name", ["projects", "*"]]', '["name", ["projects", "**"]]');
    expect(staticContract("spec", wildcard)).toContainEqual(
      expect.stringMatching(/^v1 projects\.operations\.list: metadata parsedTemplate/),
    );
  });

  it("reports a tampered HTTP method, a tampered template and a wrapper on another method's metadata", () => {
    const dir = tamperedCopy("v1/methods.ts", 'httpMethod: "DELETE"', 'httpMethod: "GET"');
    expect(staticContract("spec", dir)).toContainEqual(
      expect.stringMatching(/^v1 projects\.operations\.delete: metadata httpMethod is "GET"/),
    );
    const dir2 = tamperedCopy(
      "v1/methods.ts",
      'template: "/v1/{name=projects/*}/operations"',
      'template: "/v1/{name=projects/**}/operations"',
    );
    expect(staticContract("spec", dir2)).toContainEqual(
      expect.stringMatching(/^v1 projects\.operations\.list: metadata template/),
    );
    const dir3 = tamperedCopy(
      "v1/client.ts",
      'return call(transport, methods["projects.operations.delete"]',
      'return call(transport, methods["projects.operations.get"]',
    );
    expect(staticContract("spec", dir3)).toContainEqual(
      expect.stringMatching(/^v1 projects\.operations\.delete: wrapper's metadata is "projects\.operations\.get"/),
    );
  });

  it("reports a body the wrapper does not send", () => {
    const dir = tamperedCopy("v1beta/client.ts", ", { body: request?.body }", "");
    expect(staticContract("spec", dir)).toContainEqual(
      expect.stringMatching(/^v1beta projects\.operations\.wait: wrapper sends a body is false/),
    );
  });

  it("reports a method the spec lacks and one that is missing", () => {
    const dir = tamperedCopy(
      "v1beta/client.ts",
      "        delete(request, options) {",
      "        purge(request, options) {",
    );
    const problems = staticContract("spec", dir);
    expect(problems).toContain("v1beta projects.operations.delete: the spec has it, the generated client does not");
    expect(problems).toContain("v1beta projects.operations.purge: generated, but the spec has no such operation");
  });

  it("reports a dropped query parameter", () => {
    const dir = tamperedCopy("v1/methods.ts", '["pageToken", "string", false]', '["pageTokn", "string", false]');
    expect(staticContract("spec", dir)).toContainEqual(
      expect.stringMatching(/^v1 projects\.operations\.list: query params/),
    );
  });
});
