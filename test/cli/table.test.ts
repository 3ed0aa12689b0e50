// list's rows: fixed columns (so rows print as pages arrive), cut cells, long columns, safe text.
import { describe, expect, it } from "vitest";
import { operationsTable } from "../../generator/cli-app/table.js";
import type { CliOperation } from "../../generator/cli-app/types.js";

const TOKEN = "ya29.table-test-token";
const cells = (line: string) => line.trimEnd().split(/ {2,}/);

describe("operationsTable", () => {
  const running = {
    name: "projects/p/operations/A1",
    metadata: {
      state: "RUNNING",
      type: "EXPORT_IMAGE",
      description: "evil\u001b[2Jname\nsecond\u202E",
      progress: 0.426,
      createTime: "2026-01-02T03:04:05.678Z",
      startTime: "2026-01-02T03:04:06Z",
      updateTime: "2026-01-02T03:05:00Z",
      batchEecuUsageSeconds: 12.34,
      destinationUris: ["gs://bucket/out.tif", "gs://bucket/out-2.tif"],
    },
  } as CliOperation;
  const cancelled = {
    name: "projects/p/operations/B2",
    done: true,
    error: { code: 1, message: `cancelled by ${TOKEN}` },
    metadata: { description: "x".repeat(60) },
  };

  it.each([
    [
      "short",
      false,
      ["ID", "STATE", "TYPE", "DESCRIPTION", "PROGRESS", "CREATED"],
      ["A1", "RUNNING", "EXPORT_IMAGE", "evil [2Jname second", "42%", "2026-01-02T03:04:05Z"],
      ["B2", "CANCELLED", "-", `${"x".repeat(39)}…`, "-", "-"],
    ],
    [
      "long",
      true,
      [
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
      ],
      [
        "A1",
        "RUNNING",
        "EXPORT_IMAGE",
        "evil [2Jname second",
        "42%",
        "2026-01-02T03:04:05Z",
        "2026-01-02T03:04:06Z",
        "2026-01-02T03:05:00Z",
        "12.3",
        "gs://bucket/out.tif (+1)",
        "-",
      ],
      [
        "B2",
        "CANCELLED",
        "-",
        `${"x".repeat(39)}…`,
        "-",
        "-",
        "-",
        "-",
        "-",
        "-",
        "CANCELLED: cancelled by [redacted]",
      ],
    ],
  ])("%s", (_, long, header, first, second) => {
    const table = operationsTable(long, [TOKEN]);
    expect(cells(table.header)).toEqual(header);
    const rows = [table.row(running), table.row(cancelled)];
    expect(rows.map(cells)).toEqual([first, second]);
    for (const line of [table.header, ...rows]) {
      expect(line.endsWith("\n") && !line.slice(0, -1).includes("\n")).toBe(true);
      expect(line).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      expect(line).not.toContain(TOKEN);
    }
    // Every row's columns start where the header's do, without seeing the other rows first.
    const at = table.header.indexOf("STATE");
    for (const row of rows) expect(row.slice(at - 2, at)).toBe("  ");
  });

  it("keeps a task id longer than its column whole", () => {
    const id = "X".repeat(30);
    expect(cells(operationsTable(false).row({ name: `projects/p/operations/${id}` }))[0]).toBe(id);
  });
});
