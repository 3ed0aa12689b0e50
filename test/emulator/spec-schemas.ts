// Validates JSON values against the shared OpenAPI 3.1 schemas (spec/shared/components.yaml), which
// are JSON Schema 2020-12. Used to check every body the emulator sends.

import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule, { type FormatsPlugin } from "ajv-formats";
import { parse } from "yaml";

export type Validate = (schemaName: string, value: unknown) => string[];

const COMPONENTS = fileURLToPath(new URL("../../spec/shared/components.yaml", import.meta.url));
const ROOT_ID = "https://emulator.test/components.json";
const OPENAPI_REF = "#/components/schemas/";

// ajv-formats is CommonJS; depending on the loader its plugin is the default export or its `.default`.
const formatsModule = addFormatsModule as unknown as FormatsPlugin & { default?: FormatsPlugin };
const addFormats: FormatsPlugin = formatsModule.default ?? formatsModule;

/** Points OpenAPI component refs at $defs of one root schema and drops `x-` extensions. */
function rewrite(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewrite);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith("x-")) continue;
    if (key === "$ref" && typeof value === "string" && value.startsWith(OPENAPI_REF)) {
      out.$ref = `#/$defs/${value.slice(OPENAPI_REF.length)}`;
    } else {
      out[key] = rewrite(value);
    }
  }
  return out;
}

/** Loads and compiles `components.schemas`; the result lists errors, empty when `value` is valid. */
export function loadSpecSchemas(componentsPath: string = COMPONENTS): Validate {
  const doc = parse(readFileSync(componentsPath, "utf8")) as { components?: { schemas?: Record<string, unknown> } };
  const schemas = doc.components?.schemas;
  if (!schemas) throw new Error(`${componentsPath} has no components.schemas`);

  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  addFormats(ajv);
  // OpenAPI's integer formats, which JSON Schema does not define.
  ajv.addFormat("int32", {
    type: "number",
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
  // OpenAPI annotation keywords that may appear in schemas.
  ajv.addVocabulary(["discriminator", "xml", "externalDocs", "example"]);
  ajv.addSchema({ $id: ROOT_ID, $defs: rewrite(schemas) as Record<string, unknown> });

  return (schemaName, value) => {
    if (!Object.hasOwn(schemas, schemaName)) return [`no schema named ${schemaName}`];
    const validateFn = ajv.getSchema(`${ROOT_ID}#/$defs/${schemaName}`);
    if (!validateFn) return [`schema ${schemaName} did not compile`];
    if (validateFn(value)) return [];
    return (validateFn.errors ?? []).map(
      (e) => `${schemaName}${e.instancePath || ""} ${e.message ?? e.keyword} ${JSON.stringify(e.params)}`,
    );
  };
}
