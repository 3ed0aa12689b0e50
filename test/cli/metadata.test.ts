// metadataView: an operation's metadata, of whatever spec, read as the fields the CLI prints, each
// checked; anything of the wrong type is left out.
import { describe, expect, it } from "vitest";
import { metadataView } from "../../generator/cli-app/metadata.js";

describe("metadataView", () => {
  it.each([
    ["absent", undefined, {}],
    ["null", null, {}],
    ["a string", "RUNNING", {}],
    ["an array", [{ state: "RUNNING" }], {}],
    [
      "every field of Earth Engine's OperationMetadata",
      {
        state: "RUNNING",
        description: "d",
        type: "EXPORT_IMAGE",
        progress: 0.5,
        priority: 100,
        attempt: 2,
        createTime: "2026-01-01T00:00:00Z",
        startTime: "2026-01-01T00:00:01Z",
        updateTime: "2026-01-01T00:00:02Z",
        endTime: "2026-01-01T00:00:03Z",
        batchEecuUsageSeconds: 1.5,
        scriptUri: "https://s",
        destinationUris: ["gs://b/o"],
        stages: [{ displayName: "S" }],
        notifications: [{ severity: "WARNING" }],
      },
      {
        state: "RUNNING",
        description: "d",
        type: "EXPORT_IMAGE",
        progress: 0.5,
        priority: 100,
        attempt: 2,
        createTime: "2026-01-01T00:00:00Z",
        startTime: "2026-01-01T00:00:01Z",
        updateTime: "2026-01-01T00:00:02Z",
        endTime: "2026-01-01T00:00:03Z",
        batchEecuUsageSeconds: 1.5,
        scriptUri: "https://s",
        destinationUris: ["gs://b/o"],
        stages: [{ displayName: "S" }],
        notifications: [{ severity: "WARNING" }],
      },
    ],
    [
      "fields of the wrong type are left out",
      {
        state: 3,
        description: ["d"],
        progress: "50%",
        createTime: 0,
        batchEecuUsageSeconds: "1",
        destinationUris: "gs://b",
        stages: { displayName: "S" },
        notifications: "WARNING",
      },
      {},
    ],
    ["another service's fields are ignored", { state: "DONE", progressPercent: 50, labels: {} }, { state: "DONE" }],
    ["inherited fields are not read", Object.create({ state: "RUNNING" }), {}],
    [
      "a JSON __proto__ key is a plain own field",
      JSON.parse('{"__proto__": {"state": "X"}, "type": "T"}'),
      { type: "T" },
    ],
  ])("%s", (_, given, want) => {
    expect(metadataView(given)).toEqual(want);
  });
});
