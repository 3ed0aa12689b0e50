import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { checkYaml } from "../../generator/load/yaml-checks.js";
import { parseYaml } from "../../generator/load/yaml-file.js";

const check = (text: string, maxBytes?: number) => checkYaml(parseDocument(text, { uniqueKeys: false }), maxBytes);

describe("checkYaml", () => {
  const cases: { given: string; maxBytes?: number; want: RegExp | undefined }[] = [
    { given: "a: 1\nb: 2\n", want: undefined },
    { given: "a: 1\nb: 2\na: 3\n", want: /^duplicate key "a" in this mapping$/ },
    { given: "outer:\n  x: 1\n  x: 2\n", want: /^duplicate key "x"/ },
    { given: "a: {x: 1}\nb: {x: 1}\n", want: undefined }, // same key in two mappings is fine
    { given: "1: a\n'1': b\n", want: /^duplicate key "1"/ }, // the same property once built
    { given: "a: &x [1, 2, 3]\nb: *x\nc: *x\n", want: undefined },
    {
      given: `a: &x [${"1, ".repeat(100)}1]\nb: [*x, *x, *x, *x]\n`,
      maxBytes: 1000,
      want: /expand the file past 1000 bytes/,
    },
    {
      given: "a: &x [1]\nb: &y [*x, *x]\nc: &z [*y, *y]\nd: [*z, *z]\n",
      maxBytes: 40,
      want: /expand the file past 40 bytes/,
    },
    { given: `${"[".repeat(300)}${"]".repeat(300)}\n`, want: /nests deeper than 256 levels/ },
  ];
  for (const { given, maxBytes, want } of cases) {
    it(`${JSON.stringify(given.slice(0, 40))} → ${want ?? "no problem"}`, () => {
      const found = check(given, maxBytes);
      if (want === undefined) expect(found).toBeUndefined();
      else expect(found?.problem).toMatch(want);
    });
  }

  it("finds a duplicate among 80 000 keys, at the second occurrence", () => {
    const keys = Array.from({ length: 80_000 }, (_, i) => `k${i}: ${i}`);
    keys.push("k40000: again");
    const text = `${keys.join("\n")}\n`;
    const found = check(text);
    expect(found?.problem).toBe('duplicate key "k40000" in this mapping');
    expect(text.slice(found!.offset)).toMatch(/^k40000: again/);
  });

  it("locates errors through parseYaml (file:line:col)", () => {
    expect(() => parseYaml("x.yaml", "a: 1\nb: 2\na: 3\n")).toThrow(
      /^x\.yaml:3:1: duplicate key "a" in this mapping; expected each key once per mapping$/,
    );
    const bomb = `a: &a [${"x, ".repeat(1000)}x]\n${Array.from({ length: 12 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`).join("\n")}\n`;
    expect(() => parseYaml("bomb.yaml", bomb)).toThrow(
      /^bomb\.yaml:\d+:\d+: YAML aliases here expand the file past \d+ bytes/,
    );
  });
});
