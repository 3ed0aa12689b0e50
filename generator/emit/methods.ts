import type { Project } from "ts-morph";
import type { MethodModel, VersionModel } from "../model/api-model.js";
import type { TemplatePart } from "../model/http-template.js";
import { inlineDocText, stringLiteral } from "./escape.js";
import { header } from "./header.js";

/**
 * `src/<version>/methods.ts`: HTTP binding, OAuth scopes, retry safety, the parsed template and the query
 * parameters' kinds of every method, keyed by method path. The runtime reads all of it as data.
 */
export function methodsFile(project: Project, version: VersionModel): string {
  const file = project.createSourceFile(`${version.version}/methods.ts`, "", { overwrite: true });
  // The type is written out rather than inferred from `as const`: TypeScript will not serialize an
  // inferred type that large for thousands of methods (TS7056).
  const entries = (field: (m: MethodModel) => string, end: string, readonly = "") =>
    version.methods
      .map((method) => `  ${readonly}${stringLiteral(method.key)}: {\n${field(method)}  }${end}`)
      .join("\n");
  const fields = (readonly: string, sep: string) => (method: MethodModel) =>
    [
      `${readonly}id: ${stringLiteral(method.id)}`,
      `${readonly}httpMethod: ${stringLiteral(method.httpMethod)}`,
      `${readonly}path: ${stringLiteral(method.path)}`,
      `${readonly}template: ${stringLiteral(method.template)}`,
      `${readonly}scopes: ${readonly ? "readonly " : ""}[${method.scopes.map(stringLiteral).join(", ")}]`,
      `${readonly}idempotent: ${readonly ? "boolean" : method.idempotent}`,
      `${readonly}parsedTemplate: ${readonly ? "ParsedTemplate" : parsedTemplate(method)}`,
      `${readonly}query: ${readonly ? "QueryFields" : queryFields(method)}`,
    ]
      .map((line) => `    ${line}${sep}\n`)
      .join("");
  const title = inlineDocText(version.title);
  const doc = `/** HTTP binding and OAuth scopes of every method of ${title}, keyed by method path. */`;
  file.addStatements([
    'import type { QueryFields } from "../runtime/query.js";',
    'import type { ParsedTemplate } from "../runtime/resource-name.js";',
    "",
    doc,
    `export type Methods = {\n${entries(fields("readonly ", ";"), ";", "readonly ")}\n};`,
    "",
    doc,
    `export const methods: Methods = {\n${entries(fields("", ","), ",")}\n};`,
  ]);
  return header(version.specFile) + file.getFullText();
}

// Literals as strings, variables as [field, segments] (runtime/resource-name.ts): the table is in every app.
function parsedTemplate(method: MethodModel): string {
  const part = (p: TemplatePart) =>
    p.kind === "literal"
      ? stringLiteral(p.text)
      : `[${stringLiteral(p.field)}, [${p.segments.map(stringLiteral).join(", ")}]]`;
  const { parts, verb } = method.parsedTemplate;
  return `{ parts: [${parts.map(part).join(", ")}], verb: ${verb === undefined ? "null" : stringLiteral(verb)} }`;
}

// Pairs rather than an object: a wire name may be `__proto__` or anything else.
function queryFields(method: MethodModel): string {
  return `[${method.query.map((q) => `[${stringLiteral(q.name)}, ${stringLiteral(q.kind)}, ${q.required}]`).join(", ")}]`;
}
