// What generate may touch in its output folder, decided before it touches anything: only the files
// listed in the manifest.json of its own earlier run. A folder that is not empty and has no such
// manifest, a file the manifest does not list, a symbolic link or anything but a regular file or
// folder is an error naming the path, and the run stops with nothing changed. `node_modules` (npm
// workspaces install into the package folder) is never looked into, and is carried over as it is.
import { lstat, readdir, readFile, realpath } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { MAX_ENTRIES } from "./load/limits.js";
import { isInside } from "./load/spec-file.js";
import { MANIFEST } from "./manifest.js";

/** Top-level entries of the output folder that are never the generator's. */
export const FOREIGN = new Set(["node_modules"]);

export interface OutFolder {
  exists: boolean;
  /** Paths (relative, `/`-separated) of the files the earlier run wrote, manifest.json included. */
  owned: string[];
  /** Top-level entries to carry over into the new folder untouched. */
  carry: string[];
}

export class OwnershipError extends Error {
  override readonly name = "OwnershipError";
}

/** A manifest path the generator could have written: relative, no `.`/`..`/empty segment. */
export function isSafeRelativePath(path: string): boolean {
  if (typeof path !== "string" || path === "" || path.includes("\\") || path.includes("\0")) return false;
  return path.split("/").every((s) => s !== "" && s !== "." && s !== "..");
}

/** The real path of `path`, resolving what exists of it (the rest may not exist yet). */
async function realish(path: string): Promise<string> {
  const abs = resolve(path);
  const real = await realpath(abs).catch(() => undefined);
  if (real !== undefined) return real;
  const parent = dirname(abs);
  return parent === abs ? abs : join(await realish(parent), basename(abs));
}

/** Refuses an output folder that is, contains or sits inside the spec folder. */
export async function checkSeparate(specDir: string, outDir: string): Promise<void> {
  const spec = await realish(specDir);
  const out = await realish(outDir);
  if (isInside(spec, out) || isInside(out, spec)) {
    throw new OwnershipError(
      `--out ${outDir} ${out === spec ? "is" : isInside(spec, out) ? "is inside" : "contains"} --spec ${specDir}; refusing to write there (choose an output folder apart from the spec)`,
    );
  }
}

/** The owned files of a manifest in `outDir`, or undefined when there is no usable one. */
async function manifestFiles(outDir: string): Promise<string[] | undefined> {
  const path = join(outDir, MANIFEST);
  const stat = await lstat(path).catch(() => undefined);
  if (!stat?.isFile()) return undefined;
  try {
    const files = Object.keys(JSON.parse(await readFile(path, "utf8")).files);
    return files.every(isSafeRelativePath) ? [...files, MANIFEST] : undefined;
  } catch {
    return undefined;
  }
}

/** Inspects `outDir` (read-only) and says what a run may replace and must carry over. */
export async function inspectOutFolder(outDir: string): Promise<OutFolder> {
  const top = await lstat(outDir).catch(() => undefined);
  if (!top) return { exists: false, owned: [], carry: [] };
  if (top.isSymbolicLink())
    throw new OwnershipError(`--out ${outDir} is a symbolic link; the generator does not write through links`);
  if (!top.isDirectory()) throw new OwnershipError(`--out ${outDir} is not a folder`);
  const names = await readdir(outDir);
  const carry = names.filter((n) => FOREIGN.has(n));
  const mine = names.filter((n) => !FOREIGN.has(n));
  if (mine.length === 0) return { exists: true, owned: [], carry };
  const owned = await manifestFiles(outDir);
  if (!owned) {
    throw new OwnershipError(
      `--out ${outDir} is not empty and holds no ${MANIFEST} from an earlier generate; refusing to touch it (use an empty or new folder)`,
    );
  }
  const ownedSet = new Set(owned);
  let visited = 0;
  const walk = async (rel: string): Promise<void> => {
    for (const name of await readdir(join(outDir, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      if (!rel && FOREIGN.has(name)) continue;
      if (++visited > MAX_ENTRIES) throw new OwnershipError(`--out ${outDir} holds more than ${MAX_ENTRIES} entries`);
      const full = join(outDir, path);
      const stat = await lstat(full);
      if (stat.isSymbolicLink())
        throw new OwnershipError(`${full} is a symbolic link; the generator does not write or delete through links`);
      if (stat.isDirectory()) {
        if (ownedSet.has(path)) throw new OwnershipError(`${full} is in the way: it is not a regular file`);
        await walk(path);
      } else if (!stat.isFile()) throw new OwnershipError(`${full} is in the way: it is not a regular file`);
      else if (!ownedSet.has(path))
        throw new OwnershipError(
          `${full} is not listed in ${join(outDir, MANIFEST)}, so it is not the generator's; move it out of --out`,
        );
    }
  };
  await walk("");
  return { exists: true, owned, carry };
}
