// Sample values for the code examples of the README and of the generated doc comments, made from the
// model: names that fit a method's template, and calls that compile against the generated client. Spec text enters the examples only
// as string literals, property keys and member accesses (escape.ts).
import type { ApiModel, MethodModel, VersionModel } from "../model/api-model.js";
import { memberAccess, propertyKey, stringLiteral } from "./escape.js";

/**
 * A resource name that fits `pattern`: `projects/*\/operations/**` → `projects/my-project/operations/ABC123`
 * (`tail` stands for the `**`).
 */
export function sampleName(pattern: string, tail = "ABC123"): string {
  let n = 0;
  return pattern.replace(/\*\*|\*/g, (w) => (w === "**" ? tail : ++n === 1 ? "my-project" : `id${n}`));
}

/** `client` plus the method's place in the resource tree: `client.projects.operations.get`. */
export function memberPath(target: string, key: string): string {
  return target + key.split(".").map(memberAccess).join("");
}

/** `client.projects.operations.get({ name: "projects/my-project/operations/ABC123" })`. */
export function sampleCall(target: string, method: MethodModel, tail?: string): string {
  const args = method.variables.map((v) => `${propertyKey(v.field)}: ${stringLiteral(sampleName(v.pattern, tail))}`);
  if (method.body?.required) args.push("body: {}");
  return `${memberPath(target, method.key)}({ ${args.join(", ")} })`;
}

/** The version examples use: the last one the spec lists. */
export function latestVersion(api: ApiModel): VersionModel {
  return api.versions[api.versions.length - 1]!;
}

/** The method examples call: the operations resource's `get`, else the version's first method. */
export function exampleMethod(version: VersionModel): MethodModel {
  return version.methods.find((m) => version.lro && m.key === `${version.lro.resource}.get`) ?? version.methods[0]!;
}

/** A sample name for a method of the operations resource (`get` for an operation, `list` for a parent). */
export function lroSample(version: VersionModel, verb: "get" | "list"): string {
  const method = version.methods.find((m) => m.key === `${version.lro!.resource}.${verb}`);
  const pattern = method?.variables[0]?.pattern;
  return pattern === undefined ? "" : sampleName(pattern);
}
