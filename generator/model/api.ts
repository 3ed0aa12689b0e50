import { readdir } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { bundle } from "../load/bundle.js";
import { SpecError } from "../load/spec-error.js";
import type { ApiModel } from "./api-model.js";
import { versionModel } from "./version.js";

/** The service prefix of every operationId (`earthengine.projects.operations.cancel`). */
export const SERVICE = "earthengine";

/**
 * Reads a spec folder: each `<version>.yaml` at its top is one API version; shared pieces live in
 * sub-folders and are reached through `$ref`.
 */
export async function apiModel(specDir: string): Promise<ApiModel> {
  let entries: string[];
  try {
    entries = await readdir(specDir);
  } catch {
    throw new SpecError(specDir, 1, 1, "the spec folder cannot be read", "a folder of <version>.yaml files");
  }
  const files = entries.filter((name) => /\.ya?ml$/.test(name)).sort();
  if (files.length === 0)
    throw new SpecError(specDir, 1, 1, "the spec folder has no .yaml files", "one <version>.yaml per API version");
  const versions = [];
  for (const name of files) {
    const version = name.replace(/\.ya?ml$/, "");
    if (!/^v\d+[a-z0-9]*$/.test(version)) {
      throw new SpecError(
        join(specDir, name),
        1,
        1,
        `the file name ${name} is not an API version`,
        "v1.yaml, v1beta.yaml, v1alpha.yaml, …",
      );
    }
    versions.push(
      versionModel(await bundle(join(specDir, name)), version, SERVICE, `${basename(resolve(specDir))}/${name}`),
    );
  }
  return { service: SERVICE, versions };
}
