import { describe, expect, it } from "vitest";
import { discoveryPath, parseHttpTemplate, wildcardShape } from "../../generator/model/http-template.js";

describe("parseHttpTemplate", () => {
  const cases: { given: string; parts: unknown[]; verb?: string; shape: string; discovery: string }[] = [
    {
      given: "/v1/{name=projects/*/operations/**}:cancel",
      parts: [
        { kind: "literal", text: "v1" },
        { kind: "variable", field: "name", segments: ["projects", "*", "operations", "**"] },
      ],
      verb: "cancel",
      shape: "/v1/projects/{}/operations/{}:cancel",
      discovery: "v1/{+name}:cancel",
    },
    {
      given: "/v1/{name=projects/*}/operations",
      parts: [
        { kind: "literal", text: "v1" },
        { kind: "variable", field: "name", segments: ["projects", "*"] },
        { kind: "literal", text: "operations" },
      ],
      shape: "/v1/projects/{}/operations",
      discovery: "v1/{+name}/operations",
    },
    {
      given: "/v1/things/{id}",
      parts: [
        { kind: "literal", text: "v1" },
        { kind: "literal", text: "things" },
        { kind: "variable", field: "id", segments: ["*"] },
      ],
      shape: "/v1/things/{}",
      discovery: "v1/things/{id}",
    },
    {
      given: "/v1/{thing.name=projects/*/things/*}:poke",
      parts: [
        { kind: "literal", text: "v1" },
        { kind: "variable", field: "thing.name", segments: ["projects", "*", "things", "*"] },
      ],
      verb: "poke",
      shape: "/v1/projects/{}/things/{}:poke",
      discovery: "v1/{+thing.name}:poke",
    },
  ];
  it.each(cases)("$given", ({ given, parts, verb, shape, discovery }) => {
    const parsed = parseHttpTemplate(given);
    expect(parsed).toEqual({ parts, verb });
    expect(wildcardShape(parsed)).toBe(shape);
    expect(discoveryPath(parsed)).toBe(discovery);
  });

  const errors: { given: string; want: RegExp }[] = [
    { given: "v1/{name}", want: /does not start with \// },
    { given: "/v1/{name=projects/*", want: /not closed/ },
    { given: "/v1/{1name}", want: /is not a field path/ },
    { given: "/v1/*", want: /wildcard \* is outside a \{variable\}/ },
    { given: "/v1/{a=**}/{b}", want: /\*\* may only be the last segment/ },
    { given: "/v1/{a}/{a}", want: /variable a appears twice/ },
    { given: "/v1//x", want: /empty segment/ },
    { given: "/v1/{name=a b}", want: /is not \*, \*\* or a literal segment/ },
    { given: "/v1/x:can cel", want: /verb "can cel" is not a literal/ },
  ];
  it.each(errors)("refuses $given", ({ given, want }) => expect(() => parseHttpTemplate(given)).toThrow(want));
});
