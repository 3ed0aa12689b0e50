// The one list of emitters. Each is a pure function from the model (plus the fixed inputs in
// EmitContext) to files, path → text, relative to the package; a new kind of output is one module
// and one line here. `src/**.ts` files are then compiled to `dist/` by compile.ts.
import type { Project } from "ts-morph";
import type { ApiModel, VersionModel } from "../model/api-model.js";
import { cliFiles } from "./cli.js";
import { clientFile } from "./client.js";
import { rootIndexFile, versionIndexFile } from "./entry-points.js";
import { methodsFile } from "./methods.js";
import { packageJsonFile } from "./package-json.js";
import { licenseFile, packageReadmeFile } from "./package-readme.js";
import { runtimeFiles } from "./runtime.js";
import { typesFile } from "./types.js";

export type Files = ReadonlyMap<string, string>;

/** What emitters read besides the model: fixed for a run. */
export interface EmitContext {
  /** ts-morph's in-memory project, for emitters that build TypeScript with it. */
  readonly project: Project;
  /** The spec folder as generated headers name it, e.g. `spec/`. */
  readonly source: string;
  /** generator/runtime/** by path relative to it (readRuntimeSources). */
  readonly runtime: ReadonlyMap<string, string>;
  /** The toolkit's devDependencies ranges (the package depends on what the toolkit is tested with). */
  readonly ranges: Readonly<Record<string, string>>;
}

export type Emitter =
  /** Called once per version; its output may be reused while that version's description is unchanged. */
  | {
      readonly name: string;
      readonly per: "version";
      emit(version: VersionModel, api: ApiModel, ctx: EmitContext): Files | Promise<Files>;
    }
  | { readonly name: string; readonly per: "package"; emit(api: ApiModel, ctx: EmitContext): Files | Promise<Files> };

const one = (path: string, text: string): Files => new Map([[path, text]]);
const src = (version: VersionModel, file: string) => `src/${version.version}/${file}`;

export const EMITTERS: readonly Emitter[] = [
  // First: openapi-typescript runs on its own thread while the others work on this one.
  { name: "types", per: "version", emit: async (v) => one(src(v, "types.d.ts"), await typesFile(v)) },
  { name: "methods", per: "version", emit: (v, _, ctx) => one(src(v, "methods.ts"), methodsFile(ctx.project, v)) },
  {
    name: "client",
    per: "version",
    emit: (v, api, ctx) => one(src(v, "client.ts"), clientFile(ctx.project, v, api.package.client)),
  },
  { name: "version entry point", per: "version", emit: (v, api) => one(src(v, "index.ts"), versionIndexFile(v, api)) },
  { name: "root entry point", per: "package", emit: (api, ctx) => one("src/index.ts", rootIndexFile(api, ctx.source)) },
  { name: "runtime", per: "package", emit: (api, ctx) => runtimeFiles(api, ctx.runtime) },
  // The CLI is built on the helpers: only where some version has an operations resource.
  { name: "cli", per: "package", emit: (api) => (api.versions.some((v) => v.lro) ? cliFiles(api) : new Map()) },
  {
    name: "package.json",
    per: "package",
    emit: (api, ctx) => one("package.json", packageJsonFile(api, ctx.source, ctx.ranges)),
  },
  { name: "README", per: "package", emit: (api, ctx) => one("README.md", packageReadmeFile(api, ctx.source)) },
  { name: "LICENSE", per: "package", emit: () => one("LICENSE", licenseFile()) },
];

/** Runs every per-version emitter of `version`, in list order, and merges their files. */
export async function emitVersion(
  version: VersionModel,
  api: ApiModel,
  ctx: EmitContext,
  emitters: readonly Emitter[] = EMITTERS,
): Promise<Map<string, string>> {
  const pending = emitters.flatMap((e) => (e.per === "version" ? [e.emit(version, api, ctx)] : []));
  return merge(await Promise.all(pending));
}

/** Runs every per-package emitter and merges their files. */
export async function emitPackage(
  api: ApiModel,
  ctx: EmitContext,
  emitters: readonly Emitter[] = EMITTERS,
): Promise<Map<string, string>> {
  const pending = emitters.flatMap((e) => (e.per === "package" ? [e.emit(api, ctx)] : []));
  return merge(await Promise.all(pending));
}

/** One map of every file; two emitters writing one path is a generator bug, never silently resolved. */
export function merge(parts: readonly Files[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of parts) {
    for (const [path, text] of part) {
      if (out.has(path)) throw new Error(`two emitters write ${path}`);
      out.set(path, text);
    }
  }
  return out;
}
