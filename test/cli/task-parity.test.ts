// `earthengine task` forms an auditor tripped on: `info` (several names, one batch), `list -s RUNNING
// PENDING` (space-separated, repeated -s), and `delete all` (refused, never sent as a task id).
import { describe, expect, it } from "vitest";
import { useEmulators } from "../emulator/harness.js";
import { clean, cli } from "./run-cli.js";

const emulators = useEmulators();
const calls = (emu: { requests: { method: string; url: string }[] }) =>
  emu.requests.map((r) => `${r.method} ${r.url.split("?")[0]}`);

describe("get / info of several names", () => {
  async function seeded() {
    const emu = await emulators.start();
    const done = emu.seed({ id: "DONE1", description: "first", runMs: 10 }).name;
    const failed = emu.seed({ id: "FAIL1", description: "second", runMs: 10, outcome: "FAILED" }).name;
    emu.advance(20);
    emu.clearRequests();
    return { emu, done, failed };
  }

  it("info is get under earthengine's name: the same output for one name", async () => {
    const { emu } = await seeded();
    const viaGet = await cli(["get", "DONE1", "--endpoint", emu.url]);
    const viaInfo = await cli(["info", "DONE1", "--endpoint", emu.url]);
    expect(viaInfo).toEqual(viaGet);
    expect(viaInfo.code).toBe(0);
    expect(viaInfo.stdout).toMatch(/^state: +SUCCEEDED$/m);
    const help = await cli(["--help"]);
    expect(help.stdout).toMatch(/^ {2}ee-operations get\|info <name\|taskId>\.\.\.$/m);
  });

  it("prints each operation in the order given, a blank line between, read with one batch request", async () => {
    const { emu, done, failed } = await seeded();
    const result = await cli(["info", "FAIL1", "DONE1", "--endpoint", emu.url]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const blocks = result.stdout.split("\n\n");
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatch(new RegExp(`^name: +${failed}\\n`));
    expect(blocks[0]).toMatch(/^state: +FAILED$/m);
    expect(blocks[1]).toMatch(new RegExp(`^name: +${done}\\n`));
    expect(blocks[1]).toMatch(/^state: +SUCCEEDED$/m);
    // One POST /batch with both reads in it, no single GETs besides.
    expect(calls(emu).sort()).toEqual(["POST /batch", `GET /v1/${done}`, `GET /v1/${failed}`].sort());
    expect(clean(result)).toBe(true);
  });

  it("--json: an array of {name, ok, operation | error} for several names, the operation alone for one", async () => {
    const { emu, done } = await seeded();
    const missing = "projects/earthengine-legacy/operations/NOSUCHTASK";
    const several = await cli(["get", "DONE1", "NOSUCHTASK", "--json", "--endpoint", emu.url]);
    expect(several.code).toBe(1);
    const results = JSON.parse(several.stdout);
    expect(results).toHaveLength(2);
    expect(results[0]).toMatchObject({ name: done, ok: true, operation: { name: done, done: true } });
    expect(results[1]).toMatchObject({ name: missing, ok: false, error: { status: "NOT_FOUND" } });
    expect(several.stderr).toMatch(/^error: NOT_FOUND: .*NOSUCHTASK/);

    const one = await cli(["get", "DONE1", "--json", "--endpoint", emu.url]);
    expect(JSON.parse(one.stdout)).toMatchObject({ name: done, done: true });
  });

  it("a name that cannot be read is reported on stderr, the others printed, and the exit code is 1", async () => {
    const { emu, done } = await seeded();
    const result = await cli(["get", "NOSUCHTASK", "DONE1", "--endpoint", emu.url]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^name: +${done}$`, "m"));
    expect(result.stdout).not.toContain("NOSUCHTASK");
    expect(result.stderr).toMatch(/^error: NOT_FOUND: .*NOSUCHTASK.*\n$/);
  });

  it("get all is a usage error, before any request (earthengine task info has no 'all')", async () => {
    const emu = await emulators.start();
    const result = await cli(["info", "all", "--endpoint", emu.url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^usage: info does not take 'all': 'list' shows every operation\n/);
    expect(emu.requests).toEqual([]);
  });
});

describe("list -s with earthengine's space-separated states", () => {
  async function seeded() {
    const emu = await emulators.start();
    emu.seed({ id: "R1", runMs: 10_000 });
    emu.seed({ id: "P1", state: "PENDING" });
    emu.seed({ id: "F1", runMs: 10, outcome: "FAILED" });
    emu.seed({ id: "S1", runMs: 10 });
    emu.advance(1_000);
    return emu;
  }
  const ids = (stdout: string) =>
    stdout
      .trimEnd()
      .split("\n")
      .slice(1)
      .map((l) => l.split(/ {2,}/)[0])
      .sort();
  const filterOf = (emu: Awaited<ReturnType<typeof seeded>>) =>
    new URL(emu.requests.at(-1)!.url, emu.url).searchParams.get("filter");

  it.each([
    ["-s RUNNING PENDING", ["-s", "RUNNING", "PENDING"]],
    ["-s RUNNING -s PENDING", ["-s", "RUNNING", "-s", "PENDING"]],
    ["--status running pending -l", ["--status", "running", "pending", "-l"]],
  ])("%s shows the RUNNING and PENDING operations", async (_, args) => {
    const emu = await seeded();
    const result = await cli(["list", ...args, "--endpoint", emu.url]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(ids(result.stdout)).toEqual(["P1", "R1"]);
    expect(filterOf(emu)).toBe('metadata.state = "RUNNING" OR metadata.state = "PENDING"');
  });

  it("a word after the states that is not a state is a usage error naming it, before any request", async () => {
    const emu = await emulators.start();
    const typo = await cli(["list", "-s", "RUNNING", "PENDNG", "--endpoint", emu.url]);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/^usage: --status: 'PENDNG' is not a state \(.*PENDING.*\)\n/);
    const stray = await cli(["list", "-l", "oops", "--endpoint", emu.url]);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toMatch(
      /^usage: list takes no operation names, got 'oops' \(states go after -s\/--status\)\n/,
    );
    expect(emu.requests).toEqual([]);
  });
});

describe("delete all", () => {
  it("is a usage error and sends nothing (never the task id 'all')", async () => {
    const emu = await emulators.start();
    emu.seed({ id: "KEEP1", runMs: 10 });
    for (const args of [
      ["delete", "all"],
      ["delete", "KEEP1", "all"],
    ]) {
      const result = await cli([...args, "--endpoint", emu.url]);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(/^usage: delete does not take 'all': name each operation to delete\n/);
    }
    expect(emu.requests).toEqual([]);
  });
});
