import { ts } from "ts-morph";

const jsOptions: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true };
const dtsOptions: ts.CompilerOptions = { ...jsOptions, declaration: true, isolatedDeclarations: true };

/**
 * `src/**.ts` → `dist/**.js` + `.d.ts`, one file at a time (isolated declarations), so that emitting
 * needs no whole-program type check. The test suite type-checks `src/` as a whole instead.
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
    const cached = compiled.get(`${path}\0${text}`);
    if (cached) {
      out.set(dist.replace(/\.ts$/, ".js"), cached[0]);
      out.set(dist.replace(/\.ts$/, ".d.ts"), cached[1]);
      continue;
    }
    const js = ts.transpileModule(text, { compilerOptions: jsOptions, fileName: path, reportDiagnostics: true });
    const dts = ts.transpileDeclaration(text, { compilerOptions: dtsOptions, fileName: path, reportDiagnostics: true });
    const problems = [...(js.diagnostics ?? []), ...(dts.diagnostics ?? [])];
    if (problems.length > 0) {
      const message = ts.formatDiagnostics(problems, {
        getCanonicalFileName: (f) => f,
        getCurrentDirectory: () => "",
        getNewLine: () => "\n",
      });
      throw new Error(`generated ${path} does not compile:\n${message}`);
    }
    // The header comment belongs to the first statement, which may be an elided `import type`.
    const firstLine = text.slice(0, text.indexOf("\n") + 1);
    const header = firstLine.startsWith("#!") ? "" : firstLine; // an executable's shebang stays first
    const withHeader = (output: string) => (output.startsWith(header) ? output : header + output);
    const result: [string, string] = [withHeader(js.outputText), withHeader(dts.outputText)];
    compiled.set(`${path}\0${text}`, result);
    out.set(dist.replace(/\.ts$/, ".js"), result[0]);
    out.set(dist.replace(/\.ts$/, ".d.ts"), result[1]);
  }
  return out;
}
