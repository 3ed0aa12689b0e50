import { type Project, VariableDeclarationKind } from "ts-morph";
import type { ApiModel, VersionModel } from "../model/api-model.js";
import { header } from "./header.js";
import { pascal } from "./jsdoc.js";

// What the package root re-exports from the runtime: [module, values, types]. A new public runtime
// export is one word here.
type RuntimeExports = readonly [module: string, values: readonly string[], types: readonly string[]];
const CORE_EXPORTS: readonly RuntimeExports[] = [
  [
    "./runtime/errors.js",
    ["ApiError", "InvalidNameError", "NetworkError", "ProtocolError", "ResponseTooLargeError", "TimeoutError"],
    ["ClientError"],
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
    ["CancelManyOptions", "CancelManyResult", "CancelOutcome", "ListOptions", "OperationHelpers", "WaitOptions"],
  ],
  ["./runtime/operation-json.js", ["outcomeOf"], ["LroOperation", "NamedOperation", "Outcome"]],
];

/** `src/<version>/index.ts`: the `ee-operations-client/<version>` entry point. */
export function versionIndexFile(project: Project, version: VersionModel): string {
  const file = project.createSourceFile(`${version.version}/index.ts`, "", { overwrite: true });
  file.addExportDeclarations([
    { moduleSpecifier: "./client.js" },
    { namedExports: ["methods"], moduleSpecifier: "./methods.js" },
    { isTypeOnly: true, namedExports: ["components", "paths"], moduleSpecifier: "./types.js" },
  ]);
  return header(version.specFile) + file.getFullText();
}

/** `src/index.ts`: `createEarthEngineClient` over every version, and the error types. */
export function rootIndexFile(project: Project, api: ApiModel, source: string): string {
  const file = project.createSourceFile("index.ts", "", { overwrite: true });
  const versions = api.versions.map((v) => ({ id: v.version, name: pascal(v.version), lro: v.lro }));
  const anyLro = versions.some((v) => v.lro);
  const union = versions.map((v) => JSON.stringify(v.id)).join(" | ");
  file.addImportDeclarations([
    ...versions.map((v) => ({
      namedImports: [
        `create${v.name}`,
        { name: `EarthEngine${v.name}`, isTypeOnly: true },
        ...(v.lro ? [{ name: "Operation", alias: `${v.name}Operation`, isTypeOnly: true }] : []),
      ],
      moduleSpecifier: `./${v.id}/client.js`,
    })),
    ...(anyLro
      ? [
          {
            namedImports: ["operationHelpers", { name: "OperationHelpers", isTypeOnly: true }],
            moduleSpecifier: "./runtime/operation-helpers.js",
          },
        ]
      : []),
    {
      namedImports: ["createTransport", { name: "TransportOptions", isTypeOnly: true }],
      moduleSpecifier: "./runtime/transport.js",
    },
  ]);
  file.addExportDeclarations(
    [...CORE_EXPORTS, ...(anyLro ? LRO_EXPORTS : [])].map(([moduleSpecifier, values, types]) =>
      values.length === 0
        ? { moduleSpecifier, isTypeOnly: true, namedExports: [...types] }
        : { moduleSpecifier, namedExports: [...values, ...types.map((name) => ({ name, isTypeOnly: true }))] },
    ),
  );
  file.addTypeAlias({
    name: "ApiVersion",
    isExported: true,
    type: union,
    docs: ["The API versions this package was generated for."],
  });
  file.addInterface({
    name: "EarthEngineClients",
    isExported: true,
    docs: ["The client of each version."],
    properties: versions.map((v) => ({
      name: v.id,
      type: v.lro ? `EarthEngine${v.name} & OperationHelpers<${v.name}Operation>` : `EarthEngine${v.name}`,
    })),
  });
  file.addInterface({
    name: "ClientOptions",
    isExported: true,
    typeParameters: [{ name: "V", constraint: "ApiVersion", default: "ApiVersion" }],
    extends: ["TransportOptions"],
    docs: ["Options of `createEarthEngineClient`."],
    properties: [
      { name: "version", type: "V", docs: [`The API version: ${versions.map((v) => `\`${v.id}\``).join(", ")}.`] },
    ],
  });
  file.addVariableStatement({
    declarationKind: VariableDeclarationKind.Const,
    declarations: [
      {
        name: "factories",
        type: "{ [V in ApiVersion]: (transport: ReturnType<typeof createTransport>) => EarthEngineClients[V] }",
        initializer: (writer) =>
          writer.inlineBlock(() => {
            for (const v of versions) {
              if (!v.lro) {
                writer.writeLine(`${v.id}: create${v.name},`);
                continue;
              }
              writer.write(`${v.id}: (transport) => `).inlineBlock(() => {
                writer.writeLine(`const api = create${v.name}(transport);`);
                writer.writeLine(`return { ...api, ...operationHelpers(api.${v.lro!.resource}) };`);
              });
              writer.write(",").newLine();
            }
          }),
      },
    ],
  });
  file.addFunction({
    name: "createEarthEngineClient",
    isExported: true,
    docs: [
      [
        "Creates a client of one Earth Engine API version. Options are checked here, before any request.",
        "",
        "@example",
        "```ts",
        `const ee = createEarthEngineClient({ version: "${versions[versions.length - 1]!.id}", accessToken: async () => token });`,
        'await ee.projects.operations.cancel({ name: "projects/my-project/operations/ABC123" });',
        "```",
      ].join("\n"),
    ],
    typeParameters: [{ name: "V", constraint: "ApiVersion" }],
    parameters: [{ name: "options", type: "ClientOptions<V>" }],
    returnType: "EarthEngineClients[V]",
    statements: [
      "const version: unknown = options?.version;",
      'if (typeof version !== "string" || !Object.hasOwn(factories, version)) {',
      `  throw new TypeError(\`version must be one of ${versions.map((v) => v.id).join(", ")}; got \${JSON.stringify(version)}\`);`,
      "}",
      "return factories[version as V](createTransport(options));",
    ],
  });
  file.formatText({ indentSize: 2, convertTabsToSpaces: true });
  return header(source) + file.getFullText();
}
