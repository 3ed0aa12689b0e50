// The thread behind emit/types.ts: loads openapi-typescript (with TypeScript 5.9 and Redocly; its cost
// is part of bench figure 1, cold generate) while the main thread loads ts-morph, then turns each bundled document it is sent into the text of
// `paths` and `components`. Plain CommonJS, so the worker needs no TypeScript loader.
const { parentPort } = require("node:worker_threads");
const { requireOpenapiTypescript } = require("../code-cache.cjs");

const { default: openapiTS, astToString } = requireOpenapiTypescript();

parentPort.on("message", async ({ id, document }) => {
  try {
    const ast = await openapiTS(document, { silent: true });
    parentPort.postMessage({ id, text: astToString(ast) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
