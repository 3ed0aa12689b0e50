// stageLine, notificationLine and listedRows: Earth Engine's stages and notifications as `get` prints
// them, each piece of server text one safe line, the token redacted, long lists capped.
import { describe, expect, it } from "vitest";
import { listedRows, MAX_LISTED, notificationLine, stageLine } from "../../generator/cli-app/task-details.js";

const TOKEN = "ya29.task-details-token";

describe("stageLine", () => {
  it.each([
    [
      "int64 total as a string",
      { displayName: "Create Local Files", completeWorkUnits: 3, totalWorkUnits: "10" },
      "Create Local Files: 3/10",
    ],
    ["both as numbers", { displayName: "Ingest", completeWorkUnits: 1, totalWorkUnits: 1 }, "Ingest: 1/1"],
    ["absent counts are proto3's default, 0", { displayName: "Start" }, "Start: 0/0"],
    ["the description when there is no display name", { description: "Writing", totalWorkUnits: 2 }, "Writing: 0/2"],
    ["neither", { completeWorkUnits: 1 }, "?: 1/0"],
    ["counts of the wrong type are ?", { displayName: "S", completeWorkUnits: -1, totalWorkUnits: "ten" }, "S: ?/?"],
    ["a fraction is no count", { displayName: "S", completeWorkUnits: 0.5, totalWorkUnits: "1.5" }, "S: ?/?"],
    [
      "controls, bidi and zero-width characters",
      { displayName: "Wri\u202Ete\n\u001b[2Jfiles\u200B", completeWorkUnits: 0, totalWorkUnits: "1" },
      "Write [2Jfiles: 0/1",
    ],
    ["the token redacted", { displayName: `for ${TOKEN}`, totalWorkUnits: "1" }, "for [redacted]: 0/1"],
    ["a display name of another type", { displayName: 7, description: "d" }, "d: 0/0"],
  ])("%s", (_, stage, want) => {
    expect(stageLine(stage, [TOKEN])).toBe(want);
  });
});

describe("notificationLine", () => {
  it.each([
    [
      "SEVERITY topic: detail",
      { severity: "WARNING", topic: "Export", detail: "Region is large." },
      "WARNING Export: Region is large.",
    ],
    ["no topic", { severity: "SEVERE", detail: "Failed." }, "SEVERE: Failed."],
    ["no detail", { severity: "WARNING", topic: "Export" }, "WARNING Export"],
    ["an absent severity is proto3's default", { topic: "T", detail: "d" }, "SEVERITY_UNSPECIFIED T: d"],
    ["a severity of the wrong type", { severity: 2, topic: "T" }, "? T"],
    [
      "server text made one safe line, the token redacted even when split",
      { severity: "SEV\u202EERE", topic: "Fail\nure", detail: `token ${TOKEN.slice(0, 4)}\u200B${TOKEN.slice(4)}` },
      "SEVERE Fail ure: token [redacted]",
    ],
    [
      "fields that are blank once cleaned are left out",
      { severity: "WARNING", topic: "\u200B", detail: "\n" },
      "WARNING",
    ],
  ])("%s", (_, notification, want) => {
    expect(notificationLine(notification, [TOKEN])).toBe(want);
  });
});

describe("listedRows", () => {
  const line = (entry: Record<string, unknown>) => String(entry.n);
  const entries = (count: number) => Array.from({ length: count }, (_, n) => ({ n }));
  it.each([
    ["absent", undefined, []],
    ["empty", [], []],
    ["entries that are not objects are skipped", [null, 3, "x", [1], { n: 1 }], [["k", "1"]]],
    ["exactly the cap", entries(MAX_LISTED), entries(MAX_LISTED).map(({ n }) => ["k", String(n)])],
    [
      "over the cap: the rest counted",
      entries(MAX_LISTED + 5),
      [...entries(MAX_LISTED).map(({ n }) => ["k", String(n)]), ["k", "… 5 more"]],
    ],
  ])("%s", (_, given, want) => {
    expect(listedRows("k", given, line)).toEqual(want);
  });

  it("caps at 20", () => {
    expect(MAX_LISTED).toBe(20);
  });
});
