import { randomBytes } from "node:crypto";
import { lstat, mkdir, open, readdir, readFile, rename, rmdir, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
}

export interface TreeDiff {
  path: string;
  change: "differs" | "missing" | "extra";
}

// Not ours to manage inside the output folder.
const SKIP = new Set(["node_modules"]);

/** Compares the files in memory with what `outDir` holds. */
export async function diffTree(outDir: string, files: ReadonlyMap<string, string>): Promise<TreeDiff[]> {
  const onDisk = await listFiles(outDir);
  const diffs: TreeDiff[] = [];
  for (const [path, text] of files) {
    const current = await readFile(join(outDir, path), "utf8").catch(() => undefined);
    if (current === undefined) diffs.push({ path, change: "missing" });
    else if (current !== text) diffs.push({ path, change: "differs" });
  }
  for (const path of onDisk) if (!files.has(path)) diffs.push({ path, change: "extra" });
  return diffs.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/**
 * Makes `outDir` hold exactly `files`. Every new text is first written beside its target, then all are
 * renamed into place; a failure before the renames removes the staged files and leaves `outDir` as it
 * was. A lock file serialises concurrent runs, so two runs never interleave their renames.
 */
export async function writeTree(outDir: string, files: ReadonlyMap<string, string>): Promise<WriteResult> {
  await mkdir(dirname(outDir), { recursive: true }); // the lock lives beside the output folder
  const release = await lock(join(dirname(outDir), `.${basename(outDir)}.lock`));
  try {
    const diffs = await diffTree(outDir, files);
    const changed = diffs.filter((d) => d.change !== "extra").map((d) => d.path);
    const removed = diffs.filter((d) => d.change === "extra").map((d) => d.path);
    const suffix = `.tmp-${process.pid}-${randomBytes(4).toString("hex")}`;
    const staged: string[] = [];
    try {
      for (const path of changed) {
        const target = join(outDir, path);
        // Renames over anything but a file could fail half-way; refuse before touching anything.
        const existing = await lstat(target).catch(() => undefined);
        if (existing && !existing.isFile()) throw new Error(`${target} is in the way: it is not a regular file`);
        await mkdir(dirname(target), { recursive: true });
        const text = files.get(path)!;
        // Executables (a `#!` first line) keep the mode npm would give them on install.
        await writeFile(target + suffix, text, { mode: text.startsWith("#!") ? 0o755 : 0o644 });
        staged.push(target);
      }
    } catch (error) {
      await Promise.all(staged.map((target) => unlink(target + suffix).catch(() => {})));
      throw error;
    }
    for (const target of staged) await rename(target + suffix, target);
    for (const path of removed) {
      await unlink(join(outDir, path));
      await pruneEmptyDirs(outDir, dirname(path));
    }
    const touched = new Set(changed);
    const unchanged = [...files.keys()].filter((p) => !touched.has(p));
    return { written: changed, unchanged, removed };
  } finally {
    await release();
  }
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (SKIP.has(entry.name)) continue;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, path)));
    else out.push(path);
  }
  return out;
}

async function pruneEmptyDirs(root: string, dir: string): Promise<void> {
  for (let d = dir; d && d !== "."; d = dirname(d)) {
    if (
      await rmdir(join(root, d)).then(
        () => false,
        () => true,
      )
    )
      return;
  }
}

async function lock(path: string, timeoutMs = 60_000): Promise<() => Promise<void>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return () => unlink(path).catch(() => {});
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number(await readFile(path, "utf8").catch(() => ""));
    if (owner > 0 && !isAlive(owner)) {
      await unlink(path).catch(() => {});
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another generate holds ${path} (pid ${owner || "unknown"})`);
    await sleep(25);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
