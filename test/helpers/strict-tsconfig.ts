// The compiler options of every test that type-checks generated packages under --strict, in one place,
// so that the fixture, corpus and property tests check against the same settings.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { type RunResult, run, TSC } from "./run.js";

export const STRICT_COMPILER_OPTIONS = {
  target: "ES2022",
  lib: ["ES2024", "DOM"],
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  noEmit: true,
  types: ["node"],
};

/**
 * Writes `<dir>/tsconfig.json` (STRICT_COMPILER_OPTIONS, then `compilerOptions`; `include` relative to
 * `dir`) and runs tsc on it, as one program.
 */
export function typeCheckStrict(
  dir: string,
  include: string[],
  options: { compilerOptions?: Record<string, unknown>; timeoutMs?: number } = {},
): Promise<RunResult> {
  const tsconfig = join(dir, "tsconfig.json");
  writeFileSync(
    tsconfig,
    JSON.stringify({ compilerOptions: { ...STRICT_COMPILER_OPTIONS, ...options.compilerOptions }, include }),
  );
  return run(TSC, ["-p", tsconfig], { timeoutMs: options.timeoutMs });
}
