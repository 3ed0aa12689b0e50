import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { mergeWithPrevious, provenanceOf, provenanceTable } from "../../bench/provenance.js";
import type { Machine } from "../../bench/report.js";
import type { Results } from "../../bench/rows.js";

const tmp = mkdtempSync(join(tmpdir(), "ee-provenance-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const machine = (date: string, tools: Record<string, string>): Machine => ({
  cpu: "cpu",
  cores: 2,
  memoryGiB: 1,
  node: "v20.20.2",
  platform: "linux x64",
  date,
  loadAverageAtStart: [1, 2, 3],
  tools,
});
const OLD = machine("2026-11-23", { "googleapis-common": "8.0.3", "@hey-api/openapi-ts": "0.95.0", esbuild: "0.28.2" });
const NEW = machine("2026-11-25", { "googleapis-common": "9.3.1", "@hey-api/openapi-ts": "0.99.0", esbuild: "0.28.2" });
// Figure results are opaque to provenance; any value stands for "this figure was measured".
const fig = (tag: string) => ({ tag }) as never;

describe("provenanceOf", () => {
  it.each([
    {
      given: { clientOverhead: fig("a") },
      want: { clientOverhead: { "googleapis-common": "9.3.1", "gaxios (googleapis-common's)": "not installed" } },
    },
    { given: { loopback: fig("b") }, want: { loopback: {} } },
    { given: { scaling: fig("c") }, want: { scaling: { "@hey-api/openapi-ts": "0.99.0" } } },
  ])("$given → the versions of the tools each figure compares against", ({ given, want }) => {
    const got = provenanceOf(NEW, given as Results);
    const tools = Object.fromEntries(Object.entries(got).map(([k, p]) => [k, p!.tools]));
    for (const [key, versions] of Object.entries(want)) expect(tools[key]).toMatchObject(versions);
    expect(Object.keys(got)).toEqual(Object.keys(want));
  });
});

describe("mergeWithPrevious", () => {
  it("replaces the re-run figures and keeps the others with their own date, versions and notes", () => {
    const file = join(tmp, "results.json");
    const previous = { clientOverhead: fig("old-4"), loopback: fig("old-5") };
    writeFileSync(
      file,
      JSON.stringify({
        machine: OLD,
        results: previous,
        notes: ["an untagged note of the old run", { figure: "loopback", text: "loopback note" }],
      }),
    );
    const merged = mergeWithPrevious(file, NEW, { clientOverhead: fig("new-4") } as Results, [
      { figure: "clientOverhead", text: "new note" },
    ]);
    expect(merged.results).toEqual({ clientOverhead: { tag: "new-4" }, loopback: { tag: "old-5" } });
    expect(merged.provenance.clientOverhead?.date).toBe("2026-11-25");
    expect(merged.provenance.clientOverhead?.tools["googleapis-common"]).toBe("9.3.1");
    expect(merged.provenance.loopback?.date).toBe("2026-11-23");
    expect(merged.notes.map((n) => n.text)).toEqual(["new note", "loopback note"]);
  });

  it("with no previous file, only the fresh figures", () => {
    const merged = mergeWithPrevious(join(tmp, "absent.json"), NEW, { loopback: fig("x") } as Results, []);
    expect(Object.keys(merged.results)).toEqual(["loopback"]);
    expect(Object.keys(merged.provenance)).toEqual(["loopback"]);
  });
});

describe("provenanceTable", () => {
  it("one row per figure in figure order, naming each tool's version", () => {
    const table = provenanceTable({
      ...provenanceOf(NEW, { scaling: fig("s") } as Results),
      ...provenanceOf(OLD, { coldGenerate: fig("c") } as Results),
    });
    const rows = table.split("\n").slice(2);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/^\| 1 \| 2026-11-23 \| .*@hey-api\/openapi-ts 0\.95\.0/);
    expect(rows[1]).toMatch(/^\| 3 \| 2026-11-25 \| .*@hey-api\/openapi-ts 0\.99\.0 \|$/);
  });
});
