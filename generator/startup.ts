// The start-up speed-ups of a cold `generate`, in one place. Each is justified by figure 1 of
// `npm run bench` ("cold generate"); the pipeline itself (generate.ts) works without any of them.
//
// 1. run.mjs runs the generator from an esbuild bundle of its own sources (cached under the cache
//    folder), so no TypeScript loader starts and no CommonJS dependency is lexed for named exports.
// 2. openapi-typescript loads on its own thread (emit/types.ts), and is handed each version's document
//    as soon as the model is read, while this thread loads ts-morph.
// 3. ts-morph's TypeScript loads through V8's code cache (code-cache.cjs), before generate.ts imports it.
import { createRequire } from "node:module";
import type { ApiModel } from "./model/api-model.js";

/**
 * Starts the types thread, reads the model of `specDir` (unless `readModel` is false: watch mode reports
 * a broken spec itself) and queues its types, and preloads ts-morph. Returns the model, for generate.
 */
export async function startGenerator(specDir: string, readModel: boolean): Promise<ApiModel | undefined> {
  const { startTypesThread, typesFile } = await import("./emit/types.js");
  startTypesThread();
  const api = readModel ? await (await import("./model/api.js")).apiModel(specDir) : undefined;
  for (const version of api?.versions ?? []) typesFile(version).catch(() => {}); // awaited by generate
  createRequire(import.meta.url)("./code-cache.cjs").requireTsMorph(); // what generate.js imports first
  return api;
}
