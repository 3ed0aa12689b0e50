import type { ApiModel, MethodModel, VersionModel } from "../model/api-model.js";
import { stringLiteral } from "./escape.js";
import { header } from "./header.js";
import { jsdocText, pascal } from "./jsdoc.js";
import { sampleCall } from "./package-readme-samples.js";

// What the package root re-exports from the runtime: [module, values, types]. A new public runtime
// export is one word here.
type RuntimeExports = readonly [module: string, values: readonly string[], types: readonly string[]];
const CORE_EXPORTS: readonly RuntimeExports[] = [
  [
    "./runtime/errors.js",
    [
      "ApiError",
      "CANONICAL_CODES",
      "InvalidNameError",
      "NetworkError",
      "ProtocolError",
      "ResponseTooLargeError",
      "TimeoutError",
    ],
    ["CanonicalCode", "ClientError"],
  ],
  ["./runtime/operation-name.js", ["operationName", "taskId"], []],
  ["./runtime/state-filter.js", ["OPERATION_STATES", "stateFilter"], ["OperationState"]],
  ["./runtime/transport.js", [], ["AccessTokenProvider", "CallOptions", "RetryOptions"]],
];
// Only where some version implements google.longrunning.Operations.
const LRO_EXPORTS: readonly RuntimeExports[] = [
  [
    "./runtime/operation-helpers.js",
    [],
    [
      "BulkOptions",
      "CancelManyOptions",
      "CancelManyResult",
      "CancelOutcome",
      "GetManyResult",
      "ListOptions",
      "OperationHelpers",
      "WaitOptions",
    ],
  ],
  ["./runtime/operation-json.js", ["outcomeOf"], ["LroOperation", "NamedOperation", "Outcome"]],
];

/** `EarthEngine` + `v1beta` → `EarthEngineV1beta`: the version's method-tree interface (emit/client.ts). */
export const apiTypeName = (api: ApiModel, version: VersionModel) => `${api.package.client}${pascal(version.version)}`;
/** `EarthEngineV1betaClient`: what the version's `createClient` returns. */
export const clientTypeName = (api: ApiModel, version: VersionModel) => `${apiTypeName(api, version)}Client`;

/**
 * `src/<version>/index.ts`, the `<package>/<version>` entry point: the version's methods, types and a
 * `createClient` for that version alone, so that an app importing only it bundles only it.
 */
export function versionIndexFile(version: VersionModel, api: ApiModel): string {
  const Api = apiTypeName(api, version);
  const Client = clientTypeName(api, version);
  const create = `create${pascal(version.version)}`;
  const lro = version.lro;
  const transport = `createTransport(options, ${stringLiteral(api.baseUrl)})`;
  const lines = [
    ...(lro ? ['import { type OperationHelpers, operationHelpers } from "../runtime/operation-helpers.js";'] : []),
    ...(lro ? ['import { methods } from "./methods.js";'] : []),
    'import { createTransport, type TransportOptions } from "../runtime/transport.js";',
    `import { ${create}, type ${Api}${lro ? ", type Operation" : ""} } from "./client.js";`,
    "",
    'export * from "./client.js";',
    'export { methods } from "./methods.js";',
    'export type { components, paths } from "./types.js";',
    "",
    lro
      ? `/** The ${version.version} client with the helpers for \`${lro.resource}\`'s long-running operations (\`createClientWithHelpers\`). */`
      : `/** The ${version.version} client: its methods, nested as in Google's resource tree. */`,
    `export type ${Client} = ${Api}${lro ? " & OperationHelpers<Operation>" : ""};`,
    "",
    "/**",
    ` * Creates a client of ${version.version} alone${lro ? ": its methods only, so that an app bundles no helper it does not call (`createClientWithHelpers` adds them)" : ""}.`,
    ` * Options are checked here, before any request; the default \`baseUrl\` is ${api.baseUrl} (the spec's`,
    " * `servers[0].url`).",
    " *",
    " * @example",
    " * ```ts",
    ` * import { createClient } from "${api.package.name}/${version.version}";`,
    " * const client = createClient({ accessToken: async () => token });",
    ...exampleCall(version).map((line) => ` * ${line}`),
    " * ```",
    " */",
    `export function createClient(options: TransportOptions = {}): ${lro ? Api : Client} {`,
    `  const transport = ${transport};`,
    `  return ${create}(transport);`,
    "}",
    ...(lro
      ? [
          "",
          "/**",
          ` * Creates a client of ${version.version} alone with its methods and the helpers for long-running operations`,
          " * (waitForOperation, cancelAndWait, listOperations, cancelMany, getMany); the package root's `createClient` returns the same.",
          " */",
          `export function createClientWithHelpers(options: TransportOptions = {}): ${Client} {`,
          `  const transport = ${transport};`,
          `  const api = ${create}(transport);`,
          // HTTP batch (cancelMany, getMany) builds its own requests from the methods' metadata.
          `  const lro = { cancel: methods["${lro.resource}.cancel"], get: methods["${lro.resource}.get"] };`,
          `  return { ...api, ...operationHelpers(api.${lro.resource}, transport, lro) };`,
          "}",
        ]
      : []),
  ];
  return `${header(version.specFile)}${lines.join("\n")}\n`;
}

/** `src/index.ts`: `createClient` over every version (and its old name), plus the runtime's exports. */
export function rootIndexFile(api: ApiModel, source: string): string {
  const versions = api.versions;
  const anyLro = versions.some((v) => v.lro);
  const latest = versions[versions.length - 1]!;
  const clients = `${api.package.client}Clients`;
  const alias = `create${api.package.client}Client`;
  const exports = [...CORE_EXPORTS, ...(anyLro ? LRO_EXPORTS : [])].map(([module, values, types]) =>
    values.length === 0
      ? `export type { ${types.join(", ")} } from "${module}";`
      : `export { ${[...values, ...types.map((t) => `type ${t}`)].join(", ")} } from "${module}";`,
  );
  const lines = [
    'import type { TransportOptions } from "./runtime/transport.js";',
    ...versions.map(
      (v) =>
        `import { ${v.lro ? "createClientWithHelpers" : "createClient"} as create${pascal(v.version)}Client, type ${clientTypeName(api, v)} } from "./${v.version}/index.js";`,
    ),
    "",
    ...exports,
    "",
    "/** The API versions this package was generated for. */",
    `export type ApiVersion = ${versions.map((v) => stringLiteral(v.version)).join(" | ")};`,
    "",
    "/** The client of each version. */",
    `export interface ${clients} {`,
    ...versions.map((v) => `  ${v.version}: ${clientTypeName(api, v)};`),
    "}",
    "",
    "/** Options of `createClient`. */",
    "export interface ClientOptions<V extends ApiVersion = ApiVersion> extends TransportOptions {",
    `  /** The API version: ${versions.map((v) => `\`${v.version}\``).join(", ")}. */`,
    "  version: V;",
    "}",
    "",
    `const factories: { [V in ApiVersion]: (options: TransportOptions) => ${clients}[V] } = {`,
    ...versions.map((v) => `  ${v.version}: create${pascal(v.version)}Client,`),
    "};",
    "",
    "/**",
    ` * Creates a client of one API version. Options are checked here, before any request; the default`,
    ` * \`baseUrl\` is ${api.baseUrl}. For smaller bundles, \`${api.package.name}/<version>\` has a`,
    " * `createClient` of that version alone.",
    " *",
    " * @example",
    " * ```ts",
    ` * const client = createClient({ version: "${latest.version}", accessToken: async () => token });`,
    ...exampleCall(latest).map((line) => ` * ${line}`),
    " * ```",
    " */",
    `export function createClient<V extends ApiVersion>(options: ClientOptions<V>): ${clients}[V] {`,
    "  const version: unknown = options?.version;",
    '  if (typeof version !== "string" || !Object.hasOwn(factories, version)) {',
    `    throw new TypeError(\`version must be one of ${versions.map((v) => v.version).join(", ")}; got \${JSON.stringify(version)}\`);`,
    "  }",
    "  return factories[version as V](options);",
    "}",
    "",
    `/** \`createClient\` under the package's client name (\`client\` in the spec's x-ee-operations-package). */`,
    `export const ${alias}: typeof createClient = createClient;`,
  ];
  return `${header(source)}${lines.join("\n")}\n`;
}

/** A doc example calling the version's most typical method: the operations resource's cancel, else the first. */
function exampleCall(version: VersionModel): string[] {
  const method: MethodModel =
    version.methods.find((m) => version.lro && m.key === `${version.lro.resource}.cancel`) ?? version.methods[0]!;
  return jsdocText(`await ${sampleCall("client", method)};`, 1000).split("\n");
}
