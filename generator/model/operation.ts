import type { Bundle } from "../load/bundle.js";
import type {
  BodyModel,
  HttpMethod,
  MethodModel,
  QueryField,
  QueryKind,
  ResponseModel,
  SchemaRef,
  TemplateVariable,
} from "./api-model.js";
import { discoveryPath, type ParsedTemplate, parseHttpTemplate, wildcardShape } from "./http-template.js";
import { operationScopes } from "./security.js";

type Json = Record<string, unknown>;

// `then` would make `await client.projects` call the API; `__proto__` would vanish into the prototype.
const REFUSED_TREE_NAMES = new Set(["then", "__proto__"]);
const PATH_PARAM = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface OperationNode {
  readonly version: string;
  readonly service: string;
  readonly openapiPath: string;
  readonly httpMethod: HttpMethod;
  readonly operation: Json;
  readonly pathItem: Json;
}

/** One OpenAPI operation → one client method. */
export function methodModel(bundle: Bundle, node: OperationNode): MethodModel {
  const { operation, openapiPath, httpMethod } = node;
  const where = `${httpMethod} ${openapiPath}`;
  const id = operation.operationId;
  if (typeof id !== "string" || id === "") {
    throw bundle.error(
      operation,
      undefined,
      `${where} has no operationId`,
      `operationId "${node.service}.<resource>.….<method>"`,
    );
  }
  const idParts = id.split(".");
  if (idParts[0] !== node.service || idParts.length < 3 || !idParts.every((p) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(p))) {
    throw bundle.error(
      operation,
      "operationId",
      `operationId ${JSON.stringify(id)} is not a method path`,
      `"${node.service}.<resource>.….<method>" (dot-separated identifiers)`,
    );
  }
  const magic = idParts.slice(1).find((p) => REFUSED_TREE_NAMES.has(p));
  if (magic) {
    throw bundle.error(
      operation,
      "operationId",
      `operationId ${id}: a resource or method named ${magic} cannot be a property of the client`,
      `another name (${[...REFUSED_TREE_NAMES].join(" and ")} would make awaiting or reading the client misbehave)`,
    );
  }

  const template = operation["x-google-http-template"];
  if (typeof template !== "string") {
    throw bundle.error(
      operation,
      undefined,
      `${id} has no x-google-http-template`,
      `the method's gRPC transcoding template, e.g. /${node.version}/{name=projects/*/operations/**}`,
    );
  }
  let parsed: ParsedTemplate;
  try {
    parsed = parseHttpTemplate(template);
  } catch (error) {
    throw bundle.error(
      operation,
      "x-google-http-template",
      `${id}: invalid template ${template}: ${(error as Error).message}`,
      "a gRPC transcoding template (AIP-127)",
    );
  }
  const first = parsed.parts[0];
  if (first?.kind !== "literal" || first.text !== node.version) {
    throw bundle.error(
      operation,
      "x-google-http-template",
      `${id}: template ${template} does not start with /${node.version}/`,
      `/${node.version}/… in the ${node.version} description`,
    );
  }

  const parameters = [...asArray(node.pathItem.parameters), ...asArray(operation.parameters)].map((p) =>
    bundle.deref<Json>(p),
  );
  const declaredPath = parameters.filter((p) => p.in === "path").map((p) => p.name as string);
  const pathParams = [...openapiPath.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]!);
  const oddParam = pathParams.find((name) => !PATH_PARAM.test(name));
  if (oddParam !== undefined) {
    throw bundle.error(
      bundle.document.paths as Json,
      openapiPath,
      `${id}: path parameter {${oddParam}} is not a Discovery flat-path name`,
      "{projectsId}-style names (letters, digits, _): callers pass the template's field, never these",
      "key",
    );
  }
  for (const name of pathParams) {
    if (!declaredPath.includes(name)) {
      throw bundle.error(
        operation,
        "parameters",
        `${id}: path parameter {${name}} of ${openapiPath} is not declared`,
        `a parameter { name: ${name}, in: path, required: true }`,
      );
    }
  }
  for (const name of declaredPath) {
    if (!pathParams.includes(name)) {
      throw bundle.error(
        operation,
        "parameters",
        `${id}: path parameter ${name} is declared but ${openapiPath} has no {${name}}`,
        `only parameters that appear in the path`,
      );
    }
  }
  if (openapiPath.replace(/\{[^}]*\}/g, "{}") !== wildcardShape(parsed)) {
    throw bundle.error(
      operation,
      "x-google-http-template",
      `${id}: template ${template} disagrees with the path ${openapiPath}`,
      `a path with one {parameter} per wildcard: ${wildcardShape(parsed)}`,
    );
  }

  const fieldDocs = (operation["x-google-template-fields"] ?? {}) as Json;
  let next = 0;
  const variables: TemplateVariable[] = parsed.parts.flatMap((part) => {
    if (part.kind !== "variable") return [];
    if (part.field === "__proto__") {
      throw bundle.error(
        operation,
        "x-google-http-template",
        `${id}: the template field __proto__ cannot be a property of a request object`,
        "another field name",
      );
    }
    const description = fieldDocs[part.field];
    if (typeof description !== "string") {
      throw bundle.error(
        operation,
        "x-google-template-fields",
        `${id}: template variable ${part.field} has no description`,
        `x-google-template-fields: { ${part.field}: "…" }`,
      );
    }
    const count = part.segments.filter((s) => s === "*" || s === "**").length;
    return [
      {
        field: part.field,
        pattern: part.segments.join("/"),
        description,
        pathParams: pathParams.slice(next, (next += count)),
      },
    ];
  });

  const query: QueryField[] = parameters
    .filter((p) => p.in === "query")
    .map((p) => ({
      name: p.name as string,
      description: typeof p.description === "string" ? p.description : "",
      required: p.required === true,
      kind: queryKind(bundle, p, id),
    }));
  // The request object holds template fields, query parameters and `body` side by side.
  const requestKeys = new Set<string>(variables.map((v) => v.field));
  if (operation.requestBody !== undefined) requestKeys.add("body");
  for (const [i, q] of query.entries()) {
    if (typeof q.name !== "string" || q.name === "" || requestKeys.has(q.name)) {
      const p = parameters.filter((p) => p.in === "query")[i]!;
      throw bundle.error(
        p,
        "name",
        `${id}: query parameter ${JSON.stringify(q.name)} ${typeof q.name === "string" && q.name !== "" ? "is already a field of the request" : "has no name"}`,
        `a name unique among the template fields, query parameters${operation.requestBody !== undefined ? " and body" : ""}`,
      );
    }
    requestKeys.add(q.name);
  }

  const [, ...resource] = idParts;
  return {
    key: resource.join("."),
    id,
    httpMethod,
    openapiPath,
    path: discoveryPath(parsed),
    template,
    parsedTemplate: parsed,
    idempotent: idempotent(bundle, operation, node.httpMethod, id),
    variables,
    query,
    body: bodyModel(bundle, node),
    response: responseModel(bundle, node, id),
    scopes: operationScopes(bundle, operation, id),
    summary: typeof operation.summary === "string" ? operation.summary : "",
    description: typeof operation.description === "string" ? operation.description : "",
  };
}

function bodyModel(bundle: Bundle, { operation, openapiPath, httpMethod }: OperationNode): BodyModel | undefined {
  if (operation.requestBody === undefined) return undefined;
  const body = bundle.deref<Json>(operation.requestBody);
  const media = (body.content as Json | undefined)?.["application/json"] as Json | undefined;
  if (!media)
    throw bundle.error(
      operation,
      "requestBody",
      "the request body has no application/json content",
      "content: { application/json: { schema } }",
    );
  const inline: SchemaRef = { kind: "requestBody", path: openapiPath, method: httpMethod.toLowerCase() };
  return { required: body.required === true, schema: schemaRef(media.schema, inline) };
}

function responseModel(
  bundle: Bundle,
  { operation, openapiPath, httpMethod }: OperationNode,
  id: string,
): ResponseModel {
  const responses = (operation.responses ?? {}) as Json;
  const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code));
  if (!status) throw bundle.error(operation, "responses", `${id} has no 2xx response`, "a 200 response");
  const media = (bundle.deref<Json>(responses[status]).content as Json | undefined)?.["application/json"] as
    | Json
    | undefined;
  if (!media)
    throw bundle.error(
      responses,
      status,
      `${id}: the ${status} response has no application/json content`,
      "content: { application/json: { schema } }",
    );
  const schema = bundle.deref<Json>(media.schema);
  const inline: SchemaRef = { kind: "response", path: openapiPath, method: httpMethod.toLowerCase(), status };
  return {
    schema: schemaRef(media.schema, inline),
    empty: schema.type === "object" && schema.properties === undefined && schema.additionalProperties === false,
  };
}

/** The named component where the spec names one, else where the schema sits inline. */
function schemaRef(schema: unknown, inline: SchemaRef): SchemaRef {
  const ref = (schema as Json | undefined)?.$ref;
  const match = typeof ref === "string" ? /^#\/components\/schemas\/([^/]+)$/.exec(ref) : null;
  return match ? { kind: "component", name: match[1]!.replace(/~1/g, "/").replace(/~0/g, "~") } : inline;
}

const SCALARS = new Set(["string", "integer", "number", "boolean"]);

/** A query parameter's JSON schema type: a scalar or an array of scalars (sent as repeated keys). */
function queryKind(bundle: Bundle, parameter: Json, id: string): QueryKind {
  const schema = bundle.deref<Json | undefined>(parameter.schema);
  const type = schema?.type;
  if (typeof type === "string" && SCALARS.has(type)) return type as QueryKind;
  const items = type === "array" ? bundle.deref<Json | undefined>(schema!.items) : undefined;
  if (typeof items?.type === "string" && SCALARS.has(items.type)) return `${items.type}[]` as QueryKind;
  throw bundle.error(
    schema ?? parameter,
    schema ? "type" : "schema",
    `${id}: query parameter ${JSON.stringify(parameter.name)} has ${schema ? `type ${JSON.stringify(type ?? null)}` : "no schema"}`,
    "schema.type string, integer, number or boolean, or an array of one of them",
  );
}

// Retrying is safe by default for methods HTTP defines as idempotent (RFC 9110 §9.2.2).
const IDEMPOTENT_METHODS = new Set<HttpMethod>(["GET", "PUT", "DELETE"]);

function idempotent(bundle: Bundle, operation: Json, httpMethod: HttpMethod, id: string): boolean {
  const marked = operation["x-google-idempotent"];
  if (marked === undefined) return IDEMPOTENT_METHODS.has(httpMethod);
  if (typeof marked !== "boolean") {
    throw bundle.error(
      operation,
      "x-google-idempotent",
      `${id}: x-google-idempotent is not a boolean`,
      "true or false",
    );
  }
  return marked;
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
