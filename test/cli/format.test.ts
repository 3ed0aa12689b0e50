// The small renderers of format.ts: every piece of server text they print is one safe line.
import { describe, expect, it } from "vitest";
import {
  destinations,
  eecu,
  operationDetails,
  outcomeLine,
  percent,
  shortId,
  stateOf,
  statusText,
  time,
  truncate,
} from "../../generator/cli-app/format.js";

const TOKEN = "ya29.format-test-token";

describe("stateOf", () => {
  it.each([
    ["metadata.state", { metadata: { state: "RUNNING" } }, "RUNNING"],
    ["no state, not done", { done: false }, "UNKNOWN"],
    ["no state, done without error", { done: true }, "SUCCEEDED"],
    ["no state, done with code 1", { done: true, error: { code: 1 } }, "CANCELLED"],
    ["no state, done with another code", { done: true, error: { code: 13 } }, "FAILED"],
    ["a state with a bidi override", { metadata: { state: "RUN\u202ENING" } }, "RUNNING"],
  ])("%s", (_, op, want) => {
    expect(stateOf(op as never)).toBe(want);
  });
});

describe("small cells", () => {
  it.each([
    [shortId, "projects/p/operations/ABC", "ABC"],
    [shortId, "projects/p/operations/a/b", "a/b"],
    [shortId, undefined, "-"],
    [percent, 0.426, "42%"],
    [percent, 7, "100%"],
    [percent, -1, "0%"],
    [percent, Number.NaN, "-"],
    [percent, "0.5", "-"],
    [time, "2026-01-02T03:04:05.678Z", "2026-01-02T03:04:05Z"],
    [time, "2026-01-02T04:04:05+01:00", "2026-01-02T03:04:05Z"],
    [time, "not a time\u001b[2J", "not a time [2J"],
    [time, undefined, "-"],
    [eecu, 12.345, "12.3"],
    [eecu, -3, "-"],
    [eecu, undefined, "-"],
    [destinations, ["gs://b/x.tif"], "gs://b/x.tif"],
    [destinations, ["gs://b/x.tif", "gs://b/y.tif", "gs://b/z.tif"], "gs://b/x.tif (+2)"],
    [destinations, ["gs://b/\u202Ex"], "gs://b/x"],
    [destinations, [], "-"],
    [destinations, "gs://not-a-list", "-"],
    [(s: string) => truncate(s, 5), "abcdefgh", "abcd…"],
    [(s: string) => truncate(s, 5), "abcde", "abcde"],
    [(s: string) => truncate(s, 3), "🌊🌊🌊🌊", "🌊🌊…"],
  ] as [(v: never) => string, unknown, string][])("%o(%j) → %j", (fn, given, want) => {
    expect(fn(given as never)).toBe(want);
  });
});

describe("statusText", () => {
  it.each([
    [{ code: 13, message: "boom" }, [], "INTERNAL: boom"],
    [{ code: 1 }, [], "CANCELLED"],
    [{ code: 99, message: "x" }, [], "code 99: x"],
    [{ message: "no code" }, [], "UNKNOWN: no code"],
    [
      { code: 16, message: `invalid credentials ${TOKEN}\n\u202Eevil` },
      [TOKEN],
      "UNAUTHENTICATED: invalid credentials [redacted] evil",
    ],
    [undefined, [], ""],
  ])("%j", (error, secrets, want) => {
    expect(statusText(error, secrets)).toBe(want);
  });
});

describe("outcomeLine", () => {
  const name = "projects/p/operations/T";
  it.each([
    [{ name, done: true }, false, `${name}: SUCCEEDED`],
    [{ name, done: true }, true, `${name}: SUCCEEDED (finished before the cancel took effect)`],
    [{ name, done: true, error: { code: 1 } }, true, `${name}: CANCELLED`],
    [
      { name, done: true, error: { code: 9, message: `has ${TOKEN}` } },
      false,
      `${name}: FAILED: FAILED_PRECONDITION: has [redacted]`,
    ],
  ])("%j after cancel: %s", (op, afterCancel, want) => {
    expect(outcomeLine(name, op, afterCancel, [TOKEN])).toBe(want);
  });
});

describe("operationDetails", () => {
  it("prints known fields one per line, made safe, the token redacted from the error", () => {
    const text = operationDetails(
      {
        name: "projects/p/operations/T",
        done: true,
        error: { code: 7, message: `denied for ${TOKEN}` },
        metadata: {
          state: "FAILED",
          type: "EXPORT_IMAGE",
          description: "two\nlines\u2028here",
          destinationUris: ["gs://a/1", "gs://a/\u200B2"],
          batchEecuUsageSeconds: 4.5,
        },
      },
      [TOKEN],
    );
    expect(text).toBe(
      [
        "name:         projects/p/operations/T",
        "state:        FAILED",
        "done:         true",
        "type:         EXPORT_IMAGE",
        "description:  two lines here",
        "eecu-seconds: 4.5",
        "destinations: gs://a/1, gs://a/2",
        "error:        PERMISSION_DENIED: denied for [redacted]",
        "",
      ].join("\n"),
    );
  });
});

describe("operationDetails: stages and notifications", () => {
  const name = "projects/p/operations/T";
  it("prints one stage line and one notification line each, after the other fields, made safe", () => {
    const text = operationDetails(
      {
        name,
        done: true,
        error: { code: 13, message: "boom" },
        metadata: {
          state: "FAILED",
          stages: [
            { displayName: "Create Local Files", completeWorkUnits: 10, totalWorkUnits: "10" },
            "not a stage",
            { displayName: "Write\u202E Files", totalWorkUnits: "1" },
          ],
          notifications: [
            { severity: "WARNING", topic: "Export", detail: `split\nin two for ${TOKEN}` },
            { severity: "SEVERE", topic: "Failure", detail: "boom" },
          ],
        },
      },
      [TOKEN],
    );
    expect(text).toBe(
      [
        `name:         ${name}`,
        "state:        FAILED",
        "done:         true",
        "error:        INTERNAL: boom",
        "stage:        Create Local Files: 10/10",
        "stage:        Write Files: 0/1",
        "notification: WARNING Export: split in two for [redacted]",
        "notification: SEVERE Failure: boom",
        "",
      ].join("\n"),
    );
  });

  it("caps each list at 20 lines and counts the rest", () => {
    const stages = Array.from({ length: 25 }, (_, i) => ({ displayName: `S${i}`, totalWorkUnits: "1" }));
    const notifications = Array.from({ length: 21 }, (_, i) => ({ severity: "WARNING", detail: `n${i}` }));
    const lines = operationDetails({ name, metadata: { stages, notifications } }).split("\n");
    const stageLines = lines.filter((l) => l.startsWith("stage:"));
    const notificationLines = lines.filter((l) => l.startsWith("notification:"));
    expect(stageLines).toHaveLength(21);
    expect(stageLines.at(-2)).toBe("stage:        S19: 0/1");
    expect(stageLines.at(-1)).toBe("stage:        … 5 more");
    expect(notificationLines).toHaveLength(21);
    expect(notificationLines.at(-1)).toBe("notification: … 1 more");
  });

  it("prints neither when the metadata has none, or lists of another type", () => {
    for (const metadata of [
      {},
      { stages: "S", notifications: { severity: "SEVERE" } },
      { stages: [], notifications: [] },
    ])
      expect(operationDetails({ name, metadata })).not.toMatch(/stage|notification/);
  });
});
