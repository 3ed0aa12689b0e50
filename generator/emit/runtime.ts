import { readdir, readFile } from "node:fs/promises";
import type { ApiModel } from "../model/api-model.js";
import { withHeader } from "./header.js";

const RUNTIME_DIR = new URL("../runtime/", import.meta.url);

// Runtime modules only the long-running-operation helpers need: a package without an
// operations resource ships none of them (nor anything only they import). A new helpers-only module
// is one entry here; left out, it would merely ship unused.
const LRO_ONLY = [
  /^operation-helpers\.ts$/,
  /^operation-json\.ts$/,
  /^bulk\.ts$/,
  /^batch\.ts$/,
  /^batch-request\.ts$/,
  /^cli\//,
];

/** generator/runtime/**.ts by path relative to that folder (tests aside): the input of runtimeFiles. */
export function readRuntimeSources(): Promise<Map<string, string>> {
  return readSources(RUNTIME_DIR);
}

/** The `.ts` files under `dir` (tests aside) by `/`-separated path relative to it, sorted. */
export async function readSources(dir: URL): Promise<Map<string, string>> {
  const entries = await readdir(dir, { recursive: true });
  const names = entries.filter((n) => n.endsWith(".ts") && !n.endsWith(".test.ts")).sort();
  const texts = await Promise.all(names.map((name) => readFile(new URL(name, dir), "utf8")));
  return new Map(names.map((name, i) => [name.replaceAll("\\", "/"), texts[i]!]));
}

/**
 * `src/runtime/**.ts`: the hand-written runtime, copied verbatim under a do-not-edit header (after the
 * `#!` line of an executable): all of it where some version has an operations resource, else every
 * module but the LRO-only ones, plus whatever those that ship import.
 */
export function runtimeFiles(api: ApiModel, sources: ReadonlyMap<string, string>): Map<string, string> {
  const lro = api.versions.some((v) => v.lro);
  const roots = [...sources.keys()].filter((name) => lro || !LRO_ONLY.some((re) => re.test(name)));
  const files = new Map<string, string>();
  for (const name of [...importClosure(roots, sources)].sort()) {
    files.set(`src/runtime/${name}`, withHeader(`generator/runtime/${name}`, sources.get(name)!));
  }
  return files;
}

/** `roots` and every module they import, statically or dynamically (`./x.js`, `../x.js`), transitively. */
export function importClosure(roots: readonly string[], sources: ReadonlyMap<string, string>): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (seen.has(name) || !sources.has(name)) continue;
    seen.add(name);
    for (const [, spec] of sources.get(name)!.matchAll(/(?:\bfrom\s+|\bimport\(\s*)"(\.{1,2}\/[^"]+)\.js"/g)) {
      queue.push(join(name, `${spec}.ts`));
    }
  }
  return seen;
}

/** `cli/main.ts` + `../errors.ts` → `errors.ts` (POSIX, within the runtime folder). */
function join(from: string, spec: string): string {
  const parts = from.split("/").slice(0, -1);
  for (const part of spec.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return parts.join("/");
}
