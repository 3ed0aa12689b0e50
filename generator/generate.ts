import { readFile } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { IndentationText, Project, QuoteKind } from "ts-morph";
import { clientFile } from "./emit/client.js";
import { compile } from "./emit/compile.js";
import { packageJsonFile } from "./emit/package-json.js";
import { methodsFile } from "./emit/methods.js";
import { rootIndexFile, versionIndexFile } from "./emit/entry-points.js";
import { runtimeFiles } from "./emit/runtime.js";
import { typesFile } from "./emit/types.js";
import type { ApiModel } from "./model/api-model.js";
import { apiModel } from "./model/api.js";
import { inputsHash, MANIFEST, manifestFile } from "./manifest.js";
import { diffTree, writeTree, type TreeDiff, type WriteResult } from "./write.js";

export interface GenerateOptions {
  /** Folder of `<version>.yaml` files. */
  specDir: string;
  /** Folder of the generated package. */
  outDir: string;
}

/** Every file of the generated package, in memory, keyed by path relative to the package. */
export async function renderPackage(specDir: string): Promise<{ api: ApiModel; files: Map<string, string> }> {
  const api = await apiModel(specDir);
  const project = new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });
  const source = `${basename(resolve(specDir))}/`;
  const sources = new Map<string, string>(await runtimeFiles());
  for (const version of api.versions) {
    const dir = `src/${version.version}`;
    sources.set(`${dir}/types.d.ts`, await typesFile(version));
    sources.set(`${dir}/methods.ts`, methodsFile(project, version));
    sources.set(`${dir}/client.ts`, clientFile(project, version));
    sources.set(`${dir}/index.ts`, versionIndexFile(project, version));
  }
  sources.set("src/index.ts", rootIndexFile(project, api, source));
  const files = new Map([...sources, ...compile(sources)]);
  const ranges = await dependencyRanges();
  files.set("package.json", packageJsonFile(api, source, ranges["openapi-fetch"]!, ranges["google-auth-library"]!));
  const methods = api.versions.reduce((n, v) => n + v.methods.length, 0);
  files.set(MANIFEST, manifestFile(await inputsHash(specDir), api.versions.map((v) => v.version), methods, files));
  return { api, files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))) };
}

export async function generate(options: GenerateOptions): Promise<{ api: ApiModel } & WriteResult> {
  const { api, files } = await renderPackage(options.specDir);
  return { api, ...(await writeTree(options.outDir, files)) };
}

export async function check(options: GenerateOptions): Promise<TreeDiff[]> {
  const { files } = await renderPackage(options.specDir);
  return diffTree(options.outDir, files);
}

// The generated package depends on what the toolkit itself is tested with.
async function dependencyRanges(): Promise<Record<string, string>> {
  const pkg = JSON.parse(await readFile(new URL("../package.json", import.meta.url), "utf8"));
  return pkg.devDependencies;
}
