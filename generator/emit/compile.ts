import { createRequire } from "node:module";

/**
 * `src/**.ts` → `dist/**.js` + `.d.ts`, one file at a time: oxc strips the types, and writes the
 * declarations from the annotations alone (isolated declarations), so emitting needs no type checker.
 * TypeScript's own transpileModule and transpileDeclaration gave the same declarations but made a
 * cold run slower (bench figure 1, cold generate), nearly all of it warming up its emitter; the test suite type-checks `src/` and
 * `dist/` with tsc instead.
 */
// Watch mode recompiles only what changed: same path and text, same output.
const compiled = new Map<string, [string, string]>();

export function compile(sources: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, text] of sources) {
    const dist = path.replace(/^src\//, "dist/");
    if (path.endsWith(".d.ts")) {
      out.set(dist, text);
      continue;
    }
    const key = `${path}\0${text}`;
    let result = compiled.get(key);
    if (!result) {
      result = compileFile(path, text);
      compiled.set(key, result);
    }
    out.set(dist.replace(/\.ts$/, ".js"), result[0]);
    out.set(dist.replace(/\.ts$/, ".d.ts"), result[1]);
  }
  return out;
}

function compileFile(path: string, text: string): [string, string] {
  const { transformSync, isolatedDeclarationSync } = oxc();
  const js = transformSync(path, text, { target: "es2022", lang: "ts", sourceType: "module" });
  const dts = isolatedDeclarationSync(path, text, { sourcemap: false });
  const problems = [...js.errors, ...dts.errors];
  if (problems.length > 0) {
    throw new Error(`generated ${path} does not compile:\n${problems.map((p) => `  ${p.message}`).join("\n")}`);
  }
  // Line comments are dropped, the do-not-edit header with them; an executable's shebang stays first.
  const firstLine = text.slice(0, text.indexOf("\n") + 1);
  const header = firstLine.startsWith("#!") ? "" : firstLine;
  const withHeader = (output: string) => (output.startsWith(header) ? output : header + output);
  return [withHeader(js.code), withHeader(dts.code)];
}

let loaded: typeof import("oxc-transform") | undefined;
const oxc = () => (loaded ??= createRequire(import.meta.url)("oxc-transform") as typeof import("oxc-transform"));
