// Builds what the ee-operations-emulator package ships, so it runs on plain Node 20 without tsx:
// dist/cli.js (the bin) and dist/index.js (startEmulator), one esbuild bundle with a shared chunk,
// plus dist/*.d.ts from TypeScript. Run by `prepack`; `postpack` (--clean) removes dist/ again, so
// the repository only ever holds the TypeScript sources.
//   node emulator/build.mjs [--clean]

import { rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import ts from "typescript";

const here = fileURLToPath(new URL(".", import.meta.url));
const dist = `${here}dist`;

rmSync(dist, { recursive: true, force: true });
if (process.argv.includes("--clean")) process.exit(0);

await build({
  entryPoints: [`${here}cli.ts`, `${here}index.ts`],
  outdir: dist,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
});

const program = ts.createProgram([`${here}index.ts`], {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  types: ["node"],
  declaration: true,
  emitDeclarationOnly: true,
  rootDir: here,
  outDir: dist,
});
// Only the public surface: index.d.ts and the types it re-exports (the rest is internal).
const PUBLIC = new Set(["index.d.ts", "types.d.ts"]);
const written = new Map();
const result = program.emit(undefined, (file, text) => {
  const base = file.slice(file.lastIndexOf("/") + 1);
  if (PUBLIC.has(base)) written.set(base, text);
});
for (const [base, text] of written) {
  for (const [, target] of text.matchAll(/from "\.\/([^"]+)\.js"/g)) {
    if (!PUBLIC.has(`${target}.d.ts`)) throw new Error(`${base} refers to ./${target}.js, which is not shipped`);
  }
  writeFileSync(`${dist}/${base}`, text);
}
const errors = ts.getPreEmitDiagnostics(program).concat(result.diagnostics);
if (errors.length > 0) {
  const host = { getCanonicalFileName: (f) => f, getCurrentDirectory: () => here, getNewLine: () => "\n" };
  console.error(ts.formatDiagnostics(errors, host));
  process.exit(1);
}
