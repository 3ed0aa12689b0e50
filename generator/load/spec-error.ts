import { relative } from "node:path";

/** A problem in the spec, located to file, line and column, saying what was expected. */
export class SpecError extends Error {
  override readonly name = "SpecError";
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly problem: string,
    readonly expected: string,
  ) {
    super(`${file}:${line}:${column}: ${problem}; expected ${expected}`);
  }
}

/** How a SpecError names the file at `path`: relative to the working folder where it can be. */
export function errorFileName(path: string): string {
  return relative(process.cwd(), path) || path;
}
