import { createRequire } from "node:module";
import type { VersionModel } from "../model/api-model.js";
import { header } from "./header.js";

/** `src/<version>/types.d.ts`: the `paths` and `components` types from openapi-typescript. */
export async function typesFile(version: VersionModel): Promise<string> {
  const { default: openapiTS, astToString } = openapiTypescript();
  const ast = await openapiTS(structuredClone(version.document) as never, { silent: true });
  return header(version.specFile) + astToString(ast);
}

// Loaded on first use, so that commands that emit nothing (check with no changes, --help) skip its
// start-up; and as CommonJS, because an ESM import has Node lex TypeScript's 9 MB for named exports
// (~0.3 s).
let loaded: typeof import("openapi-typescript") | undefined;
function openapiTypescript(): typeof import("openapi-typescript") {
  return (loaded ??= createRequire(import.meta.url)("openapi-typescript"));
}
