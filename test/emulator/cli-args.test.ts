// The bin's argument parsing, as a table.

import { describe, expect, it } from "vitest";
import { parseCliArgs, parseRunFor } from "../../emulator/cli-args.js";

describe("parseRunFor", () => {
  it.each([
    ["500ms", 500],
    ["90s", 90_000],
    ["1.5m", 90_000],
    ["1h", 3_600_000],
    ["2d", 172_800_000],
    ["366d", 366 * 86_400_000],
    ["forever", Number.POSITIVE_INFINITY],
  ])("%s → %d ms", (given, want) => {
    expect(parseRunFor(given)).toBe(want);
  });
  it.each(["", "0s", "1", "h", "-1s", "1e3s", "367d", "1 h", "Infinity", "forever!"])("rejects %j", (given) => {
    expect(() => parseRunFor(given)).toThrow(/^--run-for needs a duration/);
  });
});

describe("parseCliArgs", () => {
  const defaults = {
    help: false,
    version: false,
    port: 8080,
    seed: 0,
    runForMs: undefined,
    project: "earthengine-legacy",
    auth: true,
    maxRecorded: 1000,
  };
  it.each([
    [[], {}],
    [["-h"], { help: true }],
    [["--version"], { version: true }],
    [["--port", "0", "--seed", "5", "--run-for", "1h"], { port: 0, seed: 5, runForMs: 3_600_000 }],
    [["--no-auth", "--max-recorded", "0", "--project", "my-proj"], { auth: false, maxRecorded: 0, project: "my-proj" }],
  ])("%j", (argv, want) => {
    expect(parseCliArgs(argv)).toEqual({ ...defaults, ...want });
  });
  it.each([
    [["--port", "65536"], /--port needs an integer from 0 to 65535/],
    [["--port", "-1"], /--port/],
    [["--seed", "1.5"], /--seed needs an integer/],
    [["--seed", "10001"], /--seed needs an integer from 0 to 10000/],
    [["--max-recorded", "x"], /--max-recorded/],
    [["--project", "a/b"], /--project needs one path segment a client accepts: it contains "\/"/],
    [["--project", ""], /--project needs one path segment a client accepts: it is empty/],
    [["--project", ".."], /it is "\.\." \(dot segments are not allowed\)/],
    [["--project", "p?q"], /it contains "\?"/],
    [["--project", "p\nq"], /it contains U\+000A, .*; got "p\\nq"/],
    [["--bogus"], /Unknown option '--bogus'/],
    [["extra"], /Unexpected argument 'extra'/],
  ])("rejects %j", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
