// Which seeded projects and ids the emulator accepts: exactly those whose operation name the generated
// client accepts for `projects/*/operations/**` (its own, separate check is the oracle here).

import { describe, expect, it } from "vitest";
import { operationIdProblem, projectProblem, quoteForMessage, segmentProblem } from "../../emulator/resource-id.js";
import { bindName, type MethodBinding } from "../../generator/runtime/resource-name.js";

const GET: MethodBinding = {
  id: "projects.operations.get",
  template: "/v1/{name=projects/*/operations/**}",
  parsedTemplate: { parts: ["v1", ["name", ["projects", "*", "operations", "**"]]], verb: null },
};

/** Whether the generated client would send a request for this operation name. */
function clientAccepts(name: string): boolean {
  try {
    bindName(GET, ["name", ["projects", "*", "operations", "**"]], name);
    return true;
  } catch {
    return false;
  }
}

describe("segmentProblem", () => {
  it.each([
    { given: "ABC123", want: undefined },
    { given: "my-project_1.x", want: undefined },
    { given: "é ü 中", want: undefined },
    { given: "a b", want: undefined },
    { given: "😀", want: undefined },
    { given: "", want: "is empty" },
    { given: " \t", want: "is only whitespace" },
    { given: "\u00a0", want: "is only whitespace" },
    { given: ".", want: 'is "." (dot segments are not allowed)' },
    { given: "..", want: 'is ".." (dot segments are not allowed)' },
    { given: "a?b", want: 'contains "?", which is not allowed in a resource name' },
    { given: "a#b", want: 'contains "#", which is not allowed in a resource name' },
    { given: "a%2Fb", want: 'contains "%", which is not allowed in a resource name' },
    { given: "a\\b", want: 'contains "\\\\", which is not allowed in a resource name' },
    { given: "a\nb", want: "contains U+000A, which is not allowed in a resource name" },
    { given: "a\u007fb", want: "contains U+007F, which is not allowed in a resource name" },
    { given: "a\u0085b", want: "contains U+0085, which is not allowed in a resource name" },
    { given: "a\ud800b", want: "contains an unpaired UTF-16 surrogate" },
    { given: "\udc00", want: "contains an unpaired UTF-16 surrogate" },
  ])("$given → $want", ({ given, want }) => {
    expect(segmentProblem(given)).toBe(want);
  });
});

describe("projectProblem and operationIdProblem", () => {
  it.each([
    { project: "p", id: "X", want: [undefined, undefined] },
    { project: "earthengine-legacy", id: "a/b/c", want: [undefined, undefined] },
    { project: "a/b", id: "x", want: ['contains "/" (a project is one path segment)', undefined] },
    {
      project: "..",
      id: "../x",
      want: ['is ".." (dot segments are not allowed)', 'segment 1 is ".." (dot segments are not allowed)'],
    },
    { project: "p", id: "a?b#c", want: [undefined, 'contains "?", which is not allowed in a resource name'] },
    { project: "p", id: "a//b", want: [undefined, "segment 2 is empty"] },
    { project: "p", id: "a/", want: [undefined, "segment 2 is empty"] },
    { project: "p", id: "/a", want: [undefined, "segment 1 is empty"] },
    { project: "p", id: "a/./b", want: [undefined, 'segment 2 is "." (dot segments are not allowed)'] },
    { project: "", id: "", want: ["is empty", "is empty"] },
  ])("$project, $id", ({ project, id, want }) => {
    expect([projectProblem(project), operationIdProblem(id)]).toEqual(want);
  });
});

describe("the emulator's rules agree with the client's", () => {
  const segments = [
    "A1",
    "x y",
    "é",
    "",
    " ",
    ".",
    "..",
    "...",
    "a?b",
    "a#b",
    "a%20b",
    "a\\b",
    "a\tb",
    "\u0080",
    "\ud83d",
    "😀",
  ];
  it.each(segments)("project %j and id %j", (segment) => {
    expect(projectProblem(segment) === undefined).toBe(clientAccepts(`projects/${segment}/operations/X`));
    expect(operationIdProblem(segment) === undefined).toBe(clientAccepts(`projects/p/operations/${segment}`));
    expect(operationIdProblem(`ok/${segment}`) === undefined).toBe(
      clientAccepts(`projects/p/operations/ok/${segment}`),
    );
  });
  it("refuses a project with a slash even where the client would read the name differently", () => {
    // projects/a/operations/b/operations/X is a valid name, but of operation b/operations/X in project a.
    expect(clientAccepts("projects/a/operations/b/operations/X")).toBe(true);
    expect(projectProblem("a/operations/b")).toBe('contains "/" (a project is one path segment)');
  });
});

describe("quoteForMessage", () => {
  it.each([
    { given: "abc", want: '"abc"' },
    { given: "a\nb", want: '"a\\nb"' },
    { given: "x".repeat(101), want: `"${"x".repeat(100)}…"` },
    { given: "a\u0000\u007f\u0085\u009bb", want: '"a\\u0000\\u007f\\u0085\\u009bb"' },
  ])("$given → $want", ({ given, want }) => {
    expect(quoteForMessage(given)).toBe(want);
  });
});
