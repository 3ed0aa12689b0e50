import { mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run } from "../helpers/run.js";

// generator/run.mjs (what npm run generate starts): bundles generator/*.ts into the cache folder, reuses
// the bundle while the sources stay the same, and rebuilds it when one changes.
const cache = mkdtempSync(join(tmpdir(), "ee-run-cache-"));
const env = { ...process.env, EE_OPERATIONS_CACHE_DIR: cache };
const bundles = () =>
  readdirSync(cache)
    .filter((f) => f.startsWith("generator-") && f.endsWith(".cjs"))
    .sort();
const help = () => run(process.execPath, ["generator/run.mjs", "--help"], { env });

afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe("generator/run.mjs", () => {
  it("bundles the generator into the cache folder and runs it from there", async () => {
    const r = await help();
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: ee-operations-generate/);
    expect(bundles()).toHaveLength(1);
  });

  it("reuses the bundle while the sources are unchanged", async () => {
    const [bundle] = bundles();
    const before = statSync(join(cache, bundle!)).mtimeMs;
    expect((await help()).code).toBe(0);
    expect(bundles()).toEqual([bundle]);
    expect(statSync(join(cache, bundle!)).mtimeMs).toBe(before);
  });

  it("builds a new bundle once a source file changes", async () => {
    const source = join(process.cwd(), "generator/watch.ts");
    const { atime, mtime } = statSync(source);
    const [old] = bundles();
    try {
      utimesSync(source, atime, new Date(mtime.getTime() + 1000)); // what an edit does to the stamp
      expect((await help()).code).toBe(0);
    } finally {
      utimesSync(source, atime, mtime);
    }
    const now = bundles();
    expect(now).toHaveLength(2); // the old one stays for a minute, for runs about to require it
    expect(now).toContain(old);
  });
});
