// emit/package-readme-samples.ts: sample names and calls for the README's examples.
import { describe, expect, it } from "vitest";
import { lroSample, memberPath, sampleCall, sampleName } from "../../generator/emit/package-readme-samples.js";
import type { MethodModel } from "../../generator/model/api-model.js";
import { method, version } from "./model-fixture.js";

describe("sampleName", () => {
  const cases: [string, string][] = [
    ["projects/*/operations/**", "projects/my-project/operations/ABC123"],
    ["projects/*", "projects/my-project"],
    ["a/*/b/*/c/*", "a/my-project/b/id2/c/id3"],
    ["literal", "literal"],
  ];
  it.each(cases)("%s → %s", (given, want) => expect(sampleName(given)).toBe(want));
});

describe("memberPath", () => {
  const cases: [string, string][] = [
    ["projects.operations.get", "client.projects.operations.get"],
    ["things.do-it", 'client.things["do-it"]'],
  ];
  it.each(cases)("%s → %s", (given, want) => expect(memberPath("client", given)).toBe(want));
});

describe("sampleCall", () => {
  const cases: [string, MethodModel, string][] = [
    ["a name field", method("a.get"), 'client.a.get({ name: "projects/my-project/operations/ABC123" })'],
    [
      "a field that is no identifier",
      method("a.get", "x/*", "the-name"),
      'client.a.get({ "the-name": "x/my-project" })',
    ],
    [
      "a required body",
      { ...method("a.wait"), body: { required: true, schema: { kind: "component", name: "W" } } } as MethodModel,
      'client.a.wait({ name: "projects/my-project/operations/ABC123", body: {} })',
    ],
    ["spec text as a string literal", method("a.get", 'q"\u2028'), 'client.a.get({ name: "q\\"\\u2028" })'],
  ];
  it.each(cases)("%s", (_, given, want) => expect(sampleCall("client", given)).toBe(want));
});

describe("lroSample", () => {
  it("names an operation for get and its parent for list", () => {
    const v = version("v1", true, [
      method("projects.operations.get"),
      method("projects.operations.list", "projects/*"),
    ]);
    expect(lroSample(v, "get")).toBe("projects/my-project/operations/ABC123");
    expect(lroSample(v, "list")).toBe("projects/my-project");
  });
});
