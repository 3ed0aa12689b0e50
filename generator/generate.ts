import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { IndentationText, Project, QuoteKind } from "ts-morph";
import { cliFiles } from "./emit/cli.js";
import { clientFile } from "./emit/client.js";
import { compile } from "./emit/compile.js";
import { rootIndexFile, versionIndexFile } from "./emit/entry-points.js";
import { methodsFile } from "./emit/methods.js";
import { packageJsonFile } from "./emit/package-json.js";
import { runtimeFiles } from "./emit/runtime.js";
import { typesFile } from "./emit/types.js";
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
  const source = `${basename(resolve(specDir))}/`;
  const sources = new Map<string, string>(await runtimeFiles());
  for (const [path, text] of await cliFiles()) sources.set(path, text);
  for (const files of await Promise.all(api.versions.map((version) => versionFiles(project, version)))) {
    for (const [path, text] of files) sources.set(path, text);
  }
  const rootKey = `${source}\0${JSON.stringify(api.versions.map((v) => [v.version, v.lro]))}`;
  if (!rootIndexCache.has(rootKey)) rootIndexCache.set(rootKey, rootIndexFile(project, api, source));
  sources.set("src/index.ts", rootIndexCache.get(rootKey)!);
  const files = new Map([...sources, ...compile(sources)]);
  const ranges = await dependencyRanges();
  files.set("package.json", packageJsonFile(api, source, ranges["openapi-fetch"]!, ranges["google-auth-library"]!));
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

// A version's files depend only on its bundled document and source name, the root index only on the
// versions; watch mode reuses them.
const versionCache = new Map<string, Map<string, string>>();
const rootIndexCache = new Map<string, string>();

async function versionFiles(project: Project, version: VersionModel): Promise<Map<string, string>> {
  const key = `${version.specFile}\0${JSON.stringify(version.document)}`;
  let files = versionCache.get(key);
  if (!files) {
    const dir = `src/${version.version}`;
    const types = typesFile(version); // on openapi-typescript's thread, while ts-morph works here
    files = new Map([
      [`${dir}/methods.ts`, methodsFile(project, version)],
      [`${dir}/client.ts`, clientFile(project, version)],
      [`${dir}/index.ts`, versionIndexFile(project, version)],
      [`${dir}/types.d.ts`, await types],
    ]);
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
