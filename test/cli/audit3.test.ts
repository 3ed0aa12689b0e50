// Findings of a CLI audit, as a user meets them: `get` shows an operation's stages and notifications
// (the seeded WARNING, the SEVERE one of a failure), and an operation named twice (also as a task id
// and as its full name) is read, cancelled, waited for, deleted and reported once.
import { describe, expect, it } from "vitest";
import { useEmulators } from "../emulator/harness.js";
import { clean, cli, TOKEN } from "./run-cli.js";

const emulators = useEmulators();
const FULL = (id: string) => `projects/earthengine-legacy/operations/${id}`;
const WARNING = "Export region is large; the output will be split into several files.";

describe("get: stages and notifications", () => {
  it("prints one line per stage with its work units and one per notification, after the other fields", async () => {
    const emu = await emulators.start();
    emu.seed({ id: "WARNED1", type: "EXPORT_IMAGE", runMs: 10_000, warning: WARNING });
    emu.advance(5_000);
    const result = await cli(["get", "WARNED1", "--endpoint", emu.url]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines.slice(-3)).toEqual([
      "stage:        Create Local Files: 6/10",
      "stage:        Write Files to Destination: 0/1",
      `notification: WARNING Export: ${WARNING}`,
    ]);
    expect(lines[0]).toBe(`name:         ${FULL("WARNED1")}`);
  });

  it("shows the SEVERE notification of a failure, in each operation of several, the token redacted", async () => {
    const emu = await emulators.start();
    emu.seed({ id: "FAILS1", runMs: 10, outcome: "FAILED" });
    // A warning that echoes the access token, split by a zero-width space, with a line break.
    const echo = `retry with ${TOKEN.slice(0, 6)}\u200B${TOKEN.slice(6)}\nthen`;
    emu.seed({ id: "ECHOES1", type: "EXPORT_TABLE", runMs: 10_000, warning: echo });
    emu.advance(50);
    const result = await cli(["info", "FAILS1", "ECHOES1", "--endpoint", emu.url]);
    expect(result.code).toBe(0);
    const [failed, echoed] = result.stdout.split("\n\n");
    expect(failed).toMatch(
      new RegExp(`^notification: SEVERE Failure: Operation ${FULL("FAILS1")} failed \\(emulated failure\\)\\.$`, "m"),
    );
    expect(failed).toMatch(/^stage: +Create Local Files: 10\/10$/m);
    expect(echoed).toMatch(/^notification: WARNING Export: retry with \[redacted\] then$/m);
    expect(clean(result)).toBe(true);
  });
});

describe("an operation named twice is one operation", () => {
  const calls = (emu: { requests: { method: string; url: string }[] }, suffix: string) =>
    emu.requests.filter((r) => r.url.split("?")[0]!.endsWith(suffix)).map((r) => `${r.method} ${r.url}`);

  it("cancel RUN30 RUN30 and a task id with its full name: one cancel sent, one line each", async () => {
    const emu = await emulators.start();
    emu.seed({ id: "RUN30", runMs: 60_000 });
    emu.seed({ id: "RUN31", runMs: 60_000 });
    const result = await cli(["cancel", "RUN30", "RUN30", FULL("RUN31"), "RUN31", "--endpoint", emu.url]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${FULL("RUN30")}: cancel requested\n${FULL("RUN31")}: cancel requested\n`);
    expect(calls(emu, "RUN30:cancel")).toEqual([`POST /v1/${FULL("RUN30")}:cancel`]);
    expect(calls(emu, "RUN31:cancel")).toEqual([`POST /v1/${FULL("RUN31")}:cancel`]);
    expect(calls(emu, "RUN30")).toEqual([`GET /v1/${FULL("RUN30")}`]);
  });

  it("cancel --json: one result per distinct operation, in the order first given", async () => {
    const emu = await emulators.start();
    emu.seed({ id: "B1", runMs: 60_000 });
    emu.seed({ id: "A1", runMs: 10 });
    emu.advance(50);
    const result = await cli(["cancel", "B1", "A1", FULL("B1"), "A1", "--json", "--endpoint", emu.url]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([
      { name: FULL("B1"), ok: true },
      { name: FULL("A1"), ok: true, already: "SUCCEEDED" },
    ]);
  });

  it("get of one operation named twice: printed once; --json keeps the several-names shape, one entry", async () => {
    const emu = await emulators.start();
    emu.seed({ id: "G1", runMs: 10 });
    emu.advance(50);
    const human = await cli(["get", "G1", FULL("G1"), "--endpoint", emu.url]);
    expect(human.code).toBe(0);
    expect(human.stdout.match(/^name:/gm)).toHaveLength(1);
    const json = await cli(["get", "G1", "G1", "--json", "--endpoint", emu.url]);
    const results = JSON.parse(json.stdout);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({ name: FULL("G1"), ok: true, operation: { name: FULL("G1") } });
  });

  it("wait and delete: each operation once", async () => {
    const emu = await emulators.start();
    emu.seed({ id: "W1", runMs: 10 });
    emu.seed({ id: "W2", runMs: 10 });
    emu.advance(50);
    const waited = await cli(["wait", "W1", "W2", FULL("W1"), "--json", "--endpoint", emu.url]);
    expect(waited.code).toBe(0);
    expect(JSON.parse(waited.stdout).map((r: { name: string }) => r.name)).toEqual([FULL("W1"), FULL("W2")]);
    const deleted = await cli(["delete", "W1", "W1", FULL("W1"), "--endpoint", emu.url]);
    expect(deleted.stderr).toBe("");
    expect(deleted.code).toBe(0);
    expect(deleted.stdout).toBe(`${FULL("W1")}: deleted\n`);
    expect(calls(emu, "W1").filter((c) => c.startsWith("DELETE"))).toHaveLength(1);
  });
});
