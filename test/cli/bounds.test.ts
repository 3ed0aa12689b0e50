// The CLI stays bounded and leaks nothing, whatever the server (issue 12): list streams and stops at
// --limit, many names share one poller, server text is made safe, the token is redacted.
import { spawn } from "node:child_process";
import { describe, expect, it, onTestFinished } from "vitest";
import { useEmulators } from "../emulator/harness.js";
import { startScriptedServer } from "../helpers/scripted-server.js";
import { clean, cli, cliEnv, MAIN, TOKEN } from "./run-cli.js";

const emulators = useEmulators();

const op = (id: string, extra: Record<string, unknown> = {}) => ({
  name: `projects/earthengine-legacy/operations/${id}`,
  done: false,
  metadata: { state: "RUNNING", type: "EXPORT_IMAGE", description: `task ${id}` },
  ...extra,
});
const json = (res: import("node:http").ServerResponse, status: number, body: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

describe("list against endless pages", () => {
  it.each([
    ["a table", [], 1 + 5],
    ["--json", ["--json"], undefined],
  ])("--limit 5 prints 5 rows (%s), fetches no page past them, and exits", async (_, extra, lines) => {
    // Every page has 2 operations and a fresh page token: the listing never ends.
    const server = await startScriptedServer((_req, res, n) => {
      json(res, 200, { operations: [op(`P${n}A`), op(`P${n}B`)], nextPageToken: `token-${n + 1}` });
    });
    onTestFinished(server.close);
    const result = await cli(["list", "--limit", "5", "--endpoint", server.url, ...extra], { timeoutMs: 10_000 });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    if (lines !== undefined) {
      expect(result.stdout.trimEnd().split("\n")).toHaveLength(lines);
      expect(result.stdout).toMatch(/^P2A +RUNNING/m);
      expect(result.stdout).not.toMatch(/P2B/);
    } else {
      expect(JSON.parse(result.stdout).map((o: { name: string }) => o.name.split("/").pop())).toEqual([
        "P0A",
        "P0B",
        "P1A",
        "P1B",
        "P2A",
      ]);
    }
    // Pages of 2 (the server ignores pageSize=5): 3 pages hold 5 rows; the 4th is never asked for.
    expect(server.count).toBe(3);
  });

  it("prints each page's rows as soon as the page arrives (the next page may never come)", async () => {
    const server = await startScriptedServer((_req, res, n) => {
      if (n === 0) json(res, 200, { operations: [op("FIRSTA"), op("FIRSTB")], nextPageToken: "more" });
      // The second page never answers.
    });
    onTestFinished(server.close);
    const child = spawn(process.execPath, [MAIN, "list", "--endpoint", server.url], {
      env: cliEnv({ EE_ACCESS_TOKEN: TOKEN }),
    });
    onTestFinished(() => void child.kill("SIGKILL"));
    let stdout = "";
    const shown = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 10_000);
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk.toString("utf8");
        if (/FIRSTB/.test(stdout)) {
          clearTimeout(timer);
          resolve(true);
        }
      });
    });
    expect(shown).toBe(true);
    expect(stdout.split("\n").slice(0, 3)).toEqual([
      expect.stringMatching(/^ID +STATE/),
      expect.stringMatching(/^FIRSTA +RUNNING/),
      expect.stringMatching(/^FIRSTB +RUNNING/),
    ]);
    // The rows came out while the second page was still being asked for (or not yet asked for).
    expect(server.count).toBeLessThanOrEqual(2);
  });
});

describe("many names with --wait", () => {
  it("300 names: one poller with HTTP batches, a few connections, no per-name requests of the client's own", async () => {
    const emu = await emulators.start({ clock: "real", maxRecordedRequests: 20_000 });
    const ids = Array.from({ length: 300 }, (_, i) => `MANY${String(i).padStart(3, "0")}`);
    for (const id of ids) emu.seed({ id, runMs: 600_000, cancelMs: 1_500 });

    const result = await cli(["cancel", ...ids, "--wait", "--json", "--endpoint", emu.url], { timeoutMs: 40_000 });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const results = JSON.parse(result.stdout) as { name: string; outcome: string }[];
    expect(results).toHaveLength(300);
    expect(results.every((r) => r.outcome === "CANCELLED")).toBe(true);

    const calls = emu.requests.map((r) => `${r.method} ${r.url.split("?")[0]}`);
    const batches = calls.filter((c) => c === "POST /batch").length;
    // Batches of 100: 3 to read the states, 3 to cancel, 3 a poll round; cancelling takes 1.5 s, and
    // the poller's pauses start at 1 s, so a handful of rounds.
    expect(batches).toBeGreaterThanOrEqual(9);
    expect(batches).toBeLessThanOrEqual(3 + 3 + 3 * 6);
    // Every other request is a batch's inner call, replayed by the emulator: 300 reads, 300 cancels
    // and 300 reads a round; none is a `wait`.
    expect(calls.filter((c) => c.endsWith(":cancel"))).toHaveLength(300);
    expect(calls.some((c) => c.endsWith(":wait"))).toBe(false);
    expect(emu.requestCount()).toBe(calls.length);
    // The client opened a few connections, not hundreds (the emulator's own replays count here too).
    expect(emu.connections().peak).toBeLessThanOrEqual(40);
  }, 60_000);
});

describe("server text on the terminal and in --json", () => {
  const EVIL = "a\u202Eb\u200Bc\u2028d\u009b2Je\u0007f\uFEFFg\u2066h\u061Ci";

  it("human output strips C0/C1, bidi, zero-width and line-separator characters; --json escapes them", async () => {
    const emu = await emulators.start();
    emu.seed({ id: "EVILTEXT", description: EVIL, type: "EXPORT\u202E_IMAGE" });
    const table = await cli(["list", "--endpoint", emu.url]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^EVILTEXT +RUNNING +EXPORT_IMAGE +abc d 2Je fghi /m);
    const details = await cli(["get", "EVILTEXT", "--endpoint", emu.url]);
    expect(details.stdout).toMatch(/^description: +abc d 2Je fghi$/m);
    const FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
    for (const text of [table.stdout, details.stdout]) expect(text).not.toMatch(FORBIDDEN);

    for (const args of [
      ["list", "--json"],
      ["get", "EVILTEXT", "--json"],
    ]) {
      const asJson = await cli([...args, "--endpoint", emu.url]);
      expect(asJson.stdout).not.toMatch(/[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/);
      expect(asJson.stdout).toContain("a\\u202eb\\u200bc\\u2028d\\u009b2Je\\u0007f\\ufeffg\\u2066h\\u061ci");
      expect(JSON.stringify(JSON.parse(asJson.stdout))).toContain(JSON.stringify(EVIL).slice(1, -1));
    }
  });

  it("get and wait redact the token from an Operation.error message that echoes it (text and --json)", async () => {
    const failed = op("ECHO", {
      done: true,
      error: { code: 16, message: `token ${TOKEN} was refused; again: ${TOKEN.slice(0, 6)}\u200B${TOKEN.slice(6)}` },
      metadata: { state: "FAILED" },
    });
    // No batch endpoint here: getMany falls back to single gets.
    const server = await startScriptedServer((req, res) => {
      if (req.url === "/batch") json(res, 404, { error: { code: 404, status: "NOT_FOUND", message: "no batch" } });
      else if (/\/operations(\?|$)/.test(req.url ?? "")) json(res, 200, { operations: [failed] });
      else json(res, 200, failed);
    });
    onTestFinished(server.close);
    for (const args of [
      ["get", "ECHO"],
      ["get", "ECHO", "--json"],
      ["wait", "ECHO"],
      ["wait", "ECHO", "--json"],
      ["list", "-l"],
    ]) {
      const result = await cli([...args, "--endpoint", server.url]);
      expect(clean(result)).toBe(true);
      expect(result.stdout + result.stderr).toContain("[redacted]");
    }
    const waited = await cli(["wait", "ECHO", "--endpoint", server.url]);
    expect(waited.code).toBe(3);
    expect(waited.stdout).toBe(
      "projects/earthengine-legacy/operations/ECHO: FAILED: UNAUTHENTICATED: token [redacted] was refused; again: [redacted]\n",
    );
  });
});
