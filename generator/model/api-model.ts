/** Everything the emitters need, as plain data. */
export interface ApiModel {
  /** The operationId prefix every method shares, e.g. `earthengine`. */
  readonly service: string;
  /** The default service root, `servers[0].url` (every version agrees on it). */
  readonly baseUrl: string;
  readonly package: PackageModel;
  readonly versions: readonly VersionModel[];
}

/** What the generated package calls itself: `info.x-ee-operations-package`, else defaults from the service. */
export interface PackageModel {
  /** npm package name, e.g. `ee-operations-client`. */
  readonly name: string;
  readonly description: string;
  /** The CLI's command name, e.g. `ee-operations`; there is a CLI only where some version has operations. */
  readonly bin: string;
  /** Prefix of generated type and function names, e.g. `EarthEngine` → `EarthEngineV1`, `createEarthEngineClient`. */
  readonly client: string;
}

export interface VersionModel {
  /** e.g. `v1beta`, from the file name. */
  readonly version: string;
  /** The spec file, relative to the working directory, named in generated headers. */
  readonly specFile: string;
  readonly title: string;
  /** The bundled OpenAPI document, for openapi-typescript. */
  readonly document: Record<string, unknown>;
  readonly methods: readonly MethodModel[];
  /** Where the version exposes google.longrunning.Operations (cancel, get, list, wait). */
  readonly lro: LroModel | undefined;
}

export interface LroModel {
  /** e.g. `projects.operations`. */
  readonly resource: string;
  /** TypeScript type of an Operation, as `get` returns it. */
  readonly operationType: string;
}

export interface MethodModel {
  /** The method's place in the resource tree, e.g. `projects.operations.cancel`. */
  readonly key: string;
  /** The operationId, e.g. `earthengine.projects.operations.cancel`. */
  readonly id: string;
  readonly httpMethod: HttpMethod;
  /** The OpenAPI (flat) path, e.g. `/v1/projects/{projectsId}/operations/{operationsId}:cancel`. */
  readonly openapiPath: string;
  /** Discovery-style path, e.g. `v1/{+name}:cancel`. */
  readonly path: string;
  /** The gRPC transcoding template, verbatim. */
  readonly template: string;
  readonly variables: readonly TemplateVariable[];
  readonly query: readonly QueryField[];
  readonly body: BodyModel | undefined;
  readonly response: ResponseModel;
  /** OAuth scopes, any one of which suffices, narrowest first as the spec lists them. */
  readonly scopes: readonly string[];
  readonly summary: string;
  readonly description: string;
}

export type HttpMethod = "GET" | "PUT" | "POST" | "DELETE" | "PATCH";

export interface TemplateVariable {
  readonly field: string;
  /** e.g. `projects/*\/operations/**`. */
  readonly pattern: string;
  readonly description: string;
  /** The OpenAPI path parameters its wildcards fill, in order. */
  readonly pathParams: readonly string[];
}

export interface QueryField {
  readonly name: string;
  readonly description: string;
  readonly required: boolean;
  /** TypeScript type of the value. */
  readonly type: string;
}

export interface BodyModel {
  readonly required: boolean;
  /** TypeScript type expression, in terms of the version's `components` and `paths`. */
  readonly type: string;
}

export interface ResponseModel {
  readonly type: string;
  /** google.protobuf.Empty: a 2xx without a body counts as `{}`. */
  readonly empty: boolean;
}
