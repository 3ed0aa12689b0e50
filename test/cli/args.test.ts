// The command line: durations, --status states, and what each argv parses to.
import { describe, expect, it } from "vitest";
import { parseCommandLine, parseDuration, parseStates, parseStateWords } from "../../generator/cli-app/args.js";

describe("parseDuration", () => {
  it.each([
    ["30s", 30_000],
    ["2m", 120_000],
    ["500ms", 500],
    ["45", 45_000],
    ["1.5", 1_500],
    ["1h", 3_600_000],
    ["1h30m", 5_400_000],
    ["2m30s", 150_000],
    ["1m500ms", 60_500],
    ["1h2m3s4ms", 3_723_004],
    ["1h0m", 3_600_000],
    ["0h30m", 1_800_000],
    ["1.5h30m", 7_200_000],
    ["1s.5ms", 1_001],
    [" 1h30m ", 5_400_000],
    ["596h31m23s", 2_147_483_000],
    ["596h31m23.647s", 2 ** 31 - 1],
  ])("%s is %i ms", (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(["", "s", "-1s", "1d", "2 m", "30sec", "1e3", "Infinity", "NaN"])("%j is refused", (text) => {
    expect(() => parseDuration(text)).toThrow(/--timeout must be a duration such as 30s, 2m, 1h30m, 500ms/);
  });

  it.each([
    ["units out of order", "30m1h"],
    ["a unit twice", "1m1m"],
    ["ms before s", "500ms1s"],
    ["a number without its unit after a part", "1h30"],
    ["a space between parts", "1h 30m"],
    ["a negative part", "1h-30m"],
    ["a unit without a number", "1hm"],
    ["a sign", "+1h"],
  ])("a compound with %s (%j) is refused", (_, text) => {
    expect(() => parseDuration(text)).toThrow(/--timeout must be a duration such as/);
  });

  it.each(["0", "0s", "0h0m", "0.0001s", "0h0m0s0ms"])("%j is refused as too short", (text) => {
    expect(() => parseDuration(text)).toThrow(/^--timeout must be a duration of at least 1ms, got '/);
  });

  it.each(["999999999s", "596h31m24s", "597h", "596h31m23.648s", `${"9".repeat(400)}h`])(
    "%j is refused as longer than a timer can wait",
    (text) => {
      expect(() => parseDuration(text)).toThrow(
        /^--timeout must be a duration of at most 596h31m23s \(the longest a timer can wait\), got '/,
      );
    },
  );

  it("names the command in the usage error", () => {
    expect(() => parseCommandLine(["wait", "X", "--timeout", "1h30"])).toThrow(
      expect.objectContaining({ command: "wait" }),
    );
    expect(parseCommandLine(["wait", "X", "--timeout", "1h30m"])).toMatchObject({
      invocation: { timeoutMs: 5_400_000 },
    });
  });
});

describe("parseStates", () => {
  it.each([
    ["RUNNING", ["RUNNING"]],
    ["RUNNING,PENDING", ["RUNNING", "PENDING"]],
    ["running, pending ,RUNNING", ["RUNNING", "PENDING"]],
    ["FAILED,CANCELLED,SUCCEEDED", ["FAILED", "CANCELLED", "SUCCEEDED"]],
  ])("%j → %j", (text, want) => expect(parseStates(text)).toEqual(want));

  it.each([
    ["RUNING", /'RUNING' is not a state \(.*PENDING, RUNNING.*\)$/],
    ["READY", /'READY' is not a state .*; did you mean PENDING\?$/],
    ["COMPLETED", /did you mean SUCCEEDED\?$/],
    ["RUNNING,", /'' is not a state/],
    ["", /'' is not a state/],
  ])("%j is refused", (text, error) => {
    expect(() => parseStates(text)).toThrow(error);
  });
});

describe("parseStateWords", () => {
  it.each([
    [["RUNNING"], ["RUNNING"]],
    [
      ["RUNNING", "PENDING"],
      ["RUNNING", "PENDING"],
    ],
    [
      ["running,pending", "FAILED"],
      ["RUNNING", "PENDING", "FAILED"],
    ],
    [
      ["RUNNING", "running", "PENDING,RUNNING"],
      ["RUNNING", "PENDING"],
    ],
  ])("%j → %j", (words, want) => expect(parseStateWords(words)).toEqual(want));

  it("refuses a word that is not a state, naming it", () => {
    expect(() => parseStateWords(["RUNNING", "PENDNG"])).toThrow(/--status: 'PENDNG' is not a state/);
  });
});

describe("parseCommandLine", () => {
  it.each([
    [["--help"], { kind: "help", command: undefined }],
    [["-h"], { kind: "help", command: undefined }],
    [["cancel", "--help"], { kind: "help", command: "cancel" }],
    [["list", "-h"], { kind: "help", command: "list" }],
    [["help", "wait"], { kind: "help", command: "wait" }],
    [["info", "--help"], { kind: "help", command: "get" }],
    [["help", "info"], { kind: "help", command: "get" }],
    [["--version"], { kind: "version" }],
  ])("%j → %j", (argv, want) => expect(parseCommandLine(argv)).toEqual(want));

  it.each([
    [["cancel", "all"], { command: "cancel", all: true, targets: [] }],
    [
      ["cancel", "A", "B", "--wait", "--timeout", "2m"],
      { command: "cancel", targets: ["A", "B"], wait: true, timeoutMs: 120_000 },
    ],
    [["wait", "all", "--timeout", "10s"], { command: "wait", all: true, targets: [], timeoutMs: 10_000 }],
    [["wait", "A", "B", "C"], { command: "wait", all: false, targets: ["A", "B", "C"] }],
    [["list", "-s", "RUNNING,PENDING", "-l"], { command: "list", states: ["RUNNING", "PENDING"], long: true }],
    [
      ["list", "--status", "failed", "--long", "--limit", "5"],
      { command: "list", states: ["FAILED"], long: true, limit: 5 },
    ],
    [["list", "--project", "my-project"], { command: "list", project: "my-project" }],
    [["get", "X", "--api-version", "v1alpha", "--json"], { command: "get", apiVersion: "v1alpha", json: true }],
    [["get", "X"], { project: undefined, apiVersion: "v1", json: false, long: false, all: false }],
    // earthengine's names and forms.
    [["info", "X"], { command: "get", targets: ["X"] }],
    [["get", "A", "B", "C"], { command: "get", targets: ["A", "B", "C"] }],
    [["info", "A", "B", "--json"], { command: "get", targets: ["A", "B"], json: true }],
    [["list", "-s", "RUNNING", "PENDING"], { command: "list", targets: [], states: ["RUNNING", "PENDING"] }],
    [["list", "--status", "running", "failed", "-l"], { states: ["RUNNING", "FAILED"], long: true }],
    [["list", "-s", "RUNNING", "-s", "PENDING"], { states: ["RUNNING", "PENDING"] }],
    [
      ["list", "-s", "RUNNING,FAILED", "-s", "PENDING", "SUCCEEDED"],
      { states: ["RUNNING", "FAILED", "PENDING", "SUCCEEDED"] },
    ],
    [["list", "--status=RUNNING", "PENDING"], { states: ["RUNNING", "PENDING"] }],
    [["-s", "RUNNING", "list"], { command: "list", states: ["RUNNING"] }],
  ])("%j", (argv, want) => {
    const line = parseCommandLine(argv);
    expect(line.kind).toBe("run");
    expect(line.kind === "run" && line.invocation).toMatchObject(want);
  });

  it.each([
    [["cancel", "all", "X"], /cancel all takes no other names/],
    [["get", "all"], /^get does not take 'all': 'list' shows every operation$/],
    [["info", "X", "all"], /^info does not take 'all'/],
    [["delete", "all"], /^delete does not take 'all': name each operation to delete$/],
    [["delete", "X", "all"], /^delete does not take 'all'/],
    [["list", "-s", "RUNNING", "PENDNG"], /^--status: 'PENDNG' is not a state/],
    [
      ["list", "-s", "RUNNING", "-l", "PENDING"],
      /^list takes no operation names, got 'PENDING' \(states go after -s\/--status\)$/,
    ],
    [["list", "stray"], /^list takes no operation names, got 'stray'/],
    [["frob"], /^unknown command 'frob' \(expected .*get, .*info\)$/],
    [["info"], /^info: missing operation name or task id$/],
    [["info", "X", "--long"], /^--long does not apply to info$/],
    [["list", "--status", "RUNNING", "--filter", "done = true"], /--status and --filter cannot be combined/],
    [["get", "X", "-s", "RUNNING"], /--status does not apply to get/],
    [["wait", "X", "--long"], /--long does not apply to wait/],
    [["cancel", "X", "--timeout", "1s"], /--timeout needs --wait/],
    [["help", "frob"], /help takes one command name/],
    [
      ["get", "X", "--endpoint", "http://user:s3cret@127.0.0.1:1"],
      /^--endpoint must be an http\(s\) URL without user info/,
    ],
    [["get", "X", "--endpoint", "ftp://x"], /--endpoint must be/],
  ])("%j is a usage error", (argv, error) => {
    expect(() => parseCommandLine(argv)).toThrow(error);
    try {
      parseCommandLine(argv);
    } catch (e) {
      expect((e as Error).name).toBe("UsageError");
      expect((e as Error).message).not.toContain("s3cret");
    }
  });
});
