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

  it("reports a tampered wrapper path", () => {
    const dir = tamperedCopy(
      "v1alpha/client.ts",
      '"/v1alpha/projects/{projectsId}/operations/{operationsId}:cancel"',
      '"/v1alpha/projects/{projectsId}/operations/{operationsId}:cancelx"',
    );
    expect(staticContract("spec", dir)).toContainEqual(
      expect.stringMatching(/^v1alpha projects\.operations\.cancel: wrapper path/),
    );
  });

  it("reports a tampered HTTP method and a tampered template", () => {
    const dir = tamperedCopy(
      "v1/client.ts",
      'client.DELETE("/v1/projects/{projectsId}/operations/{operationsId}"',
      'client.GET("/v1/projects/{projectsId}/operations/{operationsId}"',
    );
    expect(staticContract("spec", dir)).toContainEqual(
      expect.stringMatching(/^v1 projects\.operations\.delete: wrapper HTTP method is "GET"/),
    );
    const dir2 = tamperedCopy(
      "v1/methods.ts",
      'template: "/v1/{name=projects/*}/operations"',
      'template: "/v1/{name=projects/**}/operations"',
    );
    expect(staticContract("spec", dir2)).toContainEqual(
      expect.stringMatching(/^v1 projects\.operations\.list: metadata template/),
    );
  });

  it("reports a method the spec lacks and one that is missing", () => {
    const dir = tamperedCopy(
      "v1beta/client.ts",
      "        async delete(request, options) {",
      "        async purge(request, options) {",
    );
    const problems = staticContract("spec", dir);
    expect(problems).toContain("v1beta projects.operations.delete: the spec has it, the generated client does not");
    expect(problems).toContain("v1beta projects.operations.purge: generated, but the spec has no such operation");
  });

  it("reports a dropped query parameter", () => {
    const dir = tamperedCopy("v1/methods.ts", '["pageToken", "string", false]', '["pageTokn", "string", false]');
    expect(staticContract("spec", dir)).toContainEqual(
      expect.stringMatching(/^v1 projects\.operations\.list: wrapper query params/),
    );
  });
});
