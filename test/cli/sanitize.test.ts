// terminalText, jsonText and redact: server text made safe for a terminal and for --json.
import { describe, expect, it } from "vitest";
import { jsonText, MIN_SECRET_LENGTH, redact, terminalText } from "../../generator/cli-app/sanitize.js";

const TOKEN = "ya29.secret-token";

describe("terminalText", () => {
  it.each([
    ["plain text", "Landsat 9 composite", "Landsat 9 composite"],
    ["C0 controls and ESC sequences", "evil\u001b[2Jname\nsecond\ttab", "evil [2Jname second tab"],
    ["DEL and C1 controls (CSI U+009B)", "a\u007fb\u009b2Jc\u0085d", "a b 2Jc d"],
    ["runs of controls are one space, ends trimmed", "\r\n  x\u0000\u0001\u0002y \n", "x y"],
    ["line and paragraph separators", "one\u2028two\u2029three", "one two three"],
    ["bidi embeddings and overrides (U+202A–202E)", "abc\u202Egpj.exe\u202C", "abcgpj.exe"],
    ["bidi isolates (U+2066–2069)", "\u2066x\u2067y\u2068z\u2069", "xyz"],
    ["LRM, RLM and ALM", "a\u200Eb\u200Fc\u061Cd", "abcd"],
    ["zero-width space, joiners, word joiner and BOM", "T\u200BA\u200CS\u200DK\u2060\uFEFF1", "TASK1"],
    ["mongolian vowel separator", "a\u180Eb", "ab"],
    ["other non-ASCII text is kept", "Überschwemmung 洪水 🌊", "Überschwemmung 洪水 🌊"],
  ])("%s", (_, given, want) => {
    expect(terminalText(given)).toBe(want);
  });

  it.each([
    ["the token as is", `invalid credentials: ${TOKEN}`, "invalid credentials: [redacted]"],
    ["the token twice", `${TOKEN}/${TOKEN}`, "[redacted]/[redacted]"],
    ["the token split by zero-width characters", `bad ${TOKEN.slice(0, 5)}\u200B${TOKEN.slice(5)}`, "bad [redacted]"],
    ["the token split by a bidi mark", `bad ${TOKEN.slice(0, 9)}\u202E${TOKEN.slice(9)}`, "bad [redacted]"],
  ])("redacts %s", (_, given, want) => {
    expect(terminalText(given, [TOKEN])).toBe(want);
  });
});

describe("jsonText", () => {
  it.each([
    ["C1 control", { m: "a\u009bb" }, '{\n  "m": "a\\u009bb"\n}'],
    ["DEL", { m: "a\u007fb" }, '{\n  "m": "a\\u007fb"\n}'],
    ["bidi override", { m: "\u202Eabc" }, '{\n  "m": "\\u202eabc"\n}'],
    ["line separators", ["\u2028", "\u2029"], '[\n  "\\u2028",\n  "\\u2029"\n]'],
    ["zero-width and BOM", "\u200B\uFEFF", '"\\u200b\\ufeff"'],
    ["C0 as JSON.stringify writes it", "\u001b\n", '"\\u001b\\n"'],
    ["plain non-ASCII text unchanged", "洪水 🌊 é", '"洪水 🌊 é"'],
  ])("escapes %s", (_, given, want) => {
    const text = jsonText(given);
    expect(text).toBe(want);
    expect(JSON.parse(text)).toEqual(given);
    expect(text).not.toMatch(/[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/);
  });

  it("redacts the token from string values and keys, at any depth", () => {
    const op = { error: { message: `token ${TOKEN} rejected`, details: [{ [TOKEN]: TOKEN }] } };
    const text = jsonText(op, [TOKEN]);
    expect(text).not.toContain(TOKEN);
    expect(JSON.parse(text)).toEqual({
      error: { message: "token [redacted] rejected", details: [{ "[redacted]": "[redacted]" }] },
    });
  });
});

describe("redact", () => {
  it.each([
    ["no secrets", "abc", [], "abc"],
    ["an empty secret is ignored", "abc", [""], "abc"],
    ["every occurrence", "xSECRET-1xSECRET-1", ["SECRET-1"], "x[redacted]x[redacted]"],
    ["a one-character token is no secret to hide", "name: projects/e", ["e"], "name: projects/e"],
    ["a token one character short of the minimum", "x abcdefg y", ["abcdefg"], "x abcdefg y"],
    ["a token of the minimum length", "x abcdefgh y", ["abcdefgh"], "x [redacted] y"],
    ["a short token beside a long one", "t ya29.long-token t", ["t", "ya29.long-token"], "t [redacted] t"],
  ])("%s", (_, text, secrets, want) => {
    expect(redact(text, secrets)).toBe(want);
  });

  it("the minimum is 8 characters", () => {
    expect(MIN_SECRET_LENGTH).toBe(8);
  });
});

describe("jsonText with the token", () => {
  const op = { name: "projects/earthengine-legacy/operations/T", metadata: { state: "RUNNING", "@type": "t" } };

  it.each(["e", "t", "name", '"', "\\", ":", "{"])(
    "leaves every key and value of an operation alone for the short token %j",
    (token) => {
      const text = jsonText(op, [token]);
      expect(text).toBe(JSON.stringify(op, null, 2));
    },
  );

  it.each([
    'ya29."quoted"-token',
    "ya29.back\\slash\\token",
    '", "injected": "value',
    "ya29.\\u0041-escape",
    "{}[],:ya29.punctuation",
  ])("is valid JSON with the long token %j redacted from values and keys", (token) => {
    const value = { [`k ${token}`]: `v ${token}`, list: [token, `${token}${token}`] };
    const text = jsonText(value, [token]);
    expect(text).not.toContain(token);
    expect(JSON.parse(text)).toEqual({ "k [redacted]": "v [redacted]", list: ["[redacted]", "[redacted][redacted]"] });
  });
});
