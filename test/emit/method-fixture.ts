// A small model for emitter tests: one method, one version.
import { IndentationText, Project, QuoteKind } from "ts-morph";
import type { MethodModel, VersionModel } from "../../generator/model/api-model.js";
import { parseHttpTemplate } from "../../generator/model/http-template.js";

export const project = () =>
  new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: { indentationText: IndentationText.TwoSpaces, quoteKind: QuoteKind.Double },
  });

export function method(overrides: Partial<MethodModel> = {}): MethodModel {
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

export function version(methods: MethodModel[], title = "Things (v1)"): VersionModel {
  return { version: "v1", specFile: "spec/v1.yaml", title, document: {}, methods, lro: undefined };
}
