import type { Bundle } from "../load/bundle.js";
import type { HttpMethod, MethodModel, VersionModel } from "./api-model.js";
import { lroModel } from "./lro.js";
import { methodModel } from "./operation.js";

type Json = Record<string, unknown>;

const HTTP_METHODS: Record<string, HttpMethod> = {
  get: "GET",
  put: "PUT",
  post: "POST",
  delete: "DELETE",
  patch: "PATCH",
};
// Path-item keys that are not operations (OpenAPI 3.1 §4.8.9).
const PATH_ITEM_FIELDS = new Set(["$ref", "summary", "description", "servers", "parameters"]);

/**
 * One version's bundled description → its methods. `version` comes from the file name; `specFile` is
 * how generated headers name the source (independent of the working directory).
 */
export function versionModel(bundle: Bundle, version: string, service: string, specFile: string): VersionModel {
  const doc = bundle.document;
  if (typeof doc.openapi !== "string" || !/^3\.\d+\.\d+$/.test(doc.openapi)) {
    throw bundle.error(
      doc,
      doc.openapi === undefined ? undefined : "openapi",
      `${doc.swagger ? "Swagger 2.0" : `openapi: ${JSON.stringify(doc.openapi ?? null)}`} is not OpenAPI 3.x`,
      'openapi: "3.1.0"',
    );
  }
  const paths = doc.paths as Json | undefined;
  if (typeof paths !== "object" || paths === null || Object.keys(paths).length === 0) {
    throw bundle.error(
      doc,
      paths === undefined ? undefined : "paths",
      "the description has no paths",
      "at least one path with an operation",
    );
  }
  const methods: MethodModel[] = [];
  const byId = new Map<string, string>();
  const operations = new Map<MethodModel, Json>();
  for (const [openapiPath, rawItem] of Object.entries(paths)) {
    const pathItem = bundle.deref<Json>(rawItem);
    if (!openapiPath.startsWith(`/${version}/`)) {
      throw bundle.error(
        paths,
        openapiPath,
        `the path ${openapiPath} is outside /${version}/`,
        `paths of ${version} under /${version}/`,
        "key",
      );
    }
    for (const [key, operation] of Object.entries(pathItem)) {
      if (PATH_ITEM_FIELDS.has(key) || key.startsWith("x-")) continue;
      const httpMethod = HTTP_METHODS[key];
      if (!httpMethod) {
        throw bundle.error(
          pathItem,
          key,
          `"${key}" is not an HTTP method`,
          `one of ${Object.keys(HTTP_METHODS).join(", ")}`,
          "key",
        );
      }
      const method = methodModel(bundle, {
        version,
        service,
        openapiPath,
        httpMethod,
        operation: operation as Json,
        pathItem,
      });
      const seen = byId.get(method.id);
      if (seen) {
        throw bundle.error(
          operation as Json,
          "operationId",
          `duplicate operationId ${method.id} (also ${seen})`,
          "a unique operationId per operation",
        );
      }
      byId.set(method.id, `${httpMethod} ${openapiPath}`);
      methods.push(method);
      operations.set(method, operation as Json);
    }
  }
  methods.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  checkTypeNames(bundle, methods, operations);
  const info = (doc.info ?? {}) as Json;
  return {
    version,
    specFile,
    title: typeof info.title === "string" ? info.title : version,
    document: doc,
    methods,
    lro: lroModel(methods),
  };
}

/** `projects.operations.cancel` → `ProjectsOperationsCancel`: `.` and `_` dropped, each part capitalized. */
export function pascalCase(key: string): string {
  return key
    .split(/[._]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");
}

// The emitters name a method's request type after pascalCase of its key (emit/jsdoc.ts `pascal`:
// `projects.operations.cancel` → `ProjectsOperationsCancelRequest`); two keys that read the same that
// way would declare one type twice.
function checkTypeNames(bundle: Bundle, methods: readonly MethodModel[], operations: Map<MethodModel, Json>): void {
  const seen = new Map<string, MethodModel>();
  for (const method of methods) {
    const name = pascalCase(method.key);
    const other = seen.get(name);
    if (other) {
      throw bundle.error(
        operations.get(method)!,
        "operationId",
        `operationId ${method.id} gives the same type name (${name}Request) as ${other.id}`,
        "operationIds that differ by more than capitalization at a . or _",
      );
    }
    seen.set(name, method);
  }
}
