// The CLI's commands as a user runs them: the built bin as a child process against the emulator.
import { describe, expect, it } from "vitest";
import { useEmulators } from "../emulator/harness.js";
import { clean, cli } from "./run-cli.js";

const emulators = useEmulators();

describe("ee-operations get", () => {
  it("expands a bare task id under --project, prints the key fields, and sends a bearer token", async () => {
    const emu = await emulators.start();
    emu.seed({
      project: "my-project",
      id: "TASK123",
      type: "EXPORT_TABLE",
      description: "Field boundaries",
      runMs: 10_000,
    });
    emu.advance(2_500);

    const result = await cli(["get", "TASK123", "--project", "my-project", "--endpoint", emu.url]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^name: +projects\/my-project\/operations\/TASK123$/m);
    expect(result.stdout).toMatch(/^state: +RUNNING$/m);
    expect(result.stdout).toMatch(/^type: +EXPORT_TABLE$/m);
    expect(result.stdout).toMatch(/^description: +Field boundaries$/m);
    expect(result.stdout).toMatch(/^progress: +25%$/m);
    expect(result.stdout).toMatch(/^created: +\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/m);

    expect(emu.requests).toHaveLength(1);
    expect(emu.requests[0]!.method).toBe("GET");
    expect(emu.requests[0]!.url).toBe("/v1/projects/my-project/operations/TASK123");
    // The emulator's log redacts credentials; it answers only requests that carry a bearer token.
    expect(emu.requests[0]!.headers.authorization).toBe("Bearer <redacted>");
    expect(clean(result)).toBe(true);
  });

  it("--json prints the operation as JSON and nothing else; --api-version picks the path", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ id: "JSONTASK", description: "as JSON" });

    const result = await cli(["get", name, "--json", "--api-version", "v1beta", "--endpoint", emu.url]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const op = JSON.parse(result.stdout);
    expect(op).toMatchObject({ name, done: false, metadata: { state: "RUNNING", description: "as JSON" } });
    expect(result.stdout.trim().startsWith("{") && result.stdout.trim().endsWith("}")).toBe(true);
    expect(emu.requests[0]!.url).toBe("/v1beta/projects/earthengine-legacy/operations/JSONTASK");
  });
});

describe("ee-operations list", () => {
  async function seeded() {
    const emu = await emulators.start();
    emu.seed({ id: "OLDEST", type: "EXPORT_IMAGE", description: "Landsat composite", runMs: 1_000 });
    emu.advance(2_000);
    emu.seed({ id: "MIDDLE", type: "INGEST_IMAGE", description: "Drone mosaic", runMs: 4_000 });
    emu.advance(1_000);
    emu.seed({
      id: "NEWEST",
      type: "EXPORT_TABLE",
      description: "Field boundaries",
      pendingMs: 5_000,
      state: "PENDING",
    });
    emu.seed({ project: "other", id: "ELSEWHERE" });
    return emu;
  }

  it("prints a table of id, state, type, description, progress and creation time, newest first", async () => {
    const emu = await seeded();
    const result = await cli(["list", "--endpoint", emu.url]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^ID +STATE +TYPE +DESCRIPTION +PROGRESS +CREATED$/);
    expect(lines.slice(1).map((l) => l.split(/ {2,}/))).toEqual([
      ["NEWEST", "PENDING", "EXPORT_TABLE", "Field boundaries", "0%", expect.stringMatching(/Z$/)],
      ["MIDDLE", "RUNNING", "INGEST_IMAGE", "Drone mosaic", "25%", expect.stringMatching(/Z$/)],
      ["OLDEST", "SUCCEEDED", "EXPORT_IMAGE", "Landsat composite", "100%", expect.stringMatching(/Z$/)],
    ]);
    // Columns line up: every row's STATE starts where the header's does.
    const at = lines[0]!.indexOf("STATE");
    for (const line of lines.slice(1)) expect(line[at - 1]).toBe(" ");
    expect(emu.requests[0]!.url).toMatch(/^\/v1\/projects\/earthengine-legacy\/operations(\?|$)/);
  });

  it("--limit stops after N operations; --json prints them as a JSON array only; --filter is passed on", async () => {
    const emu = await seeded();
    const limited = await cli(["list", "--limit", "2", "--endpoint", emu.url]);
    expect(limited.code).toBe(0);
    expect(limited.stdout.trimEnd().split("\n")).toHaveLength(3);
    expect(limited.stdout).not.toContain("OLDEST");

    const asJson = await cli(["list", "--json", "--limit", "2", "--endpoint", emu.url]);
    expect(asJson.code).toBe(0);
    expect(asJson.stderr).toBe("");
    expect(JSON.parse(asJson.stdout).map((op: { name: string }) => op.name)).toEqual([
      "projects/earthengine-legacy/operations/NEWEST",
      "projects/earthengine-legacy/operations/MIDDLE",
    ]);

    const filtered = await cli([
      "list",
      "--filter",
      'metadata.state = "RUNNING"',
      "--project",
      "earthengine-legacy",
      "--json",
      "--endpoint",
      emu.url,
    ]);
    expect(filtered.code).toBe(0);
    expect(JSON.parse(filtered.stdout).map((op: { name: string }) => op.name)).toEqual([
      "projects/earthengine-legacy/operations/MIDDLE",
    ]);
    expect(new URL(emu.requests.at(-1)!.url, emu.url).searchParams.get("filter")).toBe('metadata.state = "RUNNING"');
  });

  it("--project lists another project; an empty project says so", async () => {
    const emu = await seeded();
    const other = await cli(["list", "--project", "other", "--endpoint", emu.url]);
    expect(other.code).toBe(0);
    expect(other.stdout).toMatch(/^ELSEWHERE +RUNNING/m);
    const empty = await cli(["list", "--project", "nobody", "--endpoint", emu.url]);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toBe("No operations in projects/nobody.\n");
  });
});

describe("ee-operations cancel and delete", () => {
  it("cancel runs every name, reports each, and exits with the worst code (1 for NOT_FOUND)", async () => {
    const emu = await emulators.start();
    const a = emu.seed({ id: "CANCELA" }).name;
    const b = emu.seed({ id: "CANCELB" }).name;

    const result = await cli(["cancel", "CANCELA", "MISSING", b, "--endpoint", emu.url]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${a}: cancel requested\n${b}: cancel requested\n`);
    expect(result.stderr).toBe(
      "error: NOT_FOUND: Operation projects/earthengine-legacy/operations/MISSING not found.\n",
    );
    // Each state is read first; MISSING, which cannot be read, is not cancelled.
    expect(
      emu.requests
        .filter((r) => r.url.endsWith(":cancel"))
        .map((r) => `${r.method} ${r.url}`)
        .sort(),
    ).toEqual([
      "POST /v1/projects/earthengine-legacy/operations/CANCELA:cancel",
      "POST /v1/projects/earthengine-legacy/operations/CANCELB:cancel",
    ]);
    expect(clean(result)).toBe(true);

    const state = await cli(["get", a, "--json", "--endpoint", emu.url]);
    expect(JSON.parse(state.stdout).metadata.state).toBe("CANCELLING");
  });

  it("cancel --json gives one result per name", async () => {
    const emu = await emulators.start();
    const a = emu.seed({ id: "JSONCANCEL" }).name;
    const result = await cli(["cancel", "JSONCANCEL", "NOSUCH", "--json", "--endpoint", emu.url]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual([
      { name: a, ok: true },
      {
        name: "projects/earthengine-legacy/operations/NOSUCH",
        ok: false,
        error: { status: "NOT_FOUND", message: expect.stringContaining("not found") },
      },
    ]);
  });

  it("delete removes each operation and reports a missing one", async () => {
    const emu = await emulators.start();
    const a = emu.seed({ id: "DELETEA" }).name;
    const result = await cli(["delete", "DELETEA", "GONE", "--endpoint", emu.url]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe(`${a}: deleted\n`);
    expect(result.stderr).toMatch(/^error: NOT_FOUND: .*GONE.*\n$/);

    const again = await cli(["get", "DELETEA", "--endpoint", emu.url]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error: NOT_FOUND: /);

    const ok = await cli(["delete", emu.seed({ id: "DELETEB" }).name, "--json", "--endpoint", emu.url]);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual([{ name: "projects/earthengine-legacy/operations/DELETEB", ok: true }]);
  });
});
