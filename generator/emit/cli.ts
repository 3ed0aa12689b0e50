import { posix } from "node:path";
import type { ApiModel, VersionModel } from "../model/api-model.js";
import { LEGACY_PROJECT } from "../runtime/headers.js";
import { memberAccess, stringLiteral } from "./escape.js";
import { withHeader } from "./header.js";
import { readSources } from "./runtime.js";

const CLI_DIR = new URL("../cli-app/", import.meta.url);

// The CLI is written against the package's public entry points, so that tsc checks it as a user of the
// package; inside the package those become relative paths. Only these two specifiers are rewritten.
const PUBLIC_ENTRY_POINTS: Readonly<Record<string, string>> = {
  "ee-operations-client": "index.js",
  "ee-operations-client/google-auth": "runtime/google-auth.js",
};

/** The one CLI module written from the spec rather than copied: what the CLI knows of the service. */
const SERVICE_MODULE = "service.ts";

/**
 * `src/cli/**.ts`: the package's CLI (generator/cli-app/), copied under a do-not-edit header (after the
 * `#!` line of an executable), with its imports of the package rewritten to relative paths;
 * service.ts is written for `api` (cliServiceFile).
 */
export async function cliFiles(api: ApiModel): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const [name, text] of await readSources(CLI_DIR)) {
    const source = name === SERVICE_MODULE ? cliServiceFile(api) : text;
    files.set(`src/cli/${name}`, withHeader(`generator/cli-app/${name}`, rewriteImports(source, `cli/${name}`, name)));
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

// Stable versions first, then beta, then alpha; the spec's order within each.
const stability = (version: string) => (/alpha/.test(version) ? 2 : /beta/.test(version) ? 1 : 0);

/** The versions the CLI offers (`--api-version`), stable first; the first is its default. */
export function cliVersions(api: ApiModel): VersionModel[] {
  return api.versions.filter((v) => v.lro).sort((a, b) => stability(a.version) - stability(b.version));
}

/** The project the CLI uses when none is given: only the Earth Engine service has one. */
export function cliDefaultProject(api: ApiModel): string | undefined {
  return api.service === "earthengine" ? LEGACY_PROJECT : undefined;
}

/**
 * generator/cli-app/service.ts for `api`: the versions that have an operations resource, the default
 * endpoint and project (only the Earth Engine service has one), and a client of each version with its
 * operations resource, so that the CLI names no version's types.
 */
export function cliServiceFile(api: ApiModel): string {
  const lro = cliVersions(api);
  if (lro.length === 0) throw new Error("the CLI needs a version with an operations resource");
  const versions = lro.map((v) => stringLiteral(v.version));
  const defaultProject = cliDefaultProject(api);
  const project = defaultProject === undefined ? "undefined" : stringLiteral(defaultProject);
  const cases = lro.flatMap((v) => [
    `    case ${stringLiteral(v.version)}: {`,
    "      const client = createClient({ ...options, version });",
    `      return cliClientOf(client, client${v.lro!.resource.split(".").map(memberAccess).join("")});`,
    "    }",
  ]);
  return `// What the CLI knows of the service it ships with. generator/emit/cli.ts writes this file for each
// package from its spec (cliServiceFile); the copy in generator/cli-app/ is the Earth Engine package's,
// so that the CLI type-checks and is tested here as it ships there.
import { type ClientOptions, createClient } from "ee-operations-client";
import { type CliClient, cliClientOf } from "./cli-client.js";

/** The versions with an operations resource, stable first: \`--api-version\`'s choices. */
export const CLI_VERSIONS = [${versions.join(", ")}] as const;
export type CliVersion = (typeof CLI_VERSIONS)[number];
/** The command's name (the package's \`bin\`), for \`--help\`. */
export const BIN = ${stringLiteral(api.package.bin)};
/** \`--api-version\` when none is given. */
export const DEFAULT_VERSION: CliVersion = ${versions[0]};
/** The spec's \`servers[0].url\`, for \`--help\`. */
export const DEFAULT_ENDPOINT = ${stringLiteral(api.baseUrl)};
/** The project used when none is given; only Earth Engine has one (earthengine-legacy). */
export const DEFAULT_PROJECT: string | undefined = ${project};

/** A client of \`version\`, as the CLI uses it. */
export function cliClient(version: CliVersion, options: Omit<ClientOptions, "version">): CliClient {
  switch (version) {
${cases.join("\n")}
  }
}
`;
}
