// Loads a big CommonJS file through V8's code cache (Node 20 has no module.enableCompileCache): its
// bytecode, written after the first load, makes later loads of TypeScript's compiler faster (bench
// figure 1, cold generate, every run after the first). V8 checks a cache against its source and rejects a stale one, which is rewritten.
// Plain CommonJS, so that openapi-typescript's thread can use it without a TypeScript loader.
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const Module = require("node:module");
const path = require("node:path");
const vm = require("node:vm");

/** Where the generator keeps what it can rebuild: code caches, and run.mjs's bundle. */
const CACHE_DIR = process.env.EE_OPERATIONS_CACHE_DIR || path.join(__dirname, "../node_modules/.cache/ee-operations");

/** require(filename) with a code cache; the module lands in require.cache, so later requires share it. */
function requireWithCodeCache(filename) {
  if (require.cache[filename]) return require.cache[filename].exports;
  const source = fs.readFileSync(filename, "utf8");
  const key = createHash("sha256")
    .update(`${process.versions.v8}\0${filename}\0${source.length}`)
    .digest("hex")
    .slice(0, 16);
  const cacheFile = path.join(CACHE_DIR, `code-${path.parse(filename).name}-${key}.bin`);
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {}
  const script = new vm.Script(Module.wrap(source), { filename, cachedData });
  const loaded = new Module(filename, module);
  loaded.filename = filename;
  loaded.paths = Module._nodeModulePaths(path.dirname(filename));
  require.cache[filename] = loaded;
  try {
    script
      .runInThisContext()
      .call(loaded.exports, loaded.exports, Module.createRequire(filename), loaded, filename, path.dirname(filename));
  } catch (error) {
    delete require.cache[filename];
    throw error;
  }
  loaded.loaded = true;
  if (cachedData === undefined || script.cachedDataRejected) {
    try {
      fs.mkdirSync(CACHE_DIR, { recursive: true });
      const temp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`; // threads share a pid
      fs.writeFileSync(temp, script.createCachedData());
      fs.renameSync(temp, cacheFile);
    } catch {} // a cache that cannot be written only costs time
  }
  return loaded.exports;
}

/** ts-morph, with its bundled TypeScript loaded through the code cache first. */
function requireTsMorph() {
  const tsMorph = require.resolve("ts-morph");
  const common = Module.createRequire(tsMorph).resolve("@ts-morph/common");
  requireWithCodeCache(path.join(path.dirname(common), "typescript.js"));
  return requireWithCodeCache(tsMorph);
}

/** openapi-typescript, with TypeScript 5.9 loaded through the code cache first. */
function requireOpenapiTypescript() {
  const oats = require.resolve("openapi-typescript");
  requireWithCodeCache(Module.createRequire(oats).resolve("typescript"));
  return require(oats);
}

module.exports = { CACHE_DIR, requireWithCodeCache, requireTsMorph, requireOpenapiTypescript };
