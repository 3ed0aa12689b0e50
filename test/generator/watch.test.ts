// generate --watch: regenerates on each save (also saves that replace the file), reports a broken spec
// and keeps the last good output, and stops on SIGINT.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { hashTree } from "../helpers/run.js";

const tmp = mkdtempSync(join(tmpdir(), "ee-watch-"));
const out = ".tmp/watch-test-out";
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

it("regenerates on change, survives a broken spec, stops on SIGINT", async () => {
  const spec = join(tmp, "spec");
  cpSync("spec", spec, { recursive: true });
  const child = spawn(process.execPath, ["generator/run.mjs", "--watch", "--spec", spec, "--out", out], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout.on("data", (d) => (stdout += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const lines = async (n: number) => {
    for (let i = 0; i < 400 && stdout.split("\n").length - 1 < n; i++) await new Promise((r) => setTimeout(r, 50));
    return stdout.trim().split("\n");
  };
  const edit = (file: string, from: string, to: string, viaRename = false) => {
    const path = join(spec, file);
    const text = readFileSync(path, "utf8");
    expect(text).toContain(from);
    if (!viaRename) return writeFileSync(path, text.replace(from, to));
    writeFileSync(`${path}.swp`, text.replace(from, to));
    renameSync(`${path}.swp`, path); // how many editors save
  };
  try {
    expect((await lines(1))[0]).toMatch(
      /^generate: \d+ files written, 0 unchanged; watching .*spec\/ \(Ctrl-C to stop\)$/,
    );
    edit("v1.yaml", "Deletes a long-running operation. This", "Deletes a long-running operation (edited). This");
    expect((await lines(2))[1]).toMatch(
      /^regenerated in \d+ ms after the change: dist\/v1\/client\.d\.ts, dist\/v1\/types\.d\.ts, src\/v1\/client\.ts, src\/v1\/types\.d\.ts$/,
    );
    const good = hashTree(out);
    edit("v1.yaml", "operationId: earthengine.projects.operations.delete", "operationId: 42x", true);
    expect((await lines(3))[2]).toMatch(
      /^error: .*v1\.yaml:\d+:\d+: operationId "42x" is not a method path; .* \(keeping the last good output\)$/,
    );
    expect(hashTree(out)).toBe(good);
    edit("v1.yaml", "operationId: 42x", "operationId: earthengine.projects.operations.get", true);
    expect((await lines(4))[3]).toMatch(/^error: .*duplicate operationId earthengine\.projects\.operations\.get/);
    edit(
      "v1.yaml",
      "operationId: earthengine.projects.operations.get\n      tags: [operations]\n      summary: Deletes",
      "operationId: earthengine.projects.operations.delete\n      tags: [operations]\n      summary: Deletes",
      true,
    );
    expect((await lines(5))[4]).toMatch(/^no output changed \(\d+ ms\)$/);
    edit(
      "shared/components.yaml",
      "description: The standard list filter.",
      "description: The standard list filter (edited).",
      true,
    );
    expect((await lines(6))[5]).toMatch(
      /^regenerated in \d+ ms after the change: .*src\/v1alpha\/client\.ts.*src\/v1beta\/client\.ts/,
    );
  } finally {
    child.kill("SIGINT");
  }
  expect(await exited).toBe(0);
}, 60_000);
