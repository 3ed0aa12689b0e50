import { describe, expect, it } from "vitest";
import { run, TSC } from "../helpers/run.js";

describe("types", () => {
  it("a strict consumer compiles against the published .d.ts, and each misuse fails to", async () => {
    const result = await run(TSC, ["-p", "test/types/tsconfig.json"]);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("the whole project type-checks: generator, runtime, tests and generated/src", async () => {
    const result = await run(TSC, ["-p", "tsconfig.json"], { timeoutMs: 120_000 });
    expect(result.stdout + result.stderr).toBe("");
    expect(result.code).toBe(0);
  }, 120_000);
});
