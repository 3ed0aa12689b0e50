import { type Dirent, type FSWatcher, readdirSync, watch as watchFs } from "node:fs";
import { join } from "node:path";
import { type GenerateOptions, generate } from "./generate.js";
import { MAX_ENTRIES } from "./load/limits.js";
import { MANIFEST } from "./manifest.js";

/**
 * Regenerates on every change under the spec folder (debounced), reporting each run through `log`.
 * A broken spec is reported and leaves the last good output in place (writes are atomic). Returns a
 * function that stops watching.
 */
// An editor's save (truncate and write, or write a copy and rename it over) wakes the watchers a few
// times within a millisecond or two; 15 ms gathers those into one run.
export function watchSpec(options: GenerateOptions, log: (line: string) => void, debounceMs = 15): () => void {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  let changedAt = 0;
  const run = () => {
    const since = changedAt;
    running = running.then(async () => {
      try {
        const result = await generate(options);
        const ms = Math.round(performance.now() - since);
        // The manifest follows every spec byte; only the package's own files are news.
        const files = [...result.written, ...result.removed].filter((f) => f !== MANIFEST);
        log(
          files.length
            ? `regenerated in ${ms} ms after the change: ${files.join(", ")}`
            : `no output changed (${ms} ms)`,
        );
      } catch (error) {
        log(`error: ${(error as Error).message} (keeping the last good output)`);
      }
    });
  };
  const watchers = new Map<string, FSWatcher>();
  // Folders come and go: every change rescans the tree (folders only, bounded), so a folder created
  // after the start is watched too.
  const rescan = () => {
    const now = new Set(folders(options.specDir));
    for (const [dir, w] of watchers) {
      if (!now.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of now) {
      if (watchers.has(dir)) continue;
      try {
        const w = watchFs(dir, onChange);
        w.on("error", () => {}); // a removed folder; the next rescan forgets it
        watchers.set(dir, w);
      } catch {} // gone already
    }
  };
  const onChange = () => {
    rescan();
    changedAt ||= performance.now();
    clearTimeout(timer);
    timer = setTimeout(() => {
      run();
      changedAt = 0;
    }, debounceMs);
  };
  // One watcher per folder: Node 20's recursive watch on Linux loses a file once an editor replaces it
  // by renaming a new copy over it; a folder's own watch sees that.
  rescan();
  return () => {
    clearTimeout(timer);
    for (const w of watchers.values()) w.close();
    watchers.clear();
  };
}

/** `dir` and the folders below it (not through links), at most MAX_ENTRIES. */
function folders(dir: string): string[] {
  const out = [dir];
  for (let i = 0; i < out.length && out.length < MAX_ENTRIES; i++) {
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(out[i]!, { withFileTypes: true });
    } catch {} // removed meanwhile
    for (const e of entries) if (e.isDirectory()) out.push(join(out[i]!, e.name));
  }
  return out;
}
