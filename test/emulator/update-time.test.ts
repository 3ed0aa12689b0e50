// metadata.updateTime follows every change of the metadata (progress, EECU-seconds, stages, state), as
// Earth Engine's does; createTime and startTime stay put.

import { describe, expect, it } from "vitest";
import { type OperationRecord, renderOperation, requestCancel, snapshot } from "../../emulator/lifecycle.js";
import { get, iso, T0, useEmulators, VERSIONS } from "./harness.js";

const emulators = useEmulators();

function record(over: Partial<OperationRecord> = {}): OperationRecord {
  return {
    name: "projects/p/operations/X",
    project: "p",
    type: "EXPORT_IMAGE",
    description: "",
    createMs: T0,
    startMs: T0 + 1_000,
    endMs: T0 + 5_000,
    outcome: "SUCCEEDED",
    cancelMs: 300,
    destinationUris: [],
    ...over,
  };
}

describe("snapshot().updateMs", () => {
  it.each([
    { at: 0, cancelAt: undefined, want: 0 }, // PENDING: nothing changes until it starts
    { at: 999, cancelAt: undefined, want: 0 },
    { at: 1_000, cancelAt: undefined, want: 1_000 },
    { at: 2_500, cancelAt: undefined, want: 2_500 }, // RUNNING: changes at every instant
    { at: 4_999, cancelAt: undefined, want: 4_999 },
    { at: 5_000, cancelAt: undefined, want: 5_000 }, // SUCCEEDED
    { at: 90_000, cancelAt: undefined, want: 5_000 },
    { at: 2_200, cancelAt: 2_000, want: 2_000 }, // CANCELLING: progress frozen at the request
    { at: 2_300, cancelAt: 2_000, want: 2_300 }, // CANCELLED
    { at: 9_000, cancelAt: 2_000, want: 2_300 },
    { at: 600, cancelAt: 500, want: 500 }, // cancelled while PENDING
  ])("at +$at ms (cancel at $cancelAt) → +$want ms", ({ at, cancelAt, want }) => {
    const rec = record();
    if (cancelAt !== undefined) expect(requestCancel(rec, T0 + cancelAt)).toBe(true);
    expect(snapshot(rec, T0 + at).updateMs).toBe(T0 + want);
  });

  it("runs until cancelled (runMs Infinity) with an updateTime that keeps moving", () => {
    const rec = record({ endMs: Number.POSITIVE_INFINITY });
    expect(snapshot(rec, T0 + 3_600_000).updateMs).toBe(T0 + 3_600_000);
  });

  it("changes exactly when the rest of the metadata does", () => {
    const rec = record();
    requestCancel(rec, T0 + 3_000);
    const without = (t: number) => {
      const { updateTime, ...rest } = renderOperation(rec, "v1", t).metadata as Record<string, unknown>;
      return { updateTime, rest: JSON.stringify(rest) };
    };
    let before = without(T0);
    for (let t = T0 + 250; t <= T0 + 4_000; t += 250) {
      const now = without(t);
      expect({ t: t - T0, moved: now.updateTime !== before.updateTime }).toEqual({
        t: t - T0,
        moved: now.rest !== before.rest,
      });
      // It names the instant of the change, which lies after the previous sample.
      const at = Date.parse(String(now.updateTime));
      if (now.rest !== before.rest) expect(at > t - 250 && at <= t).toBe(true);
      before = now;
    }
  });
});

describe.each(VERSIONS)("updateTime over HTTP (%s)", (version) => {
  it("moves while an operation runs; createTime and startTime do not", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p", runMs: 10_000 });
    const seen = [];
    for (let i = 0; i < 3; i++) {
      emu.advance(2_000);
      seen.push((await get(emu, version, name)).json.metadata);
    }
    expect(seen.map((m) => [m.state, m.createTime, m.startTime, m.updateTime])).toEqual([
      ["RUNNING", iso(0), iso(0), iso(2_000)],
      ["RUNNING", iso(0), iso(0), iso(4_000)],
      ["RUNNING", iso(0), iso(0), iso(6_000)],
    ]);
  });
});
