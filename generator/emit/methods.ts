import type { Project } from "ts-morph";
import type { VersionModel } from "../model/api-model.js";
import { header } from "./header.js";

/** `src/<version>/methods.ts`: HTTP binding and OAuth scopes of every method, keyed by method path. */
export function methodsFile(project: Project, version: VersionModel): string {
  const file = project.createSourceFile(`${version.version}/methods.ts`, "", { overwrite: true });
  // The type is written out rather than inferred from `as const`: TypeScript will not serialize an
  // inferred type that large for thousands of methods (TS7056).
  const entries = (field: (m: (typeof version.methods)[number]) => string, end: string, readonly = "") =>
    version.methods
      .map((method) => `  ${readonly}${JSON.stringify(method.key)}: {\n${field(method)}  }${end}`)
      .join("\n");
  const fields = (readonly: string, sep: string) => (method: (typeof version.methods)[number]) =>
    [
      `${readonly}id: ${JSON.stringify(method.id)}`,
      `${readonly}httpMethod: ${JSON.stringify(method.httpMethod)}`,
      `${readonly}path: ${JSON.stringify(method.path)}`,
      `${readonly}template: ${JSON.stringify(method.template)}`,
      `${readonly}scopes: ${readonly ? "readonly " : ""}[${method.scopes.map((s) => JSON.stringify(s)).join(", ")}]`,
    ]
      .map((line) => `    ${line}${sep}\n`)
      .join("");
  file.addStatements([
    `/** HTTP binding and OAuth scopes of every method of ${version.title}, keyed by method path. */`,
    `export type Methods = {\n${entries(fields("readonly ", ";"), ";", "readonly ")}\n};`,
    "",
    `/** HTTP binding and OAuth scopes of every method of ${version.title}, keyed by method path. */`,
    `export const methods: Methods = {\n${entries(fields("", ","), ",")}\n};`,
  ]);
  return header(version.specFile) + file.getFullText();
}
