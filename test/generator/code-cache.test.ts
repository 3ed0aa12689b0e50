import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../helpers/run.js";

const CACHE = join(process.cwd(), "node_modules/.cache/ee-operations");
const dir = mkdtempSync(join(tmpdir(), "ee-code-cache-"));
const name = `m${process.pid}${Date.now()}`;
const file = join(dir, `${name}.cjs`);
writeFileSync(join(dir, "dep.cjs"), "module.exports = 41;\n");
writeFileSync(
  file,
  "module.exports = { value: require('./dep.cjs') + 1, file: __filename, dir: __dirname, self: this === module.exports };\n",
);

/** Loads `file` with requireWithCodeCache in a fresh process; what it exported, and whether require() then gives the same object. */
async function load(): Promise<unknown> {
  const script = `const { requireWithCodeCache } = require(${JSON.stringify(join(process.cwd(), "generator/code-cache.cjs"))});
const m = requireWithCodeCache(${JSON.stringify(file)});
console.log(JSON.stringify({ ...m, shared: require(${JSON.stringify(file)}) === m }));`;
  const r = await run(process.execPath, ["-e", script]);
  expect(r.stderr).toBe("");
  return JSON.parse(r.stdout);
}

const cacheFiles = () => readdirSync(CACHE).filter((f) => f.startsWith(`code-${name}-`) && f.endsWith(".bin"));

afterAll(() => {
  for (const f of cacheFiles()) rmSync(join(CACHE, f));
  rmSync(dir, { recursive: true, force: true });
});

describe("requireWithCodeCache", () => {
  const expected = { value: 42, file, dir, self: true, shared: true };

  it("loads a CommonJS module as require would, and writes V8's code cache for it", async () => {
    expect(await load()).toEqual(expected);
    expect(cacheFiles()).toHaveLength(1);
  });

  it("uses the cache on the next load and leaves it as it is", async () => {
    const [cache] = cacheFiles();
    const before = statSync(join(CACHE, cache!)).mtimeMs;
    expect(await load()).toEqual(expected);
    expect(statSync(join(CACHE, cache!)).mtimeMs).toBe(before);
  });

  it("rewrites a cache that V8 rejects, and still loads the module", async () => {
    const [cache] = cacheFiles();
    writeFileSync(join(CACHE, cache!), "not V8's code cache");
    expect(await load()).toEqual(expected);
    expect(readFileSync(join(CACHE, cache!)).toString()).not.toBe("not V8's code cache");
  });
});
