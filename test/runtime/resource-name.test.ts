import { describe, expect, it } from "vitest";
import { InvalidNameError } from "../../generator/runtime/errors.js";
import { encodeSegment, type MethodBinding, requestPath } from "../../generator/runtime/resource-name.js";

const CANCEL: MethodBinding = {
  id: "earthengine.projects.operations.cancel",
  template: "/v1/{name=projects/*/operations/**}:cancel",
  parsedTemplate: { parts: ["v1", ["name", ["projects", "*", "operations", "**"]]], verb: "cancel" },
};
const LIST: MethodBinding = {
  id: "earthengine.projects.operations.list",
  template: "/v1/{name=projects/*}/operations",
  parsedTemplate: { parts: ["v1", ["name", ["projects", "*"]], "operations"], verb: null },
};
// The runtime reads the parsed form only: a template string that disagrees changes nothing but messages.
const DATA_ONLY: MethodBinding = { ...CANCEL, template: "(not parsed)" };

// Two variables, a literal inside one, and a field that is not `name`.
const TWO: MethodBinding = {
  id: "x.things.copy",
  template: "/v2/{parent=projects/*/locations/*}/things/{thing=ids/*}:copy",
  parsedTemplate: {
    parts: ["v2", ["parent", ["projects", "*", "locations", "*"]], "things", ["thing", ["ids", "*"]]],
    verb: "copy",
  },
};

describe("requestPath", () => {
  const cases: { method: MethodBinding; given: Record<string, unknown>; want: string }[] = [
    { method: CANCEL, given: { name: "projects/p/operations/ABC" }, want: "/v1/projects/p/operations/ABC:cancel" },
    { method: CANCEL, given: { name: "projects/p/operations/a/b" }, want: "/v1/projects/p/operations/a/b:cancel" },
    {
      method: CANCEL,
      given: { name: "projects/my project/operations/x" },
      want: "/v1/projects/my%20project/operations/x:cancel",
    },
    {
      method: CANCEL,
      given: { name: "projects/p/operations/it's(1)*!" },
      want: "/v1/projects/p/operations/it%27s%281%29%2A%21:cancel",
    },
    { method: CANCEL, given: { name: "projects/p/operations/é" }, want: "/v1/projects/p/operations/%C3%A9:cancel" },
    { method: LIST, given: { name: "projects/p", pageSize: 5 }, want: "/v1/projects/p/operations" },
    { method: DATA_ONLY, given: { name: "projects/p/operations/x" }, want: "/v1/projects/p/operations/x:cancel" },
    {
      method: TWO,
      given: { parent: "projects/p/locations/eu w", thing: "ids/7" },
      want: "/v2/projects/p/locations/eu%20w/things/ids/7:copy",
    },
  ];
  it.each(cases)("$method.template: $given", ({ method, given, want }) => {
    expect(requestPath(method, given)).toBe(want);
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
      want: /a bare task id: pass operationName\("6XGCJ4JK5QWZ3MZDDAD2CBEP", project\); the operation helpers take bare ids/,
    },
  ];
  it.each(refused)("$method.template refuses $given", ({ method, given, want }) => {
    let error: unknown;
    try {
      requestPath(method, { name: given });
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
    expect(() => requestPath(LIST, { name: "abc" })).toThrow(/has 1 path segments/);
  });

  it("checks every variable and names the field at fault", () => {
    expect(() => requestPath(TWO, { parent: "projects/p/locations/l" })).toThrow(
      expect.objectContaining({ field: "thing", message: expect.stringMatching(/got undefined/) }),
    );
    expect(() => requestPath(TWO, { parent: "projects/p/zones/l", thing: "ids/7" })).toThrow(
      expect.objectContaining({ field: "parent", pattern: "projects/*/locations/*" }),
    );
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
