// emit/markdown.ts: the README's markdown building blocks, in given/want tables.
import { describe, expect, it } from "vitest";
import { aligned, codeSpan, fence, section, table } from "../../generator/emit/markdown.js";

describe("codeSpan", () => {
  const cases: [string, string, string][] = [
    ["plain text", "GET /v1/{name=projects/*}", "`GET /v1/{name=projects/*}`"],
    ["a pipe, escaped for a table cell", "a|b", "`a\\|b`"],
    ["a backtick inside: a longer fence, padded", "x`y", "`` x`y ``"],
    ["a run of backticks", "a``b", "``` a``b ```"],
    ["a backtick at the edge", "`a", "`` `a ``"],
    ["line breaks flattened", "a\nb\u2028c\r\nd", "`a b c d`"],
  ];
  it.each(cases)("%s", (_, given, want) => expect(codeSpan(given)).toBe(want));
});

describe("table", () => {
  it("writes a header, a separator and the rows", () => {
    expect(table(["a", "b"], [["1", "2"]])).toBe("| a | b |\n| --- | --- |\n| 1 | 2 |");
  });
});

describe("fence, aligned, section", () => {
  const cases: [string, string, string][] = [
    ["fence", fence("ts", "a;\nb;"), "```ts\na;\nb;\n```"],
    [
      "aligned: comments in one column, none when empty",
      aligned([
        ["a", "x"],
        ["bbb", "y"],
        ["c", ""],
      ]).join("\n"),
      "a   // x\nbbb // y\nc",
    ],
    ["section: empty and false parts skipped", section("# t", false, "", undefined, "p"), "# t\n\np"],
  ];
  it.each(cases)("%s", (_, given, want) => expect(given).toBe(want));
});
