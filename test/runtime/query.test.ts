import { describe, expect, it } from "vitest";
import { type QueryBinding, queryString } from "../../generator/runtime/query.js";

const METHOD: QueryBinding = {
  id: "x.things.list",
  query: [
    ["filter", "string", false],
    ["pageSize", "integer", false],
    ["ratio", "number", false],
    ["dry-run", "boolean", false],
    ["tags", "string[]", false],
    ["ids", "integer[]", false],
    ["__proto__", "string", false],
    ["constructor", "string", false],
  ],
};
const REQUIRED: QueryBinding = { id: "x.things.get", query: [["view", "string", true]] };

describe("queryString", () => {
  const cases: { given: Record<string, unknown>; want: string }[] = [
    { given: {}, want: "" },
    { given: { name: "not a query parameter" }, want: "" },
    { given: { filter: 'metadata.state = "RUNNING"' }, want: "filter=metadata.state%20%3D%20%22RUNNING%22" },
    { given: { pageSize: 50, filter: "a" }, want: "filter=a&pageSize=50" },
    { given: { ratio: 0.5, "dry-run": false }, want: "ratio=0.5&dry-run=false" },
    { given: { tags: ["a", "b&c"], ids: [1, 2] }, want: "tags=a&tags=b%26c&ids=1&ids=2" },
    { given: { tags: [] }, want: "" },
    { given: { filter: undefined, pageSize: null }, want: "" },
    { given: JSON.parse('{"__proto__": "p", "constructor": "c"}'), want: "__proto__=p&constructor=c" },
    { given: { filter: "é&=?#" }, want: "filter=%C3%A9%26%3D%3F%23" },
  ];
  it.each(cases)("$given", ({ given, want }) => expect(queryString(METHOD, given)).toBe(want));

  it("encodes keys", () => {
    expect(queryString({ id: "x", query: [['a"b c&d', "string", false]] }, { 'a"b c&d': "v" })).toBe("a%22b%20c%26d=v");
  });

  const refused: { given: Record<string, unknown>; want: RegExp }[] = [
    { given: { filter: 1 }, want: /"filter" must be a string, got number/ },
    { given: { filter: { toString: () => "x" } }, want: /"filter" must be a string, got object/ },
    { given: { pageSize: "50" }, want: /"pageSize" must be an integer, got string/ },
    { given: { pageSize: 1.5 }, want: /"pageSize" must be an integer, got number \(1\.5\)/ },
    { given: { pageSize: 2 ** 60 }, want: /"pageSize" must be an integer/ },
    { given: { ratio: Number.POSITIVE_INFINITY }, want: /"ratio" must be a number/ },
    { given: { "dry-run": "true" }, want: /"dry-run" must be a boolean, got string/ },
    { given: { tags: "a" }, want: /"tags" must be an array of strings, got string/ },
    { given: { tags: ["a", 1] }, want: /"tags" must be an array of strings, got number/ },
    { given: { filter: ["a"] }, want: /"filter" must be a string, got an array/ },
    { given: { filter: "\ud800" }, want: /unpaired UTF-16 surrogate/ },
  ];
  it.each(refused)("refuses $given", ({ given, want }) => {
    expect(() => queryString(METHOD, given)).toThrow(TypeError);
    expect(() => queryString(METHOD, given)).toThrow(want);
  });

  it("refuses a missing required parameter and reads only own properties", () => {
    expect(() => queryString(REQUIRED, {})).toThrow(/query parameter "view" is required/);
    expect(() => queryString(REQUIRED, Object.create({ view: "inherited" }))).toThrow(/is required/);
    expect(queryString(REQUIRED, { view: "FULL" })).toBe("view=FULL");
  });
});
