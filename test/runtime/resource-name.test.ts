import { describe, expect, it } from "vitest";
import { InvalidNameError } from "../../generator/runtime/errors.js";
import { bindName, encodeSegment, type MethodBinding } from "../../generator/runtime/resource-name.js";

const CANCEL: MethodBinding = {
  id: "earthengine.projects.operations.cancel",
  template: "/v1/{name=projects/*/operations/**}:cancel",
  parsedTemplate: {
    parts: [
      { kind: "literal", text: "v1" },
      { kind: "variable", field: "name", segments: ["projects", "*", "operations", "**"] },
    ],
    verb: "cancel",
  },
};
const LIST: MethodBinding = {
  id: "earthengine.projects.operations.list",
  template: "/v1/{name=projects/*}/operations",
  parsedTemplate: {
    parts: [
      { kind: "literal", text: "v1" },
      { kind: "variable", field: "name", segments: ["projects", "*"] },
      { kind: "literal", text: "operations" },
    ],
    verb: null,
  },
};
// The runtime reads the parsed form only: a template string that disagrees changes nothing but messages.
const DATA_ONLY: MethodBinding = { ...CANCEL, template: "(not parsed)" };

describe("bindName", () => {
  const cases: { method: MethodBinding; given: string; want: string[] }[] = [
    { method: CANCEL, given: "projects/p/operations/ABC", want: ["p", "ABC"] },
    { method: CANCEL, given: "projects/p/operations/a/b", want: ["p", "a/b"] },
    { method: CANCEL, given: "projects/my project/operations/x", want: ["my%20project", "x"] },
    { method: CANCEL, given: "projects/p/operations/it's(1)*!", want: ["p", "it%27s%281%29%2A%21"] },
    { method: CANCEL, given: "projects/p/operations/é", want: ["p", "%C3%A9"] },
    { method: LIST, given: "projects/p", want: ["p"] },
    { method: DATA_ONLY, given: "projects/p/operations/x", want: ["p", "x"] },
  ];
  it.each(cases)("$method.template: $given", ({ method, given, want }) => {
    expect(bindName(method, "name", given)).toEqual(want);
  });

  const refused: { method: MethodBinding; given: unknown; want: RegExp }[] = [
    { method: CANCEL, given: 42, want: /expected a string, got number/ },
    { method: CANCEL, given: null, want: /expected a string, got null/ },
    { method: CANCEL, given: "projects/p", want: /has 2 path segments, the pattern needs at least 4/ },
    { method: LIST, given: "projects/p/x", want: /has 3 path segments, the pattern needs 2/ },
    { method: CANCEL, given: "Projects/p/operations/x", want: /segment 1 is "Projects", expected "projects"/ },
    { method: CANCEL, given: "projects//operations/x", want: /segment 2 is empty/ },
    { method: CANCEL, given: "projects/p/operations/../x", want: /dot segments are not allowed/ },
    { method: CANCEL, given: "projects/ /operations/x", want: /only whitespace/ },
    { method: CANCEL, given: "projects/p/operations/a%2Fb", want: /contains "%"/ },
    { method: CANCEL, given: "projects/p/operations/a?b", want: /contains "\?"/ },
    { method: CANCEL, given: "projects/p/operations/a\\b", want: /contains "\\\\"/ },
    { method: CANCEL, given: "projects/p/operations/a\u0000", want: /contains "\\u0000"/ },
    { method: CANCEL, given: "projects/p/operations/\ud800", want: /unpaired UTF-16 surrogate/ },
    {
      method: CANCEL,
      given: "6XGCJ4JK5QWZ3MZDDAD2CBEP",
      want: /bare task id: pass operationName\("6XGCJ4JK5QWZ3MZDDAD2CBEP"\) instead/,
    },
  ];
  it.each(refused)("$method.template refuses $given", ({ method, given, want }) => {
    let error: unknown;
    try {
      bindName(method, "name", given);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidNameError);
    expect((error as Error).message).toMatch(want);
    expect(error).toMatchObject({
      field: "name",
      pattern: method === LIST ? "projects/*" : "projects/*/operations/**",
    });
  });

  it("a bare id for a pattern other than operations gets no operationName hint", () => {
    expect(() => bindName(LIST, "name", "abc")).toThrow(/has 1 path segments/);
  });

  it("names a field the template lacks", () => {
    expect(() => bindName(CANCEL, "parent", "x")).toThrow(/has no variable parent/);
  });
});

describe("encodeSegment", () => {
  const cases = [
    { given: "abc-._~", want: "abc-._~" },
    { given: "a b", want: "a%20b" },
    { given: "!'()*", want: "%21%27%28%29%2A" },
    { given: "a/b", want: "a%2Fb" },
  ];
  it.each(cases)("$given", ({ given, want }) => expect(encodeSegment(given)).toBe(want));
});
