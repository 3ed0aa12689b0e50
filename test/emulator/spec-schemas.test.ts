// The schema check used on every emulator response must be able to fail.

import { describe, expect, it } from "vitest";
import { responseViolations } from "./harness.js";
import { loadSpecSchemas } from "./spec-schemas.js";

const validate = loadSpecSchemas();

const goodOperation = {
  name: "projects/p/operations/X",
  metadata: {
    "@type": "type.googleapis.com/google.earthengine.v1.OperationMetadata",
    state: "RUNNING",
    createTime: "2026-01-01T00:00:00.000Z",
    progress: 0.5,
  },
  done: false,
};

describe("spec schema validation", () => {
  it("accepts valid bodies", () => {
    expect(validate("Operation", goodOperation)).toEqual([]);
    expect(validate("Empty", {})).toEqual([]);
    expect(validate("ListOperationsResponse", { operations: [goodOperation], nextPageToken: "t" })).toEqual([]);
    expect(validate("ErrorResponse", { error: { code: 404, message: "m", status: "NOT_FOUND" } })).toEqual([]);
  });

  it("catches bad bodies", () => {
    const bogus = { ...goodOperation, metadata: { ...goodOperation.metadata, state: "BOGUS" } };
    expect(validate("Operation", bogus)).toEqual([expect.stringContaining("/metadata/state")]);
    expect(
      validate("Operation", { ...goodOperation, metadata: { ...goodOperation.metadata, createTime: "yesterday" } }),
    ).not.toEqual([]);
    expect(
      validate("Operation", { ...goodOperation, metadata: { ...goodOperation.metadata, progress: 2 } }),
    ).not.toEqual([]);
    expect(validate("Empty", { done: true })).not.toEqual([]);
    expect(validate("ErrorResponse", { error: { code: 404, message: "m", status: "MISSING" } })).not.toEqual([]);
    expect(validate("ListOperationsResponse", { operations: [bogus] })).not.toEqual([]);
    expect(validate("NoSuchSchema", {})).toEqual(["no schema named NoSuchSchema"]);
  });

  it("flags responses the test harness would fail on", () => {
    const bogus = { ...goodOperation, metadata: { ...goodOperation.metadata, state: "BOGUS" } };
    expect(responseViolations({ version: "v1", method: "get", status: 200, body: bogus })).toHaveLength(1);
    expect(responseViolations({ version: "v1beta", method: "get", status: 200, body: goodOperation })).toEqual([
      expect.stringContaining("@type"),
    ]);
    expect(responseViolations({ version: "v1", method: "cancel", status: 500, body: "<html>oops</html>" })).not.toEqual(
      [],
    );
    expect(
      responseViolations({ version: "v1", method: "get", status: 503, body: { error: { code: 500, message: "m" } } }),
    ).toEqual([expect.stringContaining("error.code")]);
    expect(responseViolations({ version: "", method: "admin", status: 200, body: { anything: true } })).toEqual([]);
  });
});
