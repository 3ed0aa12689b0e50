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
  // The next line matching `want`. A file event may come as two (create, then write) and each may run
  // its own generate: extra "no output changed" lines are allowed in between, nothing else is.
  let read = 0;
  const next = async (want: RegExp) => {
    for (let i = 0; i < 400; i++) {
      const lines = stdout.split("\n").slice(0, -1);
      while (read < lines.length) {
        const text = lines[read++]!;
        if (want.test(text)) return text;
        if (!/^no output changed/.test(text)) return text; // fails the caller's match, naming the line
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    return undefined;
  };
  // Lets a step's duplicate events run out before the next step, so that a leftover line of one step
  // can never stand for the next step's answer.
  const settle = async () => {
    for (let i = 0, seen = -1; i < 40; i++) {
      const count = stdout.split("\n").length - 1;
      if (count === seen) break;
      seen = count;
      await new Promise((r) => setTimeout(r, 300));
    }
    read = stdout.split("\n").length - 1;
  };
  try {
    expect(await next(/^generate: \d+ files written/)).toMatch(/^generate: \d+ files written/);
    await settle();
    mkdirSync(join(spec, "later"));
    expect(await next(/^no output changed/)).toMatch(/^no output changed/);
    await settle();
    writeFileSync(join(spec, "later", "notes.yaml"), "a: 1\n"); // seen only by a watcher of the new folder
    expect(await next(/^no output changed/)).toMatch(/^no output changed/);
    await settle();
    execFileSync("mkfifo", [join(spec, "v2.yaml")]);
    const fifo = /^error: .*v2\.yaml:1:1: the file is not a regular file/;
    expect(await next(fifo)).toMatch(fifo);
    await settle();
    rmSync(join(spec, "v2.yaml"));
    expect(await next(/^no output changed/)).toMatch(/^no output changed/);
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
