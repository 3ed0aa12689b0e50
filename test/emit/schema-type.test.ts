import { describe, expect, it } from "vitest";
import { schemaType } from "../../generator/emit/schema-type.js";
import type { SchemaRef } from "../../generator/model/api-model.js";

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
