import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { OPERATION_STATES, type OperationState, stateFilter } from "../../generator/runtime/state-filter.js";

describe("stateFilter", () => {
  it.each([
    { given: ["RUNNING"], want: 'metadata.state = "RUNNING"' },
    { given: ["RUNNING", "PENDING"], want: 'metadata.state = "RUNNING" OR metadata.state = "PENDING"' },
    { given: ["FAILED", "FAILED"], want: 'metadata.state = "FAILED"' },
  ] as const)("given $given, want $want", ({ given, want }) => {
    expect(stateFilter(...(given as unknown as [OperationState]))).toBe(want);
  });

  it("rejects an unknown state at run time without quoting it, and a typo does not compile", () => {
    // @ts-expect-error a misspelt state is a type error
    expect(() => stateFilter("RUNING")).toThrow(TypeError);
    // @ts-expect-error at least one state
    expect(() => stateFilter()).toThrow("stateFilter needs at least one state");
  });

  it("lists exactly the spec's OperationMetadata.state enum (without STATE_UNSPECIFIED)", () => {
    const components = parse(readFileSync(new URL("../../spec/shared/components.yaml", import.meta.url), "utf8"));
    const spec: string[] = components.components.schemas.OperationMetadata.properties.state.enum;
    expect([...OPERATION_STATES].sort()).toEqual(spec.filter((s) => s !== "STATE_UNSPECIFIED").sort());
  });
});
