import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyGenerated, hashTree, runGenerator } from "../helpers/run.js";

const tmp = mkdtempSync(join(tmpdir(), "ee-atomic-"));
const specB = join(tmp, "spec");
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

beforeAll(() => {
  cpSync("spec", specB, { recursive: true });
  for (const v of ["v1", "v1beta"]) {
    const file = join(specB, `${v}.yaml`);
    writeFileSync(
      file,
      readFileSync(file, "utf8").replaceAll(
        "Deletes a long-running operation.",
        "Deletes a long-running operation (B).",
      ),
    );
  }
});

function allFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe("writes", () => {
  it("two generate runs at the same time leave exactly one complete output, never a mix", async () => {
    const outA = join(tmp, "a");
    const outB = join(tmp, "b");
    await runGenerator(["--out", outA]);
    await runGenerator(["--spec", specB, "--out", outB]);
    const hashA = hashTree(outA);
    const hashB = hashTree(outB);
    expect(hashA).not.toBe(hashB);
    const shared = join(tmp, "shared");
    for (let round = 0; round < 3; round++) {
      const runs = await Promise.all([
        runGenerator(["--out", shared]),
        runGenerator(["--spec", specB, "--out", shared]),
      ]);
      expect(runs.map((r) => r.code)).toEqual([0, 0]);
      expect([hashA, hashB]).toContain(hashTree(shared));
      expect(allFiles(shared).filter((f) => f.includes(".tmp-"))).toEqual([]);
    }
    expect(readdirSync(tmp).filter((f) => f.endsWith(".lock"))).toEqual([]);
  }, 120_000);

  it("writes into an output folder whose parents do not exist yet", async () => {
    const out = join(tmp, "new", "nested", "out");
    const result = await runGenerator(["--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(hashTree(out)).toBe(hashTree("generated"));
  }, 60_000);

  it("a run that cannot write everything changes nothing", async () => {
    const out = join(tmp, "blocked");
    copyGenerated(out);
    rmSync(join(out, "src/v1beta/client.ts"));
    mkdirSync(join(out, "src/v1beta/client.ts")); // a directory where a file must go
    const before = hashTree(out);
    const result = await runGenerator(["--spec", specB, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("src/v1beta/client.ts is in the way: it is not a regular file");
    expect(hashTree(out)).toBe(before);
    expect(allFiles(out).filter((f) => f.includes(".tmp-"))).toEqual([]);
  }, 60_000);
});
