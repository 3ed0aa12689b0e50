import { ts } from "ts-morph";

const jsOptions: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true };
const dtsOptions: ts.CompilerOptions = { ...jsOptions, declaration: true, isolatedDeclarations: true };

/**
 * `src/**.ts` → `dist/**.js` + `.d.ts`, one file at a time (isolated declarations), so that emitting
 * needs no whole-program type check. The test suite type-checks `src/` as a whole instead.
 */
export function compile(sources: ReadonlyMap<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, text] of sources) {
    const dist = path.replace(/^src\//, "dist/");
    if (path.endsWith(".d.ts")) {
      out.set(dist, text);
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
    out.set(dist.replace(/\.ts$/, ".js"), withHeader(js.outputText));
    out.set(dist.replace(/\.ts$/, ".d.ts"), withHeader(dts.outputText));
  }
  return out;
}
