import { describe, expect, it } from "vitest";
import { terminalText } from "../../generator/terminal-text.js";

describe("terminalText", () => {
  const cases: [given: string, want: string][] = [
    ["plain text: ok (1/2) — ünïcode", "plain text: ok (1/2) — ünïcode"],
    ["\u001b[31mred\u001b[0m", "\\x1b[31mred\\x1b[0m"],
    ["\u001b]0;title\u0007", "\\x1b]0;title\\x07"],
    ["a\nb\r\tc\u0000", "a\\x0ab\\x0d\\x09c\\x00"],
    ["\u007f\u0085\u009b", "\\x7f\\x85\\x9b"],
    ["abc\u202edcba\u2066\u2069\u200f\u061c", "abc\\u202edcba\\u2066\\u2069\\u200f\\u061c"],
    ["line\u2028sep\u2029", "line\\u2028sep\\u2029"],
  ];
  for (const [given, want] of cases) {
    it(`${JSON.stringify(given)} → ${JSON.stringify(want)}`, () => expect(terminalText(given)).toBe(want));
  }
});
