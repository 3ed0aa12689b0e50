import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
const t0 = performance.now();
const { ts } = await import("ts-morph");
const t1 = performance.now();
const { compile } = await import("./generator/emit/compile.ts");
const sources = new Map<string, string>();
const walk = (dir: string, rel: string) => { for (const n of readdirSync(dir)) { const p = join(dir, n); if (statSync(p).isDirectory()) walk(p, `${rel}/${n}`); else sources.set(`${rel}/${n}`, readFileSync(p, "utf8")); } };
walk("generated/src", "src");
const mode = process.argv[2];
const t2 = performance.now();
let out: Map<string, string>;
if (mode === "old") out = compile(sources);
else {
  const options: import("ts-morph").ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, strict: true, declaration: true, isolatedDeclarations: true, isolatedModules: true, emitDeclarationOnly: process.argv[3] === "dts", noLib: true, noResolve: true, noEmitHelpers: false, outDir: "dist", rootDir: "src", skipLibCheck: true };
  const files = new Map([...sources].filter(([p]) => !p.endsWith(".d.ts")).map(([p, t]) => [p, t] as const));
  const host: import("ts-morph").ts.CompilerHost = {
    getSourceFile: (f, lang) => { const t = files.get(f); return t === undefined ? undefined : ts.createSourceFile(f, t, lang); },
    getDefaultLibFileName: () => "lib.d.ts", writeFile: () => {}, getCurrentDirectory: () => "", getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true, getNewLine: () => "\n", fileExists: (f) => files.has(f), readFile: (f) => files.get(f),
  };
  const program = ts.createProgram([...files.keys()], options, host);
  out = new Map();
  const r = program.emit(undefined, (name, text) => out.set(name, text));
  console.log("diagnostics", r.diagnostics.length, ts.getPreEmitDiagnostics ? "" : "");
}
const t3 = performance.now();
console.log(mode, "ts-morph load", (t1 - t0).toFixed(0), "compile", (t3 - t2).toFixed(0), "files", out.size);
if (mode !== "old") {
  const old = compile(sources);
  let same = 0, diff = 0;
  for (const [p, text] of out) { const o = old.get(p); const body = (s?: string) => s?.split("\n").filter((l) => !l.startsWith("// Generated")).join("\n"); if (body(o) === body(text)) same++; else { diff++; if (diff < 3) console.log("DIFF", p, JSON.stringify(o?.slice(0, 300)), "\n---\n", JSON.stringify(text.slice(0, 300))); } }
  console.log("same", same, "diff", diff, [...out.keys()].slice(0, 3));
}
