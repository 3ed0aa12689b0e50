// The access token in the CLI's output: a real-length one never appears (stdout, stderr, --json), and a
// short one (the emulator takes any token; its docs use `x`) rewrites nothing.
import { describe, expect, it } from "vitest";
import { useEmulators } from "../emulator/harness.js";
import { clean, cli, TOKEN } from "./run-cli.js";

const emulators = useEmulators();

describe("a short token is not redacted by substring", () => {
  it.each(["e", "t", "a", "x"])(
    "EE_ACCESS_TOKEN=%s: list --json is the operations, keys and values untouched",
    async (token) => {
      const emu = await emulators.start({ auth: { token } });
      const { name } = emu.seed({ id: "SHORTTOKEN", description: "Sentinel-2 export", runMs: 60_000 });
      const result = await cli(["list", "--json", "--endpoint", emu.url], { token });
      expect(result.code).toBe(0);
      expect(result.stdout + result.stderr).not.toContain("[redacted]");
      const [op] = JSON.parse(result.stdout);
      expect(op.name).toBe(name);
      expect(op.metadata.description).toBe("Sentinel-2 export");
      expect(Object.keys(op)).toContain("metadata");
    },
  );

  it("EE_ACCESS_TOKEN=t: list's table and a usage line read as written", async () => {
    const emu = await emulators.start({ auth: { token: "t" } });
    emu.seed({ id: "TTOKEN", description: "Field boundaries to Cloud Storage", runMs: 60_000 });
    const table = await cli(["list", "--endpoint", emu.url], { token: "t" });
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^ID +STATE +TYPE +DESCRIPTION/);
    expect(table.stdout).toContain("Field boundaries to Cloud Storage");
    const usage = await cli(["list", "--limit", "x", "--endpoint", emu.url], { token: "t" });
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/^usage: --limit must be a positive integer, got 'x'\n/);
  });
});

describe("a real-length token never appears", () => {
  it("when the server echoes it in operations: --json stays valid JSON, and the text output redacts it", async () => {
    const emu = await emulators.start({ auth: { token: TOKEN } });
    const { name } = emu.seed({
      id: "ECHOED",
      description: `copy of "${TOKEN}"`,
      runMs: 60_000,
      destinationUris: [`gs://bucket/${TOKEN}/out.tif`],
    });
    for (const args of [
      ["list", "--json"],
      ["get", "ECHOED", "--json"],
    ]) {
      const result = await cli([...args, "--endpoint", emu.url]);
      expect(result.code).toBe(0);
      expect(clean(result)).toBe(true);
      const parsed = JSON.parse(result.stdout);
      const op = Array.isArray(parsed) ? parsed[0] : parsed;
      expect(op.name).toBe(name);
      expect(op.metadata.description).toBe('copy of "[redacted]"');
    }
    for (const args of [
      ["list", "-l"],
      ["get", "ECHOED"],
    ]) {
      const result = await cli([...args, "--endpoint", emu.url]);
      expect(result.code).toBe(0);
      expect(clean(result)).toBe(true);
      expect(result.stdout).toContain("[redacted]");
    }
  });

  it("when an operation's name holds it: the table, progress lines and errors show [redacted]", async () => {
    const emu = await emulators.start({ auth: { token: TOKEN } });
    emu.seed({ id: TOKEN, state: "RUNNING" });
    for (const args of [["list"], ["list", "-l"], ["wait", "all", "--timeout", "300ms"], ["cancel", "all"]]) {
      const result = await cli([...args, "--endpoint", emu.url]);
      expect(clean(result)).toBe(true);
      expect(result.stdout + result.stderr).toContain("[redacted]");
    }
    const json = await cli(["list", "--json", "--endpoint", emu.url]);
    expect(JSON.parse(json.stdout)[0].name).toBe("projects/earthengine-legacy/operations/[redacted]");
  });
});
