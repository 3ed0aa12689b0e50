// Task metadata defaults and stage progress, as pure functions.

import { describe, expect, it } from "vitest";
import { defaultDestinationUris, defaultScriptUri, renderStages } from "../../emulator/metadata.js";

const NAME = "projects/p/operations/TASK1";

describe("defaultScriptUri", () => {
  it.each([
    ["EXPORT_IMAGE", /^https:\/\/code\.earthengine\.google\.com\/[0-9a-f]{32}$/],
    ["EXPORT_TABLE", /^https:\/\/code\.earthengine\.google\.com\/[0-9a-f]{32}$/],
    ["INGEST_IMAGE", undefined],
    ["OTHER", undefined],
  ])("%s → %s", (type, want) => {
    const uri = defaultScriptUri(NAME, type);
    if (want === undefined) expect(uri).toBeUndefined();
    else expect(uri).toMatch(want);
  });
  it("is stable for a name", () => {
    expect(defaultScriptUri(NAME, "EXPORT_IMAGE")).toBe(defaultScriptUri(NAME, "EXPORT_IMAGE"));
  });
});

describe("defaultDestinationUris", () => {
  it.each([
    ["EXPORT_IMAGE", /^https:\/\/drive\.google\.com\/#folders\/[0-9a-f]{33}$/],
    ["EXPORT_VIDEO", /^https:\/\/drive\.google\.com\//],
    ["EXPORT_TABLE", /^https:\/\/console\.developers\.google\.com\/storage\/browser\/ee-exports\/TASK1\/$/],
    ["EXPORT_MAP", /storage\/browser\/ee-exports\/TASK1\/$/],
    ["INGEST_TABLE", /^https:\/\/code\.earthengine\.google\.com\/\?asset=projects\/p\/assets\/TASK1$/],
  ])("%s → %s", (type, want) => {
    const uris = defaultDestinationUris(NAME, "p", type);
    expect(uris).toHaveLength(1);
    expect(uris[0]).toMatch(want);
  });
  it("is empty for other types", () => {
    expect(defaultDestinationUris(NAME, "p", "OTHER")).toEqual([]);
  });
});

describe("renderStages", () => {
  it.each([
    [0, [0, 0]],
    [0.4, [5, 0]],
    [0.79, [9, 0]],
    [0.8, [10, 0]],
    [0.99, [10, 0]],
    [1, [10, 1]],
  ])("progress %d → complete units %j", (progress, [first, second]) => {
    const stages = renderStages("EXPORT_IMAGE", progress);
    expect(stages).toEqual([
      expect.objectContaining({ displayName: "Create Local Files", completeWorkUnits: first, totalWorkUnits: "10" }),
      expect.objectContaining({
        displayName: "Write Files to Destination",
        completeWorkUnits: second,
        totalWorkUnits: "1",
      }),
    ]);
  });
  it("names ingestion stages differently", () => {
    expect(renderStages("INGEST_IMAGE", 0).map((s) => s.displayName)).toEqual(["Ingest Files", "Create Asset"]);
  });
});
