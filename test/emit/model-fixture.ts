// Small models for the emitters' given/want tables. Built loosely (cast), so that fields other
// emitters add to the model do not break these fixtures.
import type { ApiModel, MethodModel, PackageModel, VersionModel } from "../../generator/model/api-model.js";

export function method(key: string, pattern = "projects/*/operations/**", field = "name"): MethodModel {
  return {
    key,
    id: `svc.${key}`,
    httpMethod: "POST",
    openapiPath: "/v1/x",
    path: "v1/x",
    template: `/v1/{${field}=${pattern}}`,
    variables: [{ field, pattern, description: "d", pathParams: ["a"] }],
    query: [],
    body: undefined,
    response: { schema: { kind: "component", name: "Op" }, empty: false },
    scopes: [],
    summary: "",
    description: "",
  } as unknown as MethodModel;
}

const OPS = ["cancel", "get", "list", "wait"].map((m) => method(`projects.operations.${m}`));

export function version(
  name: string,
  lro: boolean,
  methods: MethodModel[] = lro ? OPS : [method("projects.assets.get")],
) {
  return {
    version: name,
    specFile: `spec/${name}.yaml`,
    title: `T ${name}`,
    document: {},
    methods,
    lro: lro ? { resource: "projects.operations", operation: { kind: "component", name: "Op" } } : undefined,
  } as unknown as VersionModel;
}

export const EE_PACKAGE: PackageModel = {
  name: "ee-operations-client",
  description: "Typed client.",
  bin: "ee-operations",
  client: "EarthEngine",
};

export function api(versions: VersionModel[], pkg: Partial<PackageModel> = {}, baseUrl = "https://svc.googleapis.com") {
  return {
    service: "svc",
    baseUrl,
    package: { ...EE_PACKAGE, ...pkg },
    versions,
  } as ApiModel;
}
