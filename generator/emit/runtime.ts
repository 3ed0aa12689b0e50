import { readdir, readFile } from "node:fs/promises";
import { header } from "./header.js";

const RUNTIME_DIR = new URL("../runtime/", import.meta.url);

/** `src/runtime/*.ts`: the hand-written runtime, copied verbatim under a do-not-edit header. */
export async function runtimeFiles(): Promise<Map<string, string>> {
  const names = (await readdir(RUNTIME_DIR)).filter((n) => n.endsWith(".ts")).sort();
  const files = new Map<string, string>();
  for (const name of names) {
    files.set(`src/runtime/${name}`, header(`generator/runtime/${name}`) + (await readFile(new URL(name, RUNTIME_DIR), "utf8")));
  }
  return files;
}
