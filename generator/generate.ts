import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { IndentationText, Project, QuoteKind } from "ts-morph";
import { compile } from "./emit/compile.js";
import { type EmitContext, emitPackage, emitVersion, merge } from "./emit/registry.js";
import { readRuntimeSources } from "./emit/runtime.js";
import { inputsHash, MANIFEST, manifestFile } from "./manifest.js";
import { apiModel } from "./model/api.js";
import type { ApiModel, VersionModel } from "./model/api-model.js";
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
    ranges: await dependencyRanges(),
  };
  const parts = await Promise.all(api.versions.map((version) => versionFiles(version, api, ctx)));
  parts.push(await emitPackage(api, ctx));
  const emitted = merge(parts);
  const sources = new Map([...emitted].filter(([path]) => path.startsWith("src/")));
  const files = new Map([...emitted, ...compile(sources)]);
  const methods = api.versions.reduce((n, v) => n + v.methods.length, 0);
  files.set(
    MANIFEST,
    manifestFile(
      inputs ?? (await inputsHash(specDir)),
      api.versions.map((v) => v.version),
      methods,
      files,
    ),
  );
  return { api, files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))) };
}

// A version's files depend only on its bundled document, source name and the package-level names
// (which every version's document repeats or inherits); watch mode reuses them.
const versionCache = new Map<string, Map<string, string>>();

async function versionFiles(version: VersionModel, api: ApiModel, ctx: EmitContext): Promise<Map<string, string>> {
  const key = `${version.specFile}\0${JSON.stringify([api.package, api.baseUrl, version.document])}`;
  let files = versionCache.get(key);
  if (!files) {
    files = await emitVersion(version, api, ctx);
    versionCache.set(key, files);
  }
  return files;
}

export async function generate(options: GenerateOptions): Promise<{ api: ApiModel } & WriteResult> {
  const { api, files } = await renderPackage(options.specDir, options.inputs, options.api);
  return { api, ...(await writeTree(options.outDir, files)) };
}

export async function check(options: GenerateOptions): Promise<TreeDiff[]> {
  const { files } = await renderPackage(options.specDir, options.inputs, options.api);
  return diffTree(options.outDir, files);
}

// The generated package depends on what the toolkit itself is tested with.
async function dependencyRanges(): Promise<Record<string, string>> {
  const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
  return pkg.devDependencies;
}
