// Writes a synthetic, single-file spec of N operations in the style of spec/: flat paths with one
// parameter per wildcard, x-google-http-template + x-google-template-fields, oauth2 security where each
// scope is its own requirement, operationIds earthengine.projects.<resourceN>.<method>, distinct paths.
// Each resource gets up to five methods (cancel, get, delete, wait, list), like projects.operations.
//
//   tsx bench/synthetic-spec.ts 1000 .tmp/spec-1000   # writes .tmp/spec-1000/v1.yaml
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const METHODS = ["cancel", "get", "delete", "wait", "list"] as const;
type Method = (typeof METHODS)[number];

const SECURITY = `      security:
        - oauth2:
            - https://www.googleapis.com/auth/earthengine
        - oauth2:
            - https://www.googleapis.com/auth/cloud-platform`;

function header(operations: number): string {
  return `# Synthetic benchmark spec (bench/synthetic-spec.ts): ${operations} operations in the style of spec/.
# Nothing here exists in Earth Engine.
openapi: 3.1.0
info:
  title: Synthetic Earth Engine API (${operations} operations)
  version: v1
  license:
    name: CC-BY-4.0
    identifier: CC-BY-4.0
servers:
  - url: https://earthengine.googleapis.com
components:
  securitySchemes:
    oauth2:
      type: oauth2
      flows:
        authorizationCode:
          authorizationUrl: https://accounts.google.com/o/oauth2/auth
          tokenUrl: https://oauth2.googleapis.com/token
          scopes:
            https://www.googleapis.com/auth/earthengine: View and manage your Google Earth Engine data
            https://www.googleapis.com/auth/cloud-platform: See, edit, configure and delete your Google Cloud data
  parameters:
    projectsId: { name: projectsId, in: path, required: true, description: The project segment., schema: { type: string } }
    filter: { name: filter, in: query, description: The standard list filter., schema: { type: string } }
    pageSize: { name: pageSize, in: query, description: The standard list page size., schema: { type: integer, format: int32 } }
    pageToken: { name: pageToken, in: query, description: The standard list page token., schema: { type: string } }
  schemas:
    Empty:
      description: A generic empty message, sent as \`{}\`.
      type: object
      additionalProperties: false
    Status:
      type: object
      properties:
        code: { type: integer, format: int32 }
        message: { type: string }
    Item:
      description: A long-running item.
      type: object
      properties:
        name: { type: string, description: The resource name. }
        done: { type: boolean }
        error: { $ref: '#/components/schemas/Status' }
    ListItemsResponse:
      type: object
      properties:
        items: { type: array, items: { $ref: '#/components/schemas/Item' } }
        nextPageToken: { type: string }
    WaitRequest:
      type: object
      additionalProperties: false
      properties:
        timeout: { type: string, description: A duration in seconds, e.g. "3.5s". }
    ErrorResponse:
      type: object
      required: [error]
      properties:
        error:
          type: object
          required: [code, message]
          properties:
            code: { type: integer }
            message: { type: string }
            status: { type: string }
paths:
`;
}

function response(schema: string): string {
  return `      responses:
        '200':
          description: If successful.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/${schema}' }
        default:
          description: Google's JSON error body.
          content:
            application/json:
              schema: { $ref: '#/components/schemas/ErrorResponse' }`;
}

function operation(resource: string, method: Method): { path: string; verb: string; text: string } {
  const id = `${resource}Id`;
  const item = `/v1/projects/{projectsId}/${resource}/{${id}}`;
  const itemParams = `      parameters:
        - $ref: '#/components/parameters/projectsId'
        - { name: ${id}, in: path, required: true, description: The ${resource} segment., schema: { type: string } }`;
  const common = (verb: string, template: string, field: string, extra: string, schema: string) =>
    `    ${verb}:
      operationId: earthengine.projects.${resource}.${method}
      summary: ${method[0]!.toUpperCase()}${method.slice(1)}s a ${resource} item.
      description: >-
        ${method[0]!.toUpperCase()}${method.slice(1)}s the ${resource} item named by \`${field}\`. Synthetic text of
        about the length of a real description, so that documentation comments weigh what they weigh.
      x-google-http-template: ${template}
      x-google-template-fields:
        ${field}: The name of the ${resource} resource.
${extra}
${SECURITY}
${response(schema)}
`;
  switch (method) {
    case "cancel":
      return {
        path: `${item}:cancel`,
        verb: "post",
        text: common("post", `/v1/{name=projects/*/${resource}/*}:cancel`, "name", itemParams, "Empty"),
      };
    case "get":
      return {
        path: item,
        verb: "get",
        text: common("get", `/v1/{name=projects/*/${resource}/*}`, "name", itemParams, "Item"),
      };
    case "delete":
      return {
        path: item,
        verb: "delete",
        text: common("delete", `/v1/{name=projects/*/${resource}/*}`, "name", itemParams, "Empty"),
      };
    case "wait": {
      const body = `${itemParams}
      requestBody:
        required: true
        content:
          application/json:
            schema: { $ref: '#/components/schemas/WaitRequest' }`;
      return {
        path: `${item}:wait`,
        verb: "post",
        text: common("post", `/v1/{name=projects/*/${resource}/*}:wait`, "name", body, "Item"),
      };
    }
    case "list": {
      const params = `      parameters:
        - $ref: '#/components/parameters/projectsId'
        - $ref: '#/components/parameters/filter'
        - $ref: '#/components/parameters/pageSize'
        - $ref: '#/components/parameters/pageToken'`;
      return {
        path: `/v1/projects/{projectsId}/${resource}`,
        verb: "get",
        text: common("get", `/v1/{name=projects/*}/${resource}`, "name", params, "ListItemsResponse"),
      };
    }
  }
}

/** The YAML text of a spec with `operations` operations. */
export function syntheticSpec(operations: number): string {
  const byPath = new Map<string, string[]>();
  for (let i = 0; i < operations; i++) {
    const resource = `resource${Math.floor(i / METHODS.length) + 1}`;
    const op = operation(resource, METHODS[i % METHODS.length]!);
    if (!byPath.has(op.path)) byPath.set(op.path, []);
    byPath.get(op.path)!.push(op.text);
  }
  let out = header(operations);
  for (const [path, ops] of byPath) out += `  ${path}:\n${ops.join("")}`;
  return out;
}

/** Writes `<dir>/v1.yaml` and returns its path. */
export function writeSyntheticSpec(operations: number, dir: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "v1.yaml");
  writeFileSync(file, syntheticSpec(operations));
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [count, dir] = process.argv.slice(2);
  if (!count || !dir) {
    process.stderr.write("usage: tsx bench/synthetic-spec.ts OPERATIONS DIR\n");
    process.exit(2);
  }
  process.stdout.write(`${writeSyntheticSpec(Number(count), dir)}\n`);
}
