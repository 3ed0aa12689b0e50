// The model from small specs: names it refuses (with file:line:col), retry safety, query kinds, and no
// TypeScript text anywhere in it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { apiModel } from "../../generator/model/api.js";

const tmp = mkdtempSync(join(tmpdir(), "ee-model-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

type Json = Record<string, any>;

function operation(id: string, extra: Json = {}): Json {
  return {
    operationId: id,
    "x-google-http-template": "/v1/{name=projects/*/things/*}",
    "x-google-template-fields": { name: "The thing." },
    parameters: [
      { name: "projectsId", in: "path", required: true, schema: { type: "string" } },
      { name: "thingsId", in: "path", required: true, schema: { type: "string" } },
    ],
    responses: {
      "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } },
    },
    ...extra,
  };
}

function spec(paths: Json): Json {
  return {
    openapi: "3.1.0",
    info: { title: "T", version: "v1" },
    servers: [{ url: "https://t.googleapis.com" }],
    security: [{ oauth2: ["s"] }],
    components: {
      securitySchemes: {
        oauth2: { type: "oauth2", flows: { clientCredentials: { tokenUrl: "https://t.invalid", scopes: { s: "S" } } } },
      },
      schemas: { Thing: { type: "object", properties: { name: { type: "string" } } } },
    },
    paths,
  };
}

let n = 0;
async function model(document: Json) {
  const dir = join(tmp, String(n++));
  mkdirSync(dir);
  writeFileSync(join(dir, "v1.yaml"), stringify(document));
  return apiModel(dir);
}

const at = (path: string, ops: Json) => ({ [path]: ops });
const THING = "/v1/projects/{projectsId}/things/{thingsId}";

describe("names the model refuses, with file:line:col", () => {
  const cases: { name: string; given: Json; want: RegExp }[] = [
    {
      name: "a method named then",
      given: at(`${THING}:then`, {
        post: operation("earthengine.projects.things.then", {
          "x-google-http-template": "/v1/{name=projects/*/things/*}:then",
        }),
      }),
      want: /v1\.yaml:\d+:\d+: operationId earthengine\.projects\.things\.then: a resource or method named then/,
    },
    {
      name: "a resource named then",
      given: at(THING, { get: operation("earthengine.projects.then.get") }),
      want: /v1\.yaml:\d+:\d+: .*a resource or method named then/,
    },
    {
      name: "a method named __proto__",
      given: at(THING, { get: operation("earthengine.projects.things.__proto__") }),
      want: /v1\.yaml:\d+:\d+: .*a resource or method named __proto__/,
    },
    {
      name: "a path parameter that is not a flat-path name",
      given: at("/v1/projects/{projects-id}/things/{thingsId}", {
        get: operation("earthengine.projects.things.get", {
          parameters: [
            { name: "projects-id", in: "path", required: true, schema: { type: "string" } },
            { name: "thingsId", in: "path", required: true, schema: { type: "string" } },
          ],
        }),
      }),
      want: /v1\.yaml:\d+:\d+: .*path parameter \{projects-id\} is not a Discovery flat-path name/,
    },
    {
      name: "a query parameter named like a template field",
      given: at(THING, {
        get: operation("earthengine.projects.things.get", {
          parameters: [...operation("x").parameters, { name: "name", in: "query", schema: { type: "string" } }],
        }),
      }),
      want: /v1\.yaml:\d+:\d+: .*query parameter "name" is already a field of the request/,
    },
    {
      name: "an object query parameter",
      given: at(THING, {
        get: operation("earthengine.projects.things.get", {
          parameters: [...operation("x").parameters, { name: "opts", in: "query", schema: { type: "object" } }],
        }),
      }),
      want: /v1\.yaml:\d+:\d+: .*query parameter "opts" has type "object"/,
    },
    {
      name: "a template field named __proto__",
      given: at(THING, {
        get: operation("earthengine.projects.things.get", {
          "x-google-http-template": "/v1/{__proto__=projects/*/things/*}",
          "x-google-template-fields": { __proto__: "x" },
        }),
      }),
      want: /v1\.yaml:\d+:\d+: .*the template field __proto__ cannot be a property/,
    },
    {
      name: "x-google-idempotent that is not a boolean",
      given: at(THING, { get: operation("earthengine.projects.things.get", { "x-google-idempotent": "yes" }) }),
      want: /v1\.yaml:\d+:\d+: earthengine\.projects\.things\.get: x-google-idempotent is not a boolean/,
    },
    {
      name: "two methods whose type names collide",
      given: {
        ...at(THING, { get: operation("earthengine.projects.a_b.get") }),
        ...at(`${THING}:x`, {
          get: operation("earthengine.projects.aB.get", {
            "x-google-http-template": "/v1/{name=projects/*/things/*}:x",
          }),
        }),
      },
      want: /v1\.yaml:\d+:\d+: operationId earthengine\.projects\.a_b\.get gives the same type name \(ProjectsABGetRequest\) as earthengine\.projects\.aB\.get/,
    },
  ];
  it.each(cases)("$name", async ({ given, want }) => {
    await expect(model(spec(given))).rejects.toThrow(want);
  });
});

describe("retry safety", () => {
  const cases: { method: string; mark?: boolean; want: boolean }[] = [
    { method: "get", want: true },
    { method: "put", want: true },
    { method: "delete", want: true },
    { method: "post", want: false },
    { method: "patch", want: false },
    { method: "post", mark: true, want: true },
    { method: "get", mark: false, want: false },
  ];
  it.each(cases)("$method marked $mark → idempotent $want", async ({ method, mark, want }) => {
    const extra = mark === undefined ? {} : { "x-google-idempotent": mark };
    const api = await model(spec(at(THING, { [method]: operation("earthengine.projects.things.m", extra) })));
    expect(api.versions[0]!.methods[0]!.idempotent).toBe(want);
  });
});

describe("a language-neutral model", () => {
  it("holds schema references and query kinds, never TypeScript", async () => {
    const api = await model(
      spec(
        at(THING, {
          post: operation("earthengine.projects.things.export", {
            parameters: [
              ...operation("x").parameters,
              { name: "dry-run", in: "query", required: true, schema: { type: "boolean" } },
              { name: "ids", in: "query", schema: { type: "array", items: { type: "integer" } } },
            ],
            requestBody: { content: { "application/json": { schema: { type: "object" } } } },
          }),
        }),
      ),
    );
    const method = api.versions[0]!.methods[0]!;
    expect(method.query).toEqual([
      { name: "dry-run", description: "", required: true, kind: "boolean" },
      { name: "ids", description: "", required: false, kind: "integer[]" },
    ]);
    expect(method.body).toEqual({ required: false, schema: { kind: "requestBody", path: THING, method: "post" } });
    expect(method.response.schema).toEqual({ kind: "component", name: "Thing" });
    const text = JSON.stringify(api.versions[0]!.methods);
    expect(text).not.toMatch(/components\[|paths\[|NonNullable|: string;/);
  });
});
