import { describe, expect, it } from "vitest";
import { InvalidNameError } from "../../generator/runtime/errors.js";
import { operationName, taskId } from "../../generator/runtime/operation-name.js";

describe("operationName", () => {
  it("expands a bare task id under earthengine-legacy or a given project", () => {
    expect(operationName("6XGCJ4JK5QWZ3MZDDAD2CBEP")).toBe(
      "projects/earthengine-legacy/operations/6XGCJ4JK5QWZ3MZDDAD2CBEP",
    );
    expect(operationName("ABC_1-2", "my-project")).toBe("projects/my-project/operations/ABC_1-2");
  });

  it("passes a full name through", () => {
    expect(operationName("projects/p/operations/a/b")).toBe("projects/p/operations/a/b");
  });

  it.each(["", "has space", "projects/p/ops/x", "projects/p/operations/..", "a?b", "../x", "projects/p"])(
    "rejects %j",
    (input) => {
      expect(() => operationName(input)).toThrow(InvalidNameError);
    },
  );

  it("rejects a project that does not fit projects/*", () => {
    expect(() => operationName("ABC", "a/b")).toThrow(InvalidNameError);
    expect(() => operationName("ABC", "..")).toThrow(/dot segments/);
  });
});

describe("taskId", () => {
  it.each([
    { given: "projects/p/operations/6XGCJ4JK5QWZ3MZDDAD2CBEP", want: "6XGCJ4JK5QWZ3MZDDAD2CBEP" },
    { given: "projects/operations/operations/ABC", want: "ABC" },
    { given: "projects/p/operations/a/b", want: "a/b" },
    { given: "ABC_1-2", want: "ABC_1-2" },
  ])("given $given, want $want", ({ given, want }) => {
    expect(taskId(given)).toBe(want);
  });
  it.each(["", "projects/p", "projects/p/ops/x", "a b"])("rejects %j", (given) => {
    expect(() => taskId(given)).toThrow(InvalidNameError);
  });
});
