// Atomic under SIGKILL: a child generate switching --out between the outputs of spec A and spec B is
// killed at a random point of its write phase (uniform over 1.2 times the write phase measured first),
// until 30 kills have landed (at most 90 runs and 150 s). After every run the folder is exactly A or B,
// or an interrupted switch is on record, which `check` reports as stale and the next run completes;
// after the last run no staging leftovers, journal or lock remain.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { hashTree, runGenerator } from "../helpers/run.js";

const KILLS = 30;
const BUDGET_MS = 150_000;
const tmp = mkdtempSync(join(tmpdir(), "ee-kill-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function specs(): [string, string] {
  const a = join(tmp, "specA");
  const b = join(tmp, "specB");
  cpSync("spec", a, { recursive: true });
  cpSync("spec", b, { recursive: true });
  for (const v of ["v1", "v1alpha", "v1beta"]) {
    const file = join(b, `${v}.yaml`);
    writeFileSync(file, readFileSync(file, "utf8").replaceAll("Deletes a long-running", "Removes a long-running"));
  }
  return [a, b];
}

/**
 * Runs generate and SIGKILLs it `delayMs` after a staging folder appears in `parent` (polled, for at
 * most 30 s; no kill with `delayMs` Infinity); says whether the kill landed before it exited, and how
 * long it ran after the staging folder appeared.
 */
function killInWritePhase(
  args: string[],
  parent: string,
  delayMs: number,
): Promise<{ killed: boolean; writeMs: number }> {
  return new Promise((resolve) => {
    const staging = (n: string) => n.startsWith(".out.staging-");
    const before = new Set(readdirSync(parent).filter(staging)); // a dead run's, removed by this one
    const child = spawn(process.execPath, ["generator/run.mjs", ...args], { stdio: "ignore" });
    const deadline = Date.now() + 30_000;
    let timer: NodeJS.Timeout | undefined;
    let seenAt = Number.NaN;
    const poll = () => {
      if (Date.now() > deadline) return child.kill("SIGKILL");
      if (readdirSync(parent).some((n) => staging(n) && !before.has(n))) {
        seenAt = performance.now();
        if (Number.isFinite(delayMs)) timer = setTimeout(() => child.kill("SIGKILL"), delayMs);
      } else timer = setTimeout(poll, 1);
    };
    poll();
    child.once("exit", (_code, signal) => {
      clearTimeout(timer);
      resolve({ killed: signal === "SIGKILL", writeMs: performance.now() - seenAt });
    });
  });
}

it("leaves --out entirely A or entirely B after every SIGKILL", async () => {
  const [a, b] = specs();
  const out = join(tmp, "out");
  const outB = join(tmp, "outB");
  expect((await runGenerator(["--spec", b, "--out", outB])).code).toBe(0);
  expect((await runGenerator(["--spec", a, "--out", out])).code).toBe(0);
  // How long the write phase lasts on this machine now: kills land uniformly in 1.2 times it.
  const calibration = [
    await killInWritePhase(["--spec", b, "--out", out], tmp, Number.POSITIVE_INFINITY),
    await killInWritePhase(["--spec", a, "--out", out], tmp, Number.POSITIVE_INFINITY),
  ];
  const writeMs = Math.max(...calibration.map((c) => c.writeMs));
  expect(writeMs).toBeGreaterThan(0);
  const hashes = [hashTree(out), hashTree(outB)];
  expect(hashes[0]).not.toBe(hashes[1]);
  const journal = join(tmp, ".out.journal");
  const stats = { kills: 0, finishedFirst: 0, interrupted: 0, asA: 0, asB: 0 };
  const started = performance.now();
  for (let i = 0; stats.kills < KILLS && i < 3 * KILLS && performance.now() - started < BUDGET_MS; i++) {
    const spec = i % 2 === 0 ? b : a;
    const { killed } = await killInWritePhase(["--spec", spec, "--out", out], tmp, 1.2 * writeMs * Math.random());
    if (killed) stats.kills++;
    else stats.finishedFirst++;
    if (existsSync(journal)) {
      stats.interrupted++;
      const check = await runGenerator(["check", "--spec", spec, "--out", out]);
      expect(check.code).toBe(1);
      expect(check.stderr).toContain("interrupted");
      expect((await runGenerator(["--spec", spec, "--out", out])).code).toBe(0); // the recovery run
      expect(existsSync(journal)).toBe(false);
    }
    const now = hashTree(out);
    expect(hashes).toContain(now);
    if (now === hashes[0]) stats.asA++;
    else stats.asB++;
  }
  const last = await runGenerator(["--spec", a, "--out", out]);
  expect(last.code).toBe(0);
  expect(hashTree(out)).toBe(hashes[0]);
  expect(readdirSync(tmp).filter((n) => n.startsWith(".out."))).toEqual([]);
  console.log(
    `kill loop: write phase ${Math.round(writeMs)} ms; ${JSON.stringify(stats)} in ${Math.round((performance.now() - started) / 1000)} s`,
  );
  expect(stats.kills).toBeGreaterThanOrEqual(10);
}, 240_000);
