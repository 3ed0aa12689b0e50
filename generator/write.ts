// Writing the generated package so that it is never torn, even by SIGKILL: the whole new tree is built
// in a staging folder beside --out (same parent, so renames are atomic), a journal is written, then
// --out is renamed aside, the staging folder renamed into its place, foreign entries (node_modules)
// moved over, and the old tree and the journal removed. A run that dies after the journal is written is
// completed by the next run (generate), before anything else; `check` reports it as stale meanwhile.
// Staging folders of dead runs are removed. A lock file serialises runs on the same folder.
import { randomBytes } from "node:crypto";
import { lstat, mkdir, readdir, readFile, rename, rm, rmdir, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { MAX_ENTRIES } from "./load/limits.js";
import { lock, staleReason } from "./lock.js";
import { FOREIGN, inspectOutFolder, isSafeRelativePath } from "./out-folder.js";

export interface WriteResult {
  written: string[];
  unchanged: string[];
  removed: string[];
}

export interface TreeDiff {
  path: string;
  change: "differs" | "missing" | "extra" | "interrupted";
}

interface Journal {
  staging: string;
  aside: string;
  carry: string[];
  owned: string[];
}

const sibling = (outDir: string, what: string) => join(dirname(outDir), `.${basename(outDir)}.${what}`);
const journalPath = (outDir: string) => sibling(outDir, "journal");
const LEFTOVER = /^\.(.+)\.(staging-|old-|journal\.|lock\.)[0-9a-f]{16}$/;
const exists = (path: string) =>
  lstat(path).then(
    () => true,
    () => false,
  );

/** The bytes of the regular file at `path` (never through a link), or undefined. */
async function readRegular(path: string): Promise<string | undefined> {
  const stat = await lstat(path).catch(() => undefined);
  return stat?.isFile() ? readFile(path, "utf8") : undefined;
}

/** Paths of the regular files and links under `dir` (node_modules at its top aside), at most MAX_ENTRIES. */
async function listFiles(dir: string): Promise<{ files: string[]; truncated: boolean }> {
  const files: string[] = [];
  let visited = 0;
  const pending = [""];
  while (pending.length > 0) {
    const rel = pending.pop()!;
    const entries = await readdir(join(dir, rel), { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!rel && FOREIGN.has(entry.name)) continue;
      if (++visited > MAX_ENTRIES) return { files, truncated: true };
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) pending.push(path);
      else files.push(path);
    }
  }
  return { files, truncated: false };
}

/** Compares the files in memory with what `outDir` holds, byte for byte (read-only). */
export async function diffTree(outDir: string, files: ReadonlyMap<string, string>): Promise<TreeDiff[]> {
  const diffs: TreeDiff[] = [];
  if (await exists(journalPath(outDir)))
    diffs.push({ path: `../${basename(journalPath(outDir))}`, change: "interrupted" }); // beside --out
  const top = await lstat(outDir).catch(() => undefined);
  if (top && !top.isDirectory()) return [...diffs, { path: ".", change: "differs" }];
  for (const [path, text] of files) {
    const current = top ? await readRegular(join(outDir, path)).catch(() => undefined) : undefined;
    if (current === undefined) diffs.push({ path, change: "missing" });
    else if (current !== text) diffs.push({ path, change: "differs" });
  }
  if (top) {
    const { files: onDisk, truncated } = await listFiles(outDir);
    for (const path of onDisk) if (!files.has(path)) diffs.push({ path, change: "extra" });
    if (truncated) diffs.push({ path: `… (more than ${MAX_ENTRIES} entries)`, change: "extra" });
  }
  return diffs.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Deletes the owned files of an old tree, then its empty folders; anything else stays. */
async function removeOldTree(aside: string, owned: readonly string[]): Promise<void> {
  if (!(await exists(aside))) return;
  const dirs = new Set<string>();
  for (const path of owned) {
    if (!isSafeRelativePath(path)) continue;
    await unlink(join(aside, path)).catch(() => {});
    for (let d = dirname(path); d !== "."; d = dirname(d)) dirs.add(d);
  }
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) await rmdir(join(aside, d)).catch(() => {});
  await rmdir(aside).catch(() => {}); // not empty: something unexpected is in it, and it is kept
}

/** Finishes a switch that a dead run started (its journal is on disk). */
async function completeSwitch(outDir: string, journal: Journal): Promise<void> {
  if (await exists(journal.staging)) {
    if (await exists(outDir)) {
      if (await exists(journal.aside))
        throw new Error(`cannot complete an interrupted switch: ${journal.aside} exists`);
      await rename(outDir, journal.aside);
    }
    await rename(journal.staging, outDir);
  }
  for (const name of journal.carry) {
    const from = join(journal.aside, name);
    if ((await exists(from)) && !(await exists(join(outDir, name)))) await rename(from, join(outDir, name));
  }
  await removeOldTree(journal.aside, journal.owned);
  await unlink(journalPath(outDir));
}

/** Completes an interrupted switch and removes staging leftovers of dead runs (call under the lock). */
export async function recover(outDir: string): Promise<void> {
  const path = journalPath(outDir);
  const text = await readFile(path, "utf8").catch(() => undefined);
  if (text !== undefined) {
    let journal: Journal;
    try {
      journal = JSON.parse(text);
    } catch {
      throw new Error(`${path} is unreadable; an interrupted run left it: inspect ${dirname(outDir)} by hand`);
    }
    await completeSwitch(outDir, journal);
  }
  const prefix = basename(outDir);
  for (const name of await readdir(dirname(outDir)).catch(() => [])) {
    const match = LEFTOVER.exec(name);
    if (match?.[1] !== prefix) continue;
    const path = join(dirname(outDir), name);
    if (match[2] === "staging-" || match[2] === "journal.") await rm(path, { recursive: true, force: true });
    // A lock's temporary copy: a waiting run's own, unless its process is gone.
    if (match[2] === "lock." && staleReason(await readFile(path, "utf8").catch(() => ""), 0, sibling(outDir, "lock")))
      await unlink(path).catch(() => {});
  }
}

/**
 * Makes `outDir` hold exactly `files` (plus its foreign entries), replacing only files the earlier run's
 * manifest lists; see out-folder.ts for what is refused. Unchanged bytes mean no write at all.
 */
export async function writeTree(outDir: string, files: ReadonlyMap<string, string>): Promise<WriteResult> {
  await mkdir(dirname(outDir), { recursive: true }); // the lock lives beside the output folder
  const release = await lock(sibling(outDir, "lock"));
  try {
    await recover(outDir);
    const folder = await inspectOutFolder(outDir);
    const written: string[] = [];
    const unchanged: string[] = [];
    for (const [path, text] of files) {
      const current = folder.exists ? await readRegular(join(outDir, path)) : undefined;
      (current === text ? unchanged : written).push(path);
    }
    const removed = folder.owned.filter((p) => !files.has(p));
    if (written.length === 0 && removed.length === 0 && folder.exists) return { written, unchanged, removed };

    const token = randomBytes(8).toString("hex");
    const staging = sibling(outDir, `staging-${token}`);
    await mkdir(staging);
    try {
      for (const [path, text] of files) {
        await mkdir(dirname(join(staging, path)), { recursive: true });
        // Executables (a `#!` first line) keep the mode npm would give them on install.
        await writeFile(join(staging, path), text, { mode: text.startsWith("#!") ? 0o755 : 0o644, flag: "wx" });
      }
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    const journal: Journal = {
      staging,
      aside: sibling(outDir, `old-${token}`),
      carry: folder.carry,
      owned: folder.owned,
    };
    const temp = `${journalPath(outDir)}.${token}`;
    await writeFile(temp, JSON.stringify(journal));
    await rename(temp, journalPath(outDir));
    await completeSwitch(outDir, journal);
    return { written, unchanged, removed };
  } finally {
    await release();
  }
}
