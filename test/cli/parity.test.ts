// On par with `earthengine task` (issue 13): where the project comes from, cancel all, list --status
// and --long, wait of several names or all, "already <STATE>", usage errors.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { useEmulators } from "../emulator/harness.js";
import { clean, cli } from "./run-cli.js";

const emulators = useEmulators();
const NOTE = "note: using project earthengine-legacy";

describe("the project", () => {
  it.each([
    ["--project", { EARTHENGINE_PROJECT: "from-env" }, ["--project", "from-flag"], "from-flag"],
    ["EARTHENGINE_PROJECT", { EARTHENGINE_PROJECT: "from-env", GOOGLE_CLOUD_PROJECT: "gc" }, [], "from-env"],
    ["GOOGLE_CLOUD_PROJECT", { EARTHENGINE_PROJECT: undefined, GOOGLE_CLOUD_PROJECT: "gc" }, [], "gc"],
  ])("comes from %s, expands bare ids and is sent as x-goog-user-project", async (_, env, args, project) => {
    const emu = await emulators.start();
    emu.seed({ project, id: "TASK1" });
    const result = await cli(["get", "TASK1", "--json", ...args, "--endpoint", emu.url], { env });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).name).toBe(`projects/${project}/operations/TASK1`);
    expect(emu.requests[0]!.headers["x-goog-user-project"]).toBe(project);
  });

  it("else the credentials' project (ADC file), without the earthengine-legacy note", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ee-cli-adc-"));
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
    const adc = join(dir, "adc.json");
    // Unusable credentials: the request fails, but the project was taken from the file.
    writeFileSync(adc, JSON.stringify({ type: "no-such-type", quota_project_id: "quota-proj" }));
    const emu = await emulators.start();
    const result = await cli(["list", "--endpoint", emu.url], {
      token: undefined,
      env: { EARTHENGINE_PROJECT: undefined, GOOGLE_APPLICATION_CREDENTIALS: adc },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain(NOTE);
    expect(result.stderr).toMatch(/^error: UNAUTHENTICATED: /);
  });

  it("else earthengine-legacy, saying so on stderr (only where the project is used)", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ id: "LEGACY1" });
    const env = { EARTHENGINE_PROJECT: undefined };
    const bare = await cli(["get", "LEGACY1", "--json", "--endpoint", emu.url], { env });
    expect(bare.code).toBe(0);
    expect(bare.stderr).toBe(
      `${NOTE}: no --project, EARTHENGINE_PROJECT, GOOGLE_CLOUD_PROJECT or credentials' project\n`,
    );
    expect(emu.requests[0]!.headers["x-goog-user-project"]).toBeUndefined();
    const full = await cli(["get", name, "--json", "--endpoint", emu.url], { env });
    expect(full.stderr).toBe("");
    // A full name of another project: the default project is not used, so no note.
    const other = await cli(["get", "projects/other-proj/operations/X", "--endpoint", emu.url], { env });
    expect(other.code).toBe(1);
    expect(other.stderr).toBe("error: NOT_FOUND: Operation projects/other-proj/operations/X not found.\n");
    const fullNames = await cli(["cancel", name, "projects/other-proj/operations/X", "--endpoint", emu.url], { env });
    expect(fullNames.stderr).not.toContain(NOTE);
    // One bare id among full names uses it.
    const mixed = await cli(["cancel", "projects/other-proj/operations/X", "LEGACY1", "--endpoint", emu.url], {
      env,
    });
    expect(mixed.stderr).toContain(NOTE);
  });

  it("a malformed EARTHENGINE_PROJECT is a usage error, before any request", async () => {
    const emu = await emulators.start();
    const result = await cli(["list", "--endpoint", emu.url], { env: { EARTHENGINE_PROJECT: "bad/project" } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^usage: EARTHENGINE_PROJECT must be a Cloud project id/);
    expect(emu.requests).toEqual([]);
  });
});

describe("cancel", () => {
  it("cancel all cancels the PENDING and RUNNING operations (one batch) and reports the others as already <STATE>", async () => {
    const emu = await emulators.start();
    const op = (id: string, seed: Parameters<typeof emu.seed>[0] = {}) => emu.seed({ project: "p", id, ...seed }).name;
    const done = op("DONE", { runMs: 10 });
    const failed = op("BROKE", { runMs: 10, outcome: "FAILED" });
    const cancelled = op("STOPPED", { runMs: 60_000, cancelMs: 10 });
    emu.advance(20);
    await cli(["cancel", "STOPPED", "--project", "p", "--endpoint", emu.url]);
    emu.advance(20);
    const cancelling = op("STOPPING", { runMs: 60_000, cancelMs: 60_000 });
    await cli(["cancel", "STOPPING", "--project", "p", "--endpoint", emu.url]);
    const running = op("RUN", { runMs: 60_000 });
    const pending = op("WAITING", { state: "PENDING" });
    emu.seed({ project: "other", id: "UNTOUCHED" });
    emu.clearRequests();

    const result = await cli(["cancel", "all", "--project", "p", "--endpoint", emu.url]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split("\n").sort()).toEqual(
      [
        `${pending}: cancel requested`,
        `${running}: cancel requested`,
        `${cancelling}: already CANCELLING`,
        `${cancelled}: already CANCELLED`,
        `${failed}: already FAILED: INTERNAL: Operation ${failed} failed (emulated failure).`,
        `${done}: already SUCCEEDED`,
      ].sort(),
    );
    const calls = emu.requests.map((r) => `${r.method} ${r.url.split("?")[0]}`);
    expect(calls.filter((c) => c === "POST /batch")).toHaveLength(1);
    expect(calls.filter((c) => c.endsWith(":cancel")).sort()).toEqual([
      `POST /v1/${running}:cancel`,
      `POST /v1/${pending}:cancel`,
    ]);
    const other = await cli(["get", "UNTOUCHED", "--project", "other", "--json", "--endpoint", emu.url]);
    expect(JSON.parse(other.stdout).metadata.state).toBe("RUNNING");
  });

  it("a cancel of an operation that finished long ago says 'already SUCCEEDED', not 'cancel requested', and sends no cancel", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ id: "LONGAGO", runMs: 10 });
    emu.advance(3_600_000);
    const result = await cli(["cancel", "LONGAGO", "--endpoint", emu.url]);
    expect(result).toMatchObject({ code: 0, stdout: `${name}: already SUCCEEDED\n`, stderr: "" });
    const asJson = await cli(["cancel", "LONGAGO", "--json", "--endpoint", emu.url]);
    expect(JSON.parse(asJson.stdout)).toEqual([{ name, ok: true, already: "SUCCEEDED" }]);
    expect(emu.requests.some((r) => r.url.endsWith(":cancel"))).toBe(false);
  });

  it("cancel all in a project without operations says so", async () => {
    const emu = await emulators.start();
    const result = await cli(["cancel", "all", "--project", "empty", "--endpoint", emu.url]);
    expect(result).toMatchObject({ code: 0, stdout: "No operations in projects/empty.\n", stderr: "" });
  });
});

describe("list --status and --long", () => {
  it("-s RUNNING,PENDING sends Earth Engine's filter and shows only those; -l adds times, EECU, destinations, error", async () => {
    const emu = await emulators.start();
    emu.seed({ id: "R1", runMs: 10_000 });
    emu.seed({ id: "P1", state: "PENDING" });
    emu.seed({ id: "F1", runMs: 10, outcome: "FAILED" });
    emu.seed({ id: "S1", runMs: 10, destinationUris: ["gs://bucket/s1.tif", "gs://bucket/s1-2.tif"] });
    emu.advance(1_000);

    const some = await cli(["list", "-s", "running,PENDING", "--endpoint", emu.url]);
    expect(some.code).toBe(0);
    expect(
      some.stdout
        .trimEnd()
        .split("\n")
        .slice(1)
        .map((l) => l.split(/ {2,}/)[0])
        .sort(),
    ).toEqual(["P1", "R1"]);
    const filter = new URL(emu.requests.at(-1)!.url, emu.url).searchParams.get("filter");
    expect(filter).toBe('metadata.state = "RUNNING" OR metadata.state = "PENDING"');

    const long = await cli(["list", "--long", "--status", "FAILED,SUCCEEDED", "--endpoint", emu.url]);
    const [header, ...rows] = long.stdout.trimEnd().split("\n");
    expect(header!.split(/ {2,}/)).toEqual([
      "ID",
      "STATE",
      "TYPE",
      "DESCRIPTION",
      "PROGRESS",
      "CREATED",
      "STARTED",
      "UPDATED",
      "EECU-S",
      "DESTINATION",
      "ERROR",
    ]);
    const byId = Object.fromEntries(rows.map((r) => [r.split(/ {2,}/)[0], r.split(/ {2,}/)]));
    expect(byId.F1!.at(-1)).toBe(
      "INTERNAL: Operation projects/earthengine-legacy/operations/F1 failed (emulated failure).",
    );
    expect(byId.S1!.at(-2)).toBe("gs://bucket/s1.tif (+1)");
    expect(byId.S1!.at(-1)).toBe("-");
    expect(byId.S1![8]).toMatch(/^\d+(\.\d)?$/);
  });

  it("an unknown state is a usage error naming the valid ones, before any request", async () => {
    const emu = await emulators.start();
    const result = await cli(["list", "-s", "RUNING", "--endpoint", emu.url]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^usage: --status: 'RUNING' is not a state \(.*RUNNING.*\)\n/);
    expect(result.stderr).not.toMatch(/INVALID_ARGUMENT/);
    expect(emu.requests).toEqual([]);
  });
});

describe("wait of several names, and wait all", () => {
  it("waits for every name with one poller and exits with the worst outcome", async () => {
    const emu = await emulators.start({ clock: "real" });
    const ok = emu.seed({ id: "W1", runMs: 300 }).name;
    const bad = emu.seed({ id: "W2", runMs: 500, outcome: "FAILED" }).name;
    const result = await cli(["wait", "W1", "W2", "--endpoint", emu.url, "--timeout", "20s"]);
    expect(result.code).toBe(3);
    expect(result.stdout).toBe(
      `${ok}: SUCCEEDED\n${bad}: FAILED: INTERNAL: Operation ${bad} failed (emulated failure).\n`,
    );
    expect(emu.requests.some((r) => r.url.endsWith(":wait"))).toBe(false);
    expect(clean(result)).toBe(true);
  });

  it("wait all waits for the project's operations that are not done", async () => {
    // The manual clock: A and B stay running until the CLI has listed them and read them once (its
    // first getMany, a batch), however slowly it starts.
    const emu = await emulators.start();
    const old = emu.seed({ project: "w", id: "OLD", runMs: 10 }).name;
    emu.advance(20);
    const a = emu.seed({ project: "w", id: "A", runMs: 400 }).name;
    const b = emu.seed({ project: "w", id: "B", runMs: 600 }).name;
    const running = cli(["wait", "all", "--project", "w", "--json", "--endpoint", emu.url]);
    for (let i = 0; i < 400 && !emu.requests.some((r) => r.url === "/batch"); i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    emu.advance(1_000);
    const result = await running;
    expect(result.code).toBe(0);
    const names = JSON.parse(result.stdout).map((r: { name: string; outcome: string }) => `${r.name} ${r.outcome}`);
    expect(names.sort()).toEqual([`${a} SUCCEEDED`, `${b} SUCCEEDED`]);
    expect(names.join()).not.toContain(old);
    const list = emu.requests.find((r) => r.url.includes("/operations?"))!;
    expect(new URL(list.url, emu.url).searchParams.get("filter")).toBe(
      'metadata.state = "PENDING" OR metadata.state = "RUNNING" OR metadata.state = "CANCELLING"',
    );
  });
});
