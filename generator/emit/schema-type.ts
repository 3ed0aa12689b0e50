import type { SchemaRef } from "../model/api-model.js";
import { stringLiteral } from "./escape.js";

/** The TypeScript type of a schema, in terms of openapi-typescript's `components` and `paths` (types.d.ts). */
export function schemaType(ref: SchemaRef): string {
  switch (ref.kind) {
    case "component":
      return `components["schemas"][${stringLiteral(ref.name)}]`;
    case "requestBody":
      return `NonNullable<paths[${stringLiteral(ref.path)}][${stringLiteral(ref.method)}]["requestBody"]>["content"]["application/json"]`;
    case "response":
      return `paths[${stringLiteral(ref.path)}][${stringLiteral(ref.method)}]["responses"][${ref.status}]["content"]["application/json"]`;
  }
}
