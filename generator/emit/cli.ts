import { readdir, readFile } from "node:fs/promises";
import { posix } from "node:path";
import { header } from "./header.js";

const CLI_DIR = new URL("../cli-app/", import.meta.url);

// The CLI is written against the package's public entry points, so that tsc checks it as a user of the
// package; inside the package those become relative paths. Only these two specifiers are rewritten.
const PUBLIC_ENTRY_POINTS: Readonly<Record<string, string>> = {
  "ee-operations-client": "index.js",
  "ee-operations-client/google-auth": "runtime/google-auth.js",
};

/**
 * `src/cli/**.ts`: the package's CLI (generator/cli-app/), copied under a do-not-edit header (after the
 * `#!` line of an executable), with its imports of the package rewritten to relative paths.
 */
export async function cliFiles(): Promise<Map<string, string>> {
  const entries = await readdir(CLI_DIR, { recursive: true });
  const names = entries.filter((n) => n.endsWith(".ts") && !n.endsWith(".test.ts")).sort();
  const files = new Map<string, string>();
  for (const name of names) {
    const text = rewriteImports(await readFile(new URL(name, CLI_DIR), "utf8"), `cli/${name}`, name);
    const banner = header(`generator/cli-app/${name}`);
    const shebang = text.startsWith("#!") ? text.slice(0, text.indexOf("\n") + 1) : "";
    files.set(`src/cli/${name}`, shebang + banner + text.slice(shebang.length));
  }
  return files;
}

/**
 * `from "ee-operations-client"` and `import("ee-operations-client/google-auth")` → paths relative to
 * `packagePath` (the file's place under src/). Any other specifier of the package is an error: the CLI
 * may use only what the package exports.
 */
export function rewriteImports(text: string, packagePath: string, source: string): string {
  const depth = packagePath.split("/").length - 1;
  const up = depth === 0 ? "./" : "../".repeat(depth);
  return text.replace(/(\bfrom\s*|\bimport\s*\(\s*)"([^"]*)"/g, (all, lead: string, specifier: string) => {
    if (specifier.startsWith(".")) {
      // A relative import stays inside cli-app/: the runtime's internals are not the CLI's to use.
      if (posix.join(posix.dirname(source), specifier).startsWith("..")) {
        throw new Error(`generator/cli-app/${source}: imports "${specifier}", outside generator/cli-app/`);
      }
      return all;
    }
    if (!/^ee-operations-client(\/|$)/.test(specifier)) return all;
    const target = PUBLIC_ENTRY_POINTS[specifier];
    if (target === undefined) {
      const allowed = Object.keys(PUBLIC_ENTRY_POINTS).join(" and ");
      throw new Error(`generator/cli-app/${source}: imports "${specifier}"; the CLI may import only ${allowed}`);
    }
    return `${lead}"${up}${target}"`;
  });
}
