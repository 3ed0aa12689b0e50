// The compiler options of every test that type-checks generated packages under --strict, in one place,
// so that the fixture, corpus and property tests check against the same settings.
export const STRICT_COMPILER_OPTIONS = {
  target: "ES2022",
  lib: ["ES2024", "DOM"],
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  noEmit: true,
  types: ["node"],
};
