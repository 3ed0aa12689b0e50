#!/usr/bin/env node
// `npm run generate` and `npm run check`: runs generator/cli.ts without a TypeScript loader. esbuild
// bundles the generator's own sources (dependencies stay external) into one CommonJS file under
// node_modules/.cache, named by its hash, and Node requires it. Under tsx the same run spent ~0.9 s
// in the loader: its worker thread, and lexing every CommonJS dependency (TypeScript's 9 MB twice)
// for named exports.
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = new URL("..", import.meta.url);

// The bundle lives elsewhere, so each module's import.meta.url becomes its source file's URL.
const sourceUrls = {
  name: "source-urls",
  setup(b) {
    b.onLoad({ filter: /\.ts$/ }, ({ path }) => ({
      contents: readFileSync(path, "utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(path).href)),
      loader: "ts",
    }));
  },
};

const { outputFiles } = await build({
  entryPoints: [fileURLToPath(new URL("generator/cli.ts", root))],
  bundle: true,
  packages: "external",
  platform: "node",
  format: "cjs",
  target: "node20",
  sourcemap: "inline",
  write: false,
  outfile: "generator.cjs",
  logLevel: "error",
  plugins: [sourceUrls],
});
const code = outputFiles[0].contents;
const dir = fileURLToPath(new URL("node_modules/.cache/ee-operations/", root));
const file = `${dir}generator-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.cjs`;
if (!existsSync(file)) {
  mkdirSync(dir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`; // concurrent runs each write their own, then rename
  writeFileSync(temp, code);
  renameSync(temp, file);
}
process.setSourceMapsEnabled(true);
createRequire(import.meta.url)(file);
