import { readdir } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { type Bundle, bundle } from "../load/bundle.js";
import { SpecError } from "../load/spec-error.js";
import type { ApiModel, PackageModel, VersionModel } from "./api-model.js";
import {
  baseUrlOf,
  declaredPackage,
  defaultPackage,
  hostService,
  PACKAGE_EXTENSION,
  serviceOf,
} from "./package-info.js";
import { versionModel } from "./version.js";

// Google's version names: v1, v1beta, v2beta1, v1alpha, v1p1beta1, …
const VERSION_NAME = /^v\d+[a-z0-9]*$/;

/**
 * Reads a spec folder: each `<version>.yaml` (or `.yml`) at its top is one API version; shared pieces
 * live in sub-folders and are reached through `$ref`. The service, the default base URL and the
 * package's names come from the files, and every version must agree on them.
 */
export async function apiModel(specDir: string): Promise<ApiModel> {
  let entries: string[];
  try {
    entries = await readdir(specDir);
  } catch {
    throw new SpecError(specDir, 1, 1, "the spec folder cannot be read", "a folder of <version>.yaml files");
  }
  const files = versionFiles(specDir, entries);
  const source = basename(resolve(specDir));
  const bundles: [string, Bundle][] = [];
  for (const [version, name] of files) bundles.push([version, await bundle(join(specDir, name))]);

  // Every operationId must start with the service the first one names (a located error otherwise).
  const service =
    bundles.map(([, b]) => serviceOf(b)).find((s) => s !== undefined) ??
    bundles.map(([, b]) => hostService(b)).find((s) => s !== undefined) ??
    "<service>";
  const versions: VersionModel[] = bundles.map(([version, b]) =>
    versionModel(b, version, service, `${source}/${files.get(version)}`),
  );

  let baseUrl: string | undefined;
  let pkg: Partial<PackageModel> | undefined;
  let pkgFrom = "";
  for (const [version, b] of bundles) {
    const url = baseUrlOf(b);
    if (baseUrl !== undefined && url !== baseUrl) {
      throw b.error(
        (b.document.servers as object[])[0]!,
        "url",
        `servers[0].url ${url} differs from ${baseUrl} in another version`,
        "the same service root in every version",
      );
    }
    baseUrl = url;
    const declared = declaredPackage(b);
    if (declared === undefined) continue;
    if (pkg !== undefined && JSON.stringify(declared) !== JSON.stringify(pkg)) {
      throw b.error(
        b.document.info as object,
        PACKAGE_EXTENSION,
        `${PACKAGE_EXTENSION} differs from the one in ${pkgFrom}`,
        "the same package fields in every version that declares them",
      );
    }
    pkg = declared;
    pkgFrom = files.get(version)!;
  }
  return { service, baseUrl: baseUrl!, package: { ...defaultPackage(service), ...pkg }, versions };
}

/** `<version>.yaml` / `.yml` files at the top of the folder, by version, sorted; one file per version. */
function versionFiles(specDir: string, entries: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of entries.filter((n) => /\.ya?ml$/.test(n)).sort()) {
    const version = name.replace(/\.ya?ml$/, "");
    if (!VERSION_NAME.test(version)) {
      throw new SpecError(
        join(specDir, name),
        1,
        1,
        `the file name ${name} is not an API version`,
        "v1.yaml, v1beta.yaml, v2beta1.yaml, v1p1beta1.yaml, … (or .yml)",
      );
    }
    const other = files.get(version);
    if (other !== undefined) {
      throw new SpecError(
        join(specDir, name),
        1,
        1,
        `${name} and ${other} both describe ${version}`,
        "one file per API version",
      );
    }
    files.set(version, name);
  }
  if (files.size === 0)
    throw new SpecError(specDir, 1, 1, "the spec folder has no .yaml files", "one <version>.yaml per API version");
  return files;
}
