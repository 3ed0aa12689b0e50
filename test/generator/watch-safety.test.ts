// generate --watch sees folders created after it started, never blocks on a FIFO in the spec, and exits
// promptly on SIGTERM even while a generate is running.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";

const tmp = mkdtempSync(join(tmpdir(), "ee-watch-safety-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it("watches new folders, reports a FIFO without blocking, exits on SIGTERM mid-run", async () => {
  const spec = join(tmp, "spec");
  cpSync("spec", spec, { recursive: true });
  const child = spawn(process.execPath, ["generator/run.mjs", "--watch", "--spec", spec, "--out", join(tmp, "out")], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  child.stdout.on("data", (d) => (stdout += d));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const line = async (n: number) => {
    for (let i = 0; i < 400 && stdout.split("\n").length - 1 < n; i++) await new Promise((r) => setTimeout(r, 50));
    return stdout.trim().split("\n")[n - 1];
  };
  try {
    expect(await line(1)).toMatch(/^generate: \d+ files written/);
    mkdirSync(join(spec, "later"));
    expect(await line(2)).toMatch(/^no output changed/);
    writeFileSync(join(spec, "later", "notes.yaml"), "a: 1\n"); // seen only by a watcher of the new folder
    expect(await line(3)).toMatch(/^no output changed/);
    execFileSync("mkfifo", [join(spec, "v2.yaml")]);
    expect(await line(4)).toMatch(/^error: .*v2\.yaml:1:1: the file is not a regular file/);
    rmSync(join(spec, "v2.yaml"));
    expect(await line(5)).toMatch(/^no output changed/);
    const file = join(spec, "v1.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("Deletes a long-running", "Removes a long-running"));
    await new Promise((r) => setTimeout(r, 40)); // past the debounce: a generate is under way
  } finally {
    child.kill("SIGTERM");
  }
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r("still running"), 5_000))]);
  if (code === "still running") child.kill("SIGKILL");
  expect(code).toBe(0);
}, 60_000);
