import { basename, resolve } from "node:path";
import { IndentationText, Project, QuoteKind } from "ts-morph";
import { compile } from "./emit/compile.js";
import { type EmitContext, emitPackage, emitVersion, merge } from "./emit/registry.js";
import { readRuntimeSources } from "./emit/runtime.js";
import { pruneParseCache } from "./load/yaml-file.js";
import { inputsHash, MANIFEST, manifestFile } from "./manifest.js";
import { apiModel } from "./model/api.js";
import type { ApiModel, VersionModel } from "./model/api-model.js";
import { checkSeparate } from "./out-folder.js";
import { recordOutput } from "./output-memo.js";
import { packageInputs } from "./package-inputs.js";
import { diffTree, type TreeDiff, type WriteResult, writeTree } from "./write.js";

export interface GenerateOptions {
  /** Folder of `<version>.yaml` files. */
  specDir: string;
  /** Folder of the generated package. */
  outDir: string;
  /** The inputs hash, when the caller already computed it (see manifest.ts). */
  inputs?: string;
  /** The model of `specDir`, when the caller already read it. */
  api?: ApiModel;
}

/** Every file of the generated package, in memory, keyed by path relative to the package. */
export async function renderPackage(
  specDir: string,
  inputs?: string,
  model?: ApiModel,
): Promise<{ api: ApiModel; files: Map<string, string> }> {
  const api = model ?? (await apiModel(specDir));
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
  const ctx: EmitContext = {
    project,
    source: `${basename(resolve(specDir))}/`,
    runtime: await readRuntimeSources(),
    ranges: { ...(await packageInputs()) },
  };
  const parts = await Promise.all(api.versions.map((version) => versionFiles(version, api, ctx)));
  parts.push(await emitPackage(api, ctx));
  const emitted = merge(parts);
  const sources = new Map([...emitted].filter(([path]) => path.startsWith("src/")));
  const files = new Map([...emitted, ...compile(sources)]);
  const { versions, methods } = summary(api);
  files.set(MANIFEST, manifestFile(inputs ?? (await inputsHash(specDir)), versions, methods, files));
  return { api, files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))) };
}

// A version's files depend only on its bundled document, source name and the package-level names
// (which every version's document repeats or inherits); watch mode reuses them. The cache is bounded
// (least recently used out first), and a version whose spec file is gone is dropped after each render.
const versionCache = new Map<string, Map<string, string>>();
const VERSION_CACHE_ENTRIES = 16;

function remember<T>(cache: Map<string, T>, key: string, max: number, value: T): T {
  cache.delete(key);
  cache.set(key, value);
  for (const k of cache.keys()) {
    if (cache.size <= max) break;
    cache.delete(k);
  }
  return value;
}

/** Drops cached files of versions not in `api` (their spec file was removed or renamed). */
function forgetVersionsExcept(api: ApiModel): void {
  const live = new Set(api.versions.map((v) => `${v.specFile}\0`));
  for (const key of versionCache.keys()) if (!live.has(key.slice(0, key.indexOf("\0") + 1))) versionCache.delete(key);
  pruneParseCache();
}

/** Entries in the memo caches (for tests). */
export function cacheSizes(): { versions: number } {
  return { versions: versionCache.size };
}

async function versionFiles(version: VersionModel, api: ApiModel, ctx: EmitContext): Promise<Map<string, string>> {
  const key = `${version.specFile}\0${JSON.stringify([api.package, api.baseUrl, version.document])}`;
  const files = versionCache.get(key) ?? (await emitVersion(version, api, ctx));
  return remember(versionCache, key, VERSION_CACHE_ENTRIES, files);
}

/** Writes the package into `outDir`; see write.ts and out-folder.ts for what it will and will not touch. */
export async function generate(options: GenerateOptions): Promise<{ api: ApiModel } & WriteResult> {
  await checkSeparate(options.specDir, options.outDir);
  const inputs = options.inputs ?? (await inputsHash(options.specDir));
  const { api, files } = await renderPackage(options.specDir, inputs, options.api);
  forgetVersionsExcept(api);
  const result = await writeTree(options.outDir, files);
  await recordOutput(inputs, files, summary(api));
  return { api, ...result };
}

/** Compares the package that would be generated with `outDir`, byte for byte; never writes there. */
export async function check(options: GenerateOptions): Promise<TreeDiff[]> {
  const inputs = options.inputs ?? (await inputsHash(options.specDir));
  const { api, files } = await renderPackage(options.specDir, inputs, options.api);
  forgetVersionsExcept(api);
  const diffs = await diffTree(options.outDir, files);
  if (diffs.length === 0) await recordOutput(inputs, files, summary(api));
  return diffs;
}

/** The versions and method count that the manifest, the output memo and the CLI report. */
export function summary(api: ApiModel): { versions: string[]; methods: number } {
  return {
    versions: api.versions.map((v) => v.version),
    methods: api.versions.reduce((n, v) => n + v.methods.length, 0),
  };
}
