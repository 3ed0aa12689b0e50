// How the CLI fails: usage errors (exit 2), API errors (exit 1), credentials, and never a stack trace
// or the token.
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { errorLine, InterruptedError, reportOf, UsageError } from "../../generator/cli-app/errors.js";
import { useEmulators } from "../emulator/harness.js";
import { clean, cli, packageAloneMain, ROOT, TOKEN } from "./run-cli.js";

const emulators = useEmulators();

describe("errorLine of reportOf", () => {
  it.each([
    ["Ctrl-C: a plain line, no gRPC status", new InterruptedError(), undefined, "interrupted", 130],
    [
      "Ctrl-C, of one operation",
      new InterruptedError(),
      "projects/p/operations/X",
      "projects/p/operations/X: interrupted",
      130,
    ],
    ["a usage error", new UsageError("bad"), undefined, "usage: bad", 2],
    ["any other error", new Error(`no ${TOKEN}`), undefined, "error: UNKNOWN: no [redacted]", 1],
  ])("%s", (_, error, name, line, exit) => {
    const report = reportOf(error);
    expect(report.exit).toBe(exit);
    expect(errorLine(report, [TOKEN], name)).toBe(line);
  });
});

describe("usage errors exit 2 with the usage, before any request", () => {
  it.each([
    ["an unknown command", ["frobnicate", "X"], /^usage: unknown command 'frobnicate'/],
    ["an unknown option", ["get", "X", "--frob"], /^usage: Unknown option '--frob'/],
    ["a missing name", ["wait"], /^usage: wait: missing operation name or task id/],
    ["no command at all", [], /^usage: missing command/],
    ["a bad --timeout", ["wait", "X", "--timeout", "soon"], /^usage: --timeout must be a duration .*'soon'/],
    ["a zero --timeout", ["wait", "X", "--timeout", "0s"], /^usage: --timeout must be a duration/],
    ["a bad --limit", ["list", "--limit", "-3"], /^usage: /],
    ["an option of another command", ["get", "X", "--wait"], /^usage: --wait does not apply to get/],
    [
      "a bad --api-version",
      ["get", "X", "--api-version", "v2"],
      /^usage: --api-version must be v1, v1beta, v1alpha; got 'v2'/,
    ],
    ["a missing option value", ["get", "X", "--project"], /^usage: Option '--project <value>' argument missing/],
  ])("%s", async (_, args, message) => {
    const emu = await emulators.start();
    const result = await cli(["--endpoint", emu.url, ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toMatch(/^Run 'ee-operations( [a-z]+)? --help' for /m);
    expect(result.stderr).not.toMatch(/INVALID_ARGUMENT/);
    expect(clean(result)).toBe(true);
    expect(emu.requests).toEqual([]);
  });

  it.each([
    ["cancel", ["GOOD", "bad/name"], "bad/name"],
    ["get", ["bad!"], "bad!"],
  ])(
    "%s: a name that is neither a task id nor projects/*/operations/** is refused in the CLI's words (exit 2), with the synopsis, and no request is made",
    async (command, targets, bad) => {
      const emu = await emulators.start();
      const result = await cli([command, ...targets, "--endpoint", emu.url]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      const [first, synopsis, hint] = result.stderr.split("\n");
      expect(first).toBe(
        `usage: "${bad}" is neither a task id nor an operation name (projects/<project>/operations/<id>)`,
      );
      // get is also `info` (earthengine's name): its synopsis says `get|info`.
      expect(synopsis).toMatch(new RegExp(`^ {2}ee-operations ${command}(\\|info)? <name\\|taskId>`));
      expect(hint).toBe(`Run 'ee-operations ${command} --help' for its options.`);
      // Nothing of the package's own wording (its parameter name, template) leaks.
      expect(result.stderr).not.toMatch(/taskIdOrName|Invalid|\{name=/);
      expect(emu.requests).toEqual([]);
    },
  );

  it("--help prints the commands, options and exit codes on stdout and exits 0", async () => {
    const result = await cli(["--help"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    for (const word of [
      "cancel <name|taskId>...",
      "--project",
      "--api-version",
      "--endpoint",
      "--json",
      "--timeout",
      "EE_ACCESS_TOKEN",
      "Exit codes",
    ]) {
      expect(result.stdout).toContain(word);
    }
    expect(result.stdout).toMatch(/^ {2}3 +An operation ended FAILED/m);
    expect(result.stdout).toMatch(/^ {2}4 +An operation ended CANCELLED/m);
    expect(result.stdout).toMatch(/^ {2}130 +Interrupted by Ctrl-C \(SIGINT\)\.$/m);
    expect(result.stdout).toMatch(/cancel --wait' also exits 0 when an operation finished SUCCEEDED/);
    expect((await cli(["help"])).stdout).toBe(result.stdout);
  });
});

describe("help for each command, and --version", () => {
  it.each([
    [
      "cancel",
      [
        "usage: ee-operations cancel <name|taskId>... | all",
        "--wait",
        "already <STATE>",
        "130",
        "{name, interrupted: true, operation?}",
      ],
    ],
    ["list", ["usage: ee-operations list", "-s, --status", "-l, --long", "EECU-seconds", "--limit"]],
    [
      "wait",
      [
        "usage: ee-operations wait <name|taskId>... | all",
        "--timeout",
        "Ctrl-C",
        "{name, interrupted: true, operation?}",
      ],
    ],
    ["get", ["usage: ee-operations get|info <name|taskId>...", "earthengine task info"]],
    ["delete", ["usage: ee-operations delete <name|taskId>..."]],
  ])("ee-operations %s --help (and -h, and help %s) prints that command's help, exit 0", async (command, words) => {
    const result = await cli([command, "--help"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    for (const word of [...words, "--project", "Exit codes"]) expect(result.stdout).toContain(word);
    expect(result.stdout.startsWith(`usage: ee-operations ${command}`)).toBe(true);
    expect((await cli([command, "-h"])).stdout).toBe(result.stdout);
    expect((await cli(["help", command])).stdout).toBe(result.stdout);
  });

  it("--version prints the package's name and version from its package.json", async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, "generated/package.json"), "utf8"));
    const result = await cli(["--version"]);
    expect(result).toEqual({ code: 0, stdout: `ee-operations-client ${version}\n`, stderr: "" });
  });
});

describe("API errors exit 1 with one line on stderr", () => {
  it("an unknown name gives `error: NOT_FOUND: …`, no stack trace, no token", async () => {
    const emu = await emulators.start({ auth: { token: TOKEN } }); // only this token is accepted
    const result = await cli(["get", "NOSUCHTASK", "--endpoint", emu.url]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "error: NOT_FOUND: Operation projects/earthengine-legacy/operations/NOSUCHTASK not found.\n",
    );
    expect(emu.requests[0]!.headers.authorization).toBe("Bearer <redacted>");
    expect(clean(result)).toBe(true);
  });

  it("the token is never printed, even when the server quotes it back", async () => {
    const emu = await emulators.start({ auth: { token: TOKEN } }); // only this token is accepted
    emu.fault({
      method: "get",
      status: 401,
      body: JSON.stringify({
        error: { code: 401, status: "UNAUTHENTICATED", message: `Request had invalid credentials: ${TOKEN}` },
      }),
    });
    const result = await cli(["get", "ANYTASK", "--endpoint", emu.url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe("error: UNAUTHENTICATED: Request had invalid credentials: [redacted]\n");
    expect(emu.requests[0]!.headers.authorization).toBe("Bearer <redacted>");
    expect(clean(result)).toBe(true);
  });

  it("an unreachable endpoint is UNAVAILABLE, exit 1", async () => {
    const emu = await emulators.start();
    const url = emu.url;
    await emu.close();
    const result = await cli(["get", "ANYTASK", "--endpoint", url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: UNAVAILABLE: .*ECONNREFUSED/);
    expect(clean(result)).toBe(true);
  }, 20_000);

  it("a token that cannot be a header value is refused without quoting it", async () => {
    const emu = await emulators.start();
    const token = "secret part two";
    const result = await cli(["get", "ANYTASK", "--endpoint", emu.url], { token });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: UNAUTHENTICATED: EE_ACCESS_TOKEN is not a valid access token/);
    expect(clean(result, token)).toBe(true);
    expect(emu.requests).toEqual([]);
  });
});

describe("without EE_ACCESS_TOKEN: Application Default Credentials", () => {
  it("an unusable GOOGLE_APPLICATION_CREDENTIALS gives UNAUTHENTICATED, exit 1, and no request", async () => {
    const emu = await emulators.start();
    const result = await cli(["get", "ANYTASK", "--endpoint", emu.url], {
      token: undefined,
      env: { GOOGLE_APPLICATION_CREDENTIALS: join(tmpdir(), "ee-cli-no-such-key.json") },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: UNAUTHENTICATED: no access token from Application Default Credentials \(set EE_ACCESS_TOKEN, or run 'gcloud auth application-default login'\): .*ee-cli-no-such-key\.json/,
    );
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(clean(result)).toBe(true);
    expect(emu.requests).toEqual([]);
  });

  it("says clearly when google-auth-library is not installed (the package alone, without it)", async () => {
    const main = packageAloneMain();
    const emu = await emulators.start();
    const { name } = emu.seed({ id: "WITHTOKEN" });
    const result = await cli(["get", "ANYTASK", "--endpoint", emu.url], { token: undefined, main });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe(
      "error: UNAUTHENTICATED: EE_ACCESS_TOKEN is not set, and Application Default Credentials need google-auth-library, " +
        "which is not installed: set EE_ACCESS_TOKEN, or run 'npm install google-auth-library'\n",
    );
    expect(emu.requests).toEqual([]);

    // The core needs no google-auth-library: with a token, the same copy works.
    const withToken = await cli(["get", "WITHTOKEN", "--endpoint", emu.url, "--json"], { main });
    expect(withToken.code).toBe(0);
    expect(JSON.parse(withToken.stdout).name).toBe(name);
  });
});
