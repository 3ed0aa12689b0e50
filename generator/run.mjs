#!/usr/bin/env node
// `npm run generate` and `npm run check`: runs generator/cli.ts without a TypeScript loader. esbuild
// bundles the generator's own sources (dependencies stay outside) into one CommonJS file under
// node_modules/.cache/ee-operations (or $EE_OPERATIONS_CACHE_DIR), and Node requires it. Under tsx
// the same run spent much of its time in the loader (bench figure 1, cold generate): its worker
// thread, and lexing every CommonJS dependency (TypeScript's compiler twice) for named exports. The bundle is named after the sources' paths, sizes
// and modification times, and reused while they stay the same, which also skips loading esbuild.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire, isBuiltin } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const generatorDir = join(root, "generator");
const require = createRequire(import.meta.url);
const cacheDir = require("./code-cache.cjs").CACHE_DIR;

function sourcesStamp() {
  const hash = createHash("sha256").update(`${root}\0${require("esbuild/package.json").version}`);
  const files = readdirSync(generatorDir, { recursive: true })
    .filter((f) => /\.(ts|mjs)$/.test(f) && !f.startsWith("runtime"))
    .sort();
  for (const f of files) {
    const { size, mtimeMs } = statSync(join(generatorDir, f));
    hash.update(`${f}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest("hex").slice(0, 16);
}

// The bundle lives elsewhere: each module's import.meta.url becomes its source file's URL, and each
// dependency is required by absolute path.
const sourceUrls = {
  name: "source-urls",
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, ({ path }) => ({
      contents: readFileSync(path, "utf8").replaceAll("import.meta.url", JSON.stringify(pathToFileURL(path).href)),
      loader: "ts",
    }));
    build.onResolve({ filter: /^[^./]/ }, ({ path }) => ({
      path: isBuiltin(path) ? path : require.resolve(path),
      external: true,
    }));
  },
};

async function bundle(file) {
  const { build } = await import("esbuild");
  const { outputFiles } = await build({
    entryPoints: [join(generatorDir, "cli.ts")],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    sourcemap: "inline",
    write: false,
    outfile: "generator.cjs",
    logLevel: "error",
    plugins: [sourceUrls],
  });
  mkdirSync(cacheDir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`; // concurrent runs each write their own, then rename
  writeFileSync(temp, outputFiles[0].contents);
  renameSync(temp, file);
  // Bundles of earlier sources; a minute's grace for a run that is about to require one.
  for (const old of readdirSync(cacheDir)) {
    const path = join(cacheDir, old);
    if (path !== file && old.startsWith("generator-") && Date.now() - statSync(path).mtimeMs > 60_000)
      rmSync(path, { force: true });
  }
}

const file = join(cacheDir, `generator-${sourcesStamp()}.cjs`);
if (!existsSync(file)) await bundle(file);
process.setSourceMapsEnabled(true);
require(file);
