// usesProject and operationNames: which command lines use the project, and names checked in the CLI's words.
import { describe, expect, it } from "vitest";
import { UsageError } from "../../generator/cli-app/errors.js";
import { operationNames, usesProject } from "../../generator/cli-app/targets.js";

const line = (command: "get" | "list" | "cancel" | "wait", targets: string[], all = false) => ({
  command,
  targets,
  all,
});

describe("usesProject", () => {
  it.each([
    ["a bare task id", line("get", ["6XGCJ4JK5QWZ3MZDDAD2CBEP"]), true],
    ["a full name of another project", line("get", ["projects/other-proj/operations/X"]), false],
    ["full names only", line("cancel", ["projects/a/operations/X", "projects/b/operations/Y"]), false],
    ["a full name and a bare id", line("cancel", ["projects/a/operations/X", "Y"]), true],
    ["list", line("list", []), true],
    ["cancel all", line("cancel", [], true), true],
    ["wait all", line("wait", [], true), true],
  ])("%s → %s", (_, given, want) => {
    expect(usesProject(given)).toBe(want);
  });
});

describe("operationNames", () => {
  it.each([
    [
      "bare ids expanded with the project",
      ["ABC", "d_e-F"],
      ["projects/p/operations/ABC", "projects/p/operations/d_e-F"],
    ],
    ["a full name kept as is", ["projects/other/operations/X"], ["projects/other/operations/X"]],
    ["a nested operation id", ["projects/p/operations/a/b"], ["projects/p/operations/a/b"]],
    ["a name given twice is one operation", ["ABC", "ABC"], ["projects/p/operations/ABC"]],
    [
      "a task id and its full name are one operation, at the first position",
      ["X", "ABC", "projects/p/operations/X", "Y", "X"],
      ["projects/p/operations/X", "projects/p/operations/ABC", "projects/p/operations/Y"],
    ],
    [
      "the same id in another project is another operation",
      ["X", "projects/other/operations/X"],
      ["projects/p/operations/X", "projects/other/operations/X"],
    ],
  ])("%s", (_, targets, want) => {
    expect(operationNames(line("cancel", targets), "p")).toEqual(want);
  });

  const NEITHER = "is neither a task id nor an operation name (projects/<project>/operations/<id>)";
  it.each([
    ["punctuation", "bad!", `"bad!" ${NEITHER}`],
    ["a slash but no operation name", "bad/name", `"bad/name" ${NEITHER}`],
    ["an empty target", "", `"" ${NEITHER}`],
    ["a long target is cut short", `${"x".repeat(70)}!`, `"${"x".repeat(59)}…" ${NEITHER}`],
  ])("%s is a usage error of the command, naming no internal parameter", (_, target, message) => {
    let error: unknown;
    try {
      operationNames(line("get", [target]), "p");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).message).toBe(message);
    expect((error as UsageError).command).toBe("get");
  });
});
