import type { VersionModel } from "../model/api-model.js";
import { header } from "./header.js";

/** `src/<version>/types.d.ts`: the `paths` and `components` types from openapi-typescript. */
export async function typesFile(version: VersionModel): Promise<string> {
  // Loaded here so that commands that emit nothing (check with no changes, --help) skip its start-up.
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  const ast = await openapiTS(structuredClone(version.document) as never, { silent: true });
  return header(version.specFile) + astToString(ast);
}
