// The next run completes a switch that a killed run left at any of its steps (journal written; --out
// moved aside; staging moved into place), and removes staging leftovers; check meanwhile says stale.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recover } from "../../generator/write.js";
import { copyGenerated, hashTree, runGenerator } from "../helpers/run.js";

const tmp = mkdtempSync(join(tmpdir(), "ee-recover-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const specB = join(tmp, "specB");
const outB = join(tmp, "outB");
const hashA = hashTree("generated");
let hashB = "";
beforeAll(async () => {
  cpSync("spec", specB, { recursive: true });
  const file = join(specB, "v1.yaml");
  writeFileSync(file, readFileSync(file, "utf8").replace("Deletes a long-running", "Removes a long-running"));
  expect((await runGenerator(["--spec", specB, "--out", outB])).code).toBe(0);
  hashB = hashTree(outB);
}, 60_000);

/** --out holding A with B staged and a journal, then `steps` of the switch already done. */
function interrupted(name: string, steps: number): string {
  const dir = join(tmp, name);
  const out = join(dir, "out");
  const staging = join(dir, ".out.staging-0123456789abcdef");
  const aside = join(dir, ".out.old-0123456789abcdef");
  copyGenerated(out);
  cpSync(outB, staging, { recursive: true });
  cpSync("node_modules/.bin", join(out, "node_modules", ".bin"), { recursive: true, dereference: false });
  const owned = [...Object.keys(JSON.parse(readFileSync(join(out, "manifest.json"), "utf8")).files), "manifest.json"];
  writeFileSync(join(dir, ".out.journal"), JSON.stringify({ staging, aside, carry: ["node_modules"], owned }));
  if (steps >= 1) renameSync(out, aside);
  if (steps >= 2) renameSync(staging, out);
  return out;
}

describe("recovery", () => {
  for (const [steps, state] of ["journal written", "--out moved aside", "staging moved into place"].entries()) {
    it(`completes a switch killed after: ${state}`, async () => {
      const out = interrupted(`case${steps}`, steps);
      const check = await runGenerator(["check", "--spec", specB, "--out", out]);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain(`interrupted ${out}/../.out.journal`);
      await recover(out);
      expect(hashTree(out)).toBe(hashB);
      expect(existsSync(join(out, "node_modules", ".bin"))).toBe(true); // carried over
      expect(readdirSync(join(out, ".."))).toEqual(["out"]);
    }, 60_000);
  }

  it("removes a dead run's staging folder (no journal) and leaves --out as it was", async () => {
    const dir = join(tmp, "leftover");
    const out = join(dir, "out");
    copyGenerated(out);
    cpSync(outB, join(dir, ".out.staging-fedcba9876543210"), { recursive: true });
    writeFileSync(join(dir, ".out.staging-not-ours"), "someone's file\n"); // not our name pattern
    await recover(out);
    expect(hashTree(out)).toBe(hashA);
    expect(readdirSync(dir).sort()).toEqual([".out.staging-not-ours", "out"]);
  });
});
