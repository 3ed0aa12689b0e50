import { describe, expect, it } from "vitest";
import { ProtocolError } from "../../generator/runtime/errors.js";
import { outcomeOf, readListPage, readOperation } from "../../generator/runtime/operation-json.js";

describe("readOperation", () => {
  it.each([
    { given: { name: "n", done: true }, want: { name: "n", done: true } },
    { given: { name: "n", done: null, error: null, metadata: null }, want: { name: "n" } },
    {
      given: { done: true, error: { code: "1", message: "x" } },
      want: { done: true, error: { code: 1, message: "x" } },
    },
    { given: { done: true, error: { code: "-2" } }, want: { done: true, error: { code: -2 } } },
    { given: { done: true, error: {} }, want: { done: true, error: { code: 0 } } },
    { given: { done: true, error: { code: null, message: null } }, want: { done: true, error: { code: 0 } } },
    { given: { metadata: { state: "RUNNING" } }, want: { metadata: { state: "RUNNING" } } },
  ])("given $given, want $want", ({ given, want }) => {
    expect(readOperation(given)).toEqual(want);
  });

  it.each([
    { given: null, field: "operation" },
    { given: [], field: "operation" },
    { given: "x", field: "operation" },
    { given: { done: "false" }, field: "operation.done" },
    { given: { done: 1 }, field: "operation.done" },
    { given: { name: 5 }, field: "operation.name" },
    { given: { error: "boom" }, field: "operation.error" },
    { given: { error: { code: "1.5" } }, field: "operation.error.code" },
    { given: { error: { code: "one" } }, field: "operation.error.code" },
    { given: { error: { code: 1.5 } }, field: "operation.error.code" },
    { given: { error: { code: true } }, field: "operation.error.code" },
    { given: { error: { code: 1, message: 2 } }, field: "operation.error.message" },
    { given: { error: { code: 1, details: {} } }, field: "operation.error.details" },
  ])("given $given, ProtocolError naming $field", ({ given, field }) => {
    const error = (() => {
      try {
        readOperation(given);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).field).toBe(field);
    expect((error as Error).message).toContain(field);
  });
});

describe("readListPage", () => {
  it.each([
    { given: {}, want: { operations: [], nextPageToken: undefined } },
    { given: { operations: null, nextPageToken: null }, want: { operations: [], nextPageToken: undefined } },
    {
      given: { operations: [{ name: "a" }], nextPageToken: "" },
      want: { operations: [{ name: "a" }], nextPageToken: undefined },
    },
    { given: { nextPageToken: "t" }, want: { operations: [], nextPageToken: "t" } },
  ])("given $given, want $want", ({ given, want }) => {
    expect(readListPage(given)).toEqual(want);
  });

  it.each([
    { given: null, field: "list response" },
    { given: { operations: {} }, field: "list response.operations" },
    { given: { operations: [null] }, field: "list response.operations[0]" },
    { given: { operations: [{}, { done: "yes" }] }, field: "list response.operations[1].done" },
    { given: { nextPageToken: ["a"] }, field: "list response.nextPageToken" },
    { given: { nextPageToken: 7 }, field: "list response.nextPageToken" },
    { given: { nextPageToken: {} }, field: "list response.nextPageToken" },
  ])("given $given, ProtocolError naming $field", ({ given, field }) => {
    expect(() => readListPage(given)).toThrow(expect.objectContaining({ name: "ProtocolError", field }));
  });
});

describe("outcomeOf", () => {
  it.each([
    { given: {}, want: undefined },
    { given: { done: false }, want: undefined },
    { given: { done: false, error: { code: 1 } }, want: undefined },
    { given: { done: true }, want: "SUCCEEDED" },
    { given: { done: true, response: {} }, want: "SUCCEEDED" },
    { given: { done: true, error: null }, want: "SUCCEEDED" },
    { given: { done: true, error: { code: 1 } }, want: "CANCELLED" },
    { given: { done: true, error: { code: "1" } }, want: "CANCELLED" },
    { given: { done: true, error: { code: 13, message: "boom" } }, want: "FAILED" },
    { given: { done: true, error: {} }, want: "FAILED" },
  ])("given $given, want $want", ({ given, want }) => {
    expect(outcomeOf(given)).toBe(want);
  });

  it("a __proto__ field never makes an operation done", () => {
    const raw = JSON.parse('{"name":"n","__proto__":{"done":true,"error":{"code":1}}}');
    expect(readOperation(raw).done).toBeUndefined();
    expect(outcomeOf(raw)).toBeUndefined();
    const error = JSON.parse('{"__proto__":{"code":1}}');
    expect(outcomeOf({ done: true, error })).toBe("FAILED");
  });

  it("a non-boolean done is a ProtocolError, not done", () => {
    expect(() => outcomeOf({ done: "false" })).toThrow(ProtocolError);
  });
});
