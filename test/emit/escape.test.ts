/* biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${…}` payloads must stay plain text. */
import { describe, expect, it } from "vitest";
import {
  docSafeDocument,
  docText,
  identifier,
  memberAccess,
  objectKey,
  propertyKey,
  stringLiteral,
} from "../../generator/emit/escape.js";

describe("docText", () => {
  const cases: { given: string; want: string }[] = [
    { given: "plain text", want: "plain text" },
    { given: "x */ globalThis.PWNED = 1; /* y", want: "x *\\/ globalThis.PWNED = 1; /* y" },
    { given: "a **/ b", want: "a **\\/ b" },
    { given: "a\r\nb\rc\u2028d\u2029e\u0085f", want: "a\nb\nc\nd\ne\nf" },
    { given: "nul\u0000 del\u007f c1\u009b bell\u0007", want: "nul del c1 bell" },
    { given: "tab\there", want: "tab here" },
    { given: "\u001b[31mred\u001b[0m", want: "red" },
    { given: "\u001b]0;title\u0007after", want: "after" },
    { given: "\u001b]8;;http://x\u001b\\link", want: "link" },
    { given: "lone \u001bX esc \u001b", want: "lone  esc " },
    { given: "` ${x} </script> \" '", want: "` ${x} </script> \" '" },
  ];
  it.each(cases)("$given", ({ given, want }) => expect(docText(given)).toBe(want));
});

describe("stringLiteral", () => {
  const cases: { given: string; want: string }[] = [
    { given: "abc", want: '"abc"' },
    { given: 'a"b\\c', want: '"a\\"b\\\\c"' },
    { given: "a\nb\r\u0000", want: '"a\\nb\\r\\u0000"' },
    { given: "\u2028\u2029", want: '"\\u2028\\u2029"' },
    { given: "`${x}`", want: '"`${x}`"' },
    { given: "\ud800", want: '"\\ud800"' },
  ];
  it.each(cases)("$given", ({ given, want }) => {
    expect(stringLiteral(given)).toBe(want);
    expect(JSON.parse(stringLiteral(given))).toBe(given); // the literal means exactly the text
  });
});

describe("property keys and member access", () => {
  const cases: { given: string; key: string; objectKey: string; access: string }[] = [
    { given: "name", key: "name", objectKey: "name", access: ".name" },
    { given: "delete", key: "delete", objectKey: "delete", access: ".delete" },
    { given: "dry-run", key: '"dry-run"', objectKey: '"dry-run"', access: '["dry-run"]' },
    { given: "a.b", key: '"a.b"', objectKey: '"a.b"', access: '["a.b"]' },
    { given: 'a"b', key: '"a\\"b"', objectKey: '"a\\"b"', access: '["a\\"b"]' },
    { given: "__proto__", key: '"__proto__"', objectKey: '["__proto__"]', access: ".__proto__" },
    { given: "constructor", key: "constructor", objectKey: "constructor", access: ".constructor" },
    { given: "1st", key: '"1st"', objectKey: '"1st"', access: '["1st"]' },
    { given: "", key: '""', objectKey: '""', access: '[""]' },
  ];
  it.each(cases)("$given", ({ given, key, objectKey: object, access }) => {
    expect(propertyKey(given)).toBe(key);
    expect(objectKey(given)).toBe(object);
    expect(memberAccess(given)).toBe(access);
  });
  it("an object literal with objectKey keeps __proto__ as an own property", () => {
    const object = new Function(`return { ${objectKey("__proto__")}: 1 };`)();
    expect(Object.hasOwn(object, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
  });
});

describe("identifier", () => {
  const cases: { given: string; want: string }[] = [
    { given: "ProjectsOperationsCancel", want: "ProjectsOperationsCancel" },
    { given: "dry-run", want: "dry_run" },
    { given: "9lives", want: "_9lives" },
    { given: "delete", want: "_delete" },
    { given: "await", want: "_await" },
    { given: "", want: "_" },
    { given: "a b*/c", want: "a_b__c" },
  ];
  it.each(cases)("$given", ({ given, want }) => expect(identifier(given)).toBe(want));
});

describe("docSafeDocument", () => {
  it("cleans title, summary and description strings only, keeping names and enum values", () => {
    const given = {
      info: { title: "T\u2028x", description: "d\u001b[1m" },
      properties: {
        "a\u2028b": { type: "string", enum: ["e\u2028"], description: "p\r\n" },
        description: { type: "string" },
      },
    };
    expect(docSafeDocument(given)).toEqual({
      info: { title: "T\nx", description: "d" },
      properties: {
        "a\u2028b": { type: "string", enum: ["e\u2028"], description: "p\n" },
        description: { type: "string" },
      },
    });
  });
  it("keeps a __proto__ key as data", () => {
    const given = JSON.parse('{"properties":{"__proto__":{"type":"string"}}}');
    const copy = docSafeDocument(given) as { properties: object };
    expect(Object.hasOwn(copy.properties, "__proto__")).toBe(true);
    expect(Object.getPrototypeOf(copy.properties)).toBe(Object.prototype);
  });
});
