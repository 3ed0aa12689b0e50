// The memo caches are bounded, and drop entries whose inputs are gone.
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cacheSizes, check } from "../../generator/generate.js";
import { parseCacheSize, parseYaml, pruneParseCache, readYamlFile } from "../../generator/load/yaml-file.js";

const tmp = mkdtempSync(join(tmpdir(), "ee-caches-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("caches", () => {
  it("the YAML parse cache holds at most 64 files and forgets deleted ones", async () => {
    for (let i = 0; i < 100; i++) parseYaml(`virtual-${i}.yaml`, `a: ${i}\n`);
    expect(parseCacheSize()).toBe(64);
    const file = join(tmp, "gone.yaml");
    writeFileSync(file, "a: 1\n");
    await readYamlFile(file);
    const before = parseCacheSize();
    rmSync(file);
    pruneParseCache();
    expect(parseCacheSize()).toBe(before - 1);
  });

  it("the version cache drops versions whose spec file is gone", async () => {
    const a = join(tmp, "specA");
    const b = join(tmp, "specB");
    cpSync("spec", a, { recursive: true });
    cpSync("spec", b, { recursive: true });
    rmSync(join(b, "v1alpha.yaml"));
    rmSync(join(b, "v1beta.yaml"));
    await check({ specDir: a, outDir: join(tmp, "out") });
    expect(cacheSizes().versions).toBe(3);
    await check({ specDir: b, outDir: join(tmp, "out") });
    expect(cacheSizes().versions).toBe(1);
  }, 60_000);
});
