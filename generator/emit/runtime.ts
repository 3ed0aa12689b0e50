import { readdir, readFile } from "node:fs/promises";
import { header } from "./header.js";

const RUNTIME_DIR = new URL("../runtime/", import.meta.url);

/**
 * `src/runtime/**.ts`: the hand-written runtime, copied verbatim under a do-not-edit header (after the
 * `#!` line of an executable).
 */
export async function runtimeFiles(): Promise<Map<string, string>> {
  const entries = await readdir(RUNTIME_DIR, { recursive: true });
  const names = entries.filter((n) => n.endsWith(".ts") && !n.endsWith(".test.ts")).sort();
  const files = new Map<string, string>();
  for (const name of names) {
    const text = await readFile(new URL(name, RUNTIME_DIR), "utf8");
    const banner = header(`generator/runtime/${name}`);
    const shebang = text.startsWith("#!") ? text.slice(0, text.indexOf("\n") + 1) : "";
    files.set(`src/runtime/${name}`, shebang + banner + text.slice(shebang.length));
  }
  return files;
}
