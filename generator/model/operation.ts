import type { Bundle } from "../load/bundle.js";
import type { BodyModel, HttpMethod, MethodModel, QueryField, ResponseModel, TemplateVariable } from "./api-model.js";
import { discoveryPath, type ParsedTemplate, parseHttpTemplate, wildcardShape } from "./http-template.js";
import { operationScopes } from "./security.js";

type Json = Record<string, unknown>;

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
      type: tsScalar(bundle.deref<Json | undefined>(p.schema)),
    }));

  const [, ...resource] = idParts;
  return {
    key: resource.join("."),
    id,
    httpMethod,
    openapiPath,
    path: discoveryPath(parsed),
    template,
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
  const lookup = `NonNullable<paths["${openapiPath}"]["${httpMethod.toLowerCase()}"]["requestBody"]>["content"]["application/json"]`;
  return { required: body.required === true, type: schemaType(media.schema, lookup) };
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
  const lookup = `paths["${openapiPath}"]["${httpMethod.toLowerCase()}"]["responses"][${status}]["content"]["application/json"]`;
  return {
    type: schemaType(media.schema, lookup),
    empty: schema.type === "object" && schema.properties === undefined && schema.additionalProperties === false,
  };
}

/** A named component where the spec names one, else openapi-typescript's type at `lookup`. */
function schemaType(schema: unknown, lookup: string): string {
  const ref = (schema as Json | undefined)?.$ref;
  const match = typeof ref === "string" ? /^#\/components\/schemas\/([A-Za-z0-9_]+)$/.exec(ref) : null;
  return match ? `components["schemas"]["${match[1]}"]` : lookup;
}

function tsScalar(schema: Json | undefined): string {
  switch (schema?.type) {
    case "string":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    default:
      return "unknown";
  }
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
