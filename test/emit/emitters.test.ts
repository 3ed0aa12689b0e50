// The emitters as pure functions: given a small model, want this text.
import { IndentationText, Project, QuoteKind } from "ts-morph";
import { describe, expect, it } from "vitest";
import { clientFile } from "../../generator/emit/client.js";
import { methodsFile } from "../../generator/emit/methods.js";
import { schemaType } from "../../generator/emit/schema-type.js";
import type { MethodModel, SchemaRef, VersionModel } from "../../generator/model/api-model.js";
import { parseHttpTemplate } from "../../generator/model/http-template.js";

const project = () =>
  new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });

function method(overrides: Partial<MethodModel> = {}): MethodModel {
  const template = "/v1/{name=projects/*/things/*}:export";
  return {
    key: "projects.things.export",
    id: "svc.projects.things.export",
    httpMethod: "POST",
    openapiPath: "/v1/projects/{projectsId}/things/{thingsId}:export",
    path: "v1/{+name}:export",
    template,
    parsedTemplate: parseHttpTemplate(template),
    idempotent: false,
    variables: [
      {
        field: "name",
        pattern: "projects/*/things/*",
        description: "The thing.",
        pathParams: ["projectsId", "thingsId"],
      },
    ],
    query: [],
    body: undefined,
    response: { schema: { kind: "component", name: "Thing" }, empty: false },
    scopes: ["https://s.invalid/x"],
    summary: "",
    description: "Exports.",
    ...overrides,
  };
}

function version(methods: MethodModel[], title = "Things (v1)"): VersionModel {
  return { version: "v1", specFile: "spec/v1.yaml", title, document: {}, methods, lro: undefined };
}

describe("schemaType", () => {
  const cases: { given: SchemaRef; want: string }[] = [
    { given: { kind: "component", name: "Operation" }, want: 'components["schemas"]["Operation"]' },
    { given: { kind: "component", name: 'a"b' }, want: 'components["schemas"]["a\\"b"]' },
    {
      given: { kind: "requestBody", path: "/v1/x", method: "post" },
      want: 'NonNullable<paths["/v1/x"]["post"]["requestBody"]>["content"]["application/json"]',
    },
    {
      given: { kind: "response", path: "/v1/x", method: "get", status: "200" },
      want: 'paths["/v1/x"]["get"]["responses"][200]["content"]["application/json"]',
    },
  ];
  it.each(cases)("$given.kind $given.name", ({ given, want }) => expect(schemaType(given)).toBe(want));
});

describe("methodsFile", () => {
  it("writes retry safety, the parsed template and query kinds as data", () => {
    const text = methodsFile(
      project(),
      version([method({ query: [{ name: "dry-run", description: "", required: false, kind: "boolean" }] })]),
    );
    expect(text).toContain(
      "    readonly idempotent: boolean;\n    readonly parsedTemplate: ParsedTemplate;\n    readonly query: QueryFields;\n",
    );
    expect(text).toContain(
      '    idempotent: false,\n    parsedTemplate: { parts: [{ kind: "literal", text: "v1" }, { kind: "variable", field: "name", segments: ["projects", "*", "things", "*"] }], verb: "export" },\n    query: [["dry-run", "boolean", false]],\n',
    );
  });

  it("keeps the title inside its one-line comment", () => {
    const text = methodsFile(project(), version([method()], "a */ evil()\u2028b\nc"));
    expect(text).toContain(
      "/** HTTP binding and OAuth scopes of every method of a *\\/ evil() b c, keyed by method path. */",
    );
  });
});

describe("clientFile", () => {
  it("quotes non-identifier names, reads them by wire name, and checks the query before I/O", () => {
    const text = clientFile(
      project(),
      version([
        method({
          query: [
            { name: "dry-run", description: "Only */ pretend.", required: true, kind: "boolean" },
            { name: "__proto__", description: "", required: false, kind: "string[]" },
          ],
          body: { required: true, schema: { kind: "requestBody", path: "/v1/x", method: "post" } },
        }),
      ]),
      "EarthEngine",
    );
    expect(text).toContain('import { queryString } from "../runtime/query.js";');
    expect(text).toContain(
      '  /** Only *\\/ pretend. */\n  "dry-run": boolean;\n  "__proto__"?: string[];\n  /** The request body. */\n  body: NonNullable<paths["/v1/x"]["post"]["requestBody"]>["content"]["application/json"];\n',
    );
    expect(text).toContain("const search = queryString(method, request);");
    expect(text).toContain(
      "params: { path: { projectsId, thingsId }, query: {} as never },\n              querySerializer: () => search,",
    );
  });

  it("renames a path parameter that would shadow a wrapper local, and reads dotted fields by key", () => {
    const text = clientFile(
      project(),
      version([
        method({
          variables: [
            {
              field: "thing.name",
              pattern: "projects/*/things/*",
              description: "T.",
              pathParams: ["request", "method"],
            },
          ],
        }),
      ]),
      "EarthEngine",
    );
    expect(text).toContain('const [$request, $method] = bindName(method, "thing.name", request["thing.name"]);');
    expect(text).toContain("params: { path: { request: $request, method: $method } },");
    expect(text).toContain('  "thing.name": string;');
  });

  it("writes tree names that are not plain identifiers safely", () => {
    const text = clientFile(project(), version([method({ key: "projects.constructor.prototype" })]), "EarthEngine");
    expect(text).toContain("readonly constructor: {");
    expect(text).toContain("async prototype(request, options) {");
  });

  it("keeps spec text inside doc comments", () => {
    const text = clientFile(
      project(),
      version([method({ description: "x */ globalThis.PWNED = 1; /*\r\ny" })], "T */ z"),
      "EarthEngine",
    );
    expect(text).toContain("       * x *\\/ globalThis.PWNED = 1; /*\n       * y\n");
    expect(text).toContain("/** T *\\/ z: the methods, nested as in Google's resource tree. */");
  });
});
