// What this generator produced from given inputs, kept outside the output folder (in the generator's
// cache folder), so that `check` and a no-op `generate` can answer without loading the pipeline and
// without trusting anything inside --out: the output folder is up to date when its bytes hash to what
// was recorded for the current inputs hash. At most MEMO_ENTRIES records are kept.

import { lstat, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
import { MAX_ENTRIES } from "./load/limits.js";
import { sha256 } from "./manifest.js";
import { FOREIGN } from "./out-folder.js";

const MEMO_ENTRIES = 32;

export interface OutputRecord {
  tree: string;
  versions: string[];
  methods: number;
  files: number;
}

const memoDir = (): string => join(createRequire(import.meta.url)("./code-cache.cjs").CACHE_DIR as string, "outputs");

/** One hash over paths and bytes. */
function treeHash(files: ReadonlyMap<string, string | Buffer>): string {
  const lines = [...files].map(([path, bytes]) => `${path}\0${sha256(bytes)}\n`).sort();
  return sha256(lines.join(""));
}

/** The files under `outDir` (node_modules at its top aside), or undefined if anything is not plain. */
async function readTree(outDir: string): Promise<Map<string, Buffer> | undefined> {
  const files = new Map<string, Buffer>();
  const pending = [""];
  let visited = 0;
  while (pending.length > 0) {
    const rel = pending.pop()!;
    for (const entry of await readdir(join(outDir, rel), { withFileTypes: true })) {
      if (!rel && FOREIGN.has(entry.name)) continue;
      if (++visited > MAX_ENTRIES) return undefined;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) pending.push(path);
      else if (entry.isFile()) files.set(path, await readFile(join(outDir, path)));
      else return undefined;
    }
  }
  return files;
}

export async function recordOutput(
  inputs: string,
  files: ReadonlyMap<string, string>,
  record: Omit<OutputRecord, "tree" | "files">,
): Promise<void> {
  try {
    const dir = memoDir();
    await mkdir(dir, { recursive: true });
    const full: OutputRecord = { ...record, tree: treeHash(files), files: files.size };
    const temp = join(dir, `${inputs}.${process.pid}.tmp`);
    await writeFile(temp, JSON.stringify(full));
    await rename(temp, join(dir, `${inputs}.json`));
    const names = (await readdir(dir)).filter((n) => n.endsWith(".json"));
    if (names.length > MEMO_ENTRIES) {
      const aged = await Promise.all(names.map(async (n) => ({ n, t: (await stat(join(dir, n))).mtimeMs })));
      aged.sort((a, b) => a.t - b.t);
      for (const { n } of aged.slice(0, names.length - MEMO_ENTRIES)) await unlink(join(dir, n)).catch(() => {});
    }
  } catch {} // a memo that cannot be written only costs time
}

/**
 * The record for `inputs` when `outDir` holds exactly that output, and nothing of another run lies
 * beside it (a journal, a lock, a staging folder: a full run cleans those up).
 */
export async function upToDate(outDir: string, inputs: string): Promise<OutputRecord | undefined> {
  try {
    const record: OutputRecord = JSON.parse(await readFile(join(memoDir(), `${inputs}.json`), "utf8"));
    const prefix = `.${basename(outDir)}.`;
    if ((await readdir(dirname(outDir))).some((n) => n.startsWith(prefix))) return undefined;
    const top = await lstat(outDir);
    if (!top.isDirectory()) return undefined;
    const tree = await readTree(outDir);
    return tree && tree.size === record.files && treeHash(tree) === record.tree ? record : undefined;
  } catch {
    return undefined;
  }
}
