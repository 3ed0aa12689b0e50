// returnPartialSuccess on list: validated in v1alpha (UNIMPLEMENTED for this API's single-collection
// parents), an ignored unknown parameter in v1 and v1beta.

import { describe, expect, it } from "vitest";
import { checkReturnPartialSuccess } from "../../emulator/partial-success.js";
import { call, useEmulators } from "./harness.js";

const emulators = useEmulators();

describe("checkReturnPartialSuccess", () => {
  it.each([
    ["v1alpha", null, undefined],
    ["v1alpha", "false", undefined],
    ["v1alpha", "true", "UNIMPLEMENTED"],
    ["v1alpha", "yes", "INVALID_ARGUMENT"],
    ["v1alpha", "", "INVALID_ARGUMENT"],
    ["v1", "true", undefined],
    ["v1beta", "yes", undefined],
  ] as const)("%s returnPartialSuccess=%j → %s", (version, raw, code) => {
    const run = (): void => checkReturnPartialSuccess(version, "p", raw);
    if (code === undefined) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code }));
  });
});

describe("list with returnPartialSuccess", () => {
  it("v1alpha: false lists as usual with no unreachable key; true answers 501 UNIMPLEMENTED", async () => {
    const emu = await emulators.start();
    emu.seed({ project: "p", id: "a" });
    const plain = await call(emu, "GET", "/v1alpha/projects/p/operations");
    const off = await call(emu, "GET", "/v1alpha/projects/p/operations?returnPartialSuccess=false");
    expect(off.status).toBe(200);
    expect(off.json).toEqual(plain.json);
    expect(off.json.unreachable).toBeUndefined();

    const on = await call(emu, "GET", "/v1alpha/projects/p/operations?returnPartialSuccess=true");
    expect(on.status).toBe(501);
    expect(on.json.error).toMatchObject({ code: 501, status: "UNIMPLEMENTED" });
    expect(on.json.error.message).toMatch(/across collections/);

    const bad = await call(emu, "GET", "/v1alpha/projects/p/operations?returnPartialSuccess=1");
    expect(bad.json.error).toMatchObject({ code: 400, status: "INVALID_ARGUMENT" });
  });

  it.each(["v1", "v1beta"])("%s ignores it like any unknown parameter", async (version) => {
    const emu = await emulators.start();
    emu.seed({ project: "p", id: "a" });
    const plain = await call(emu, "GET", `/${version}/projects/p/operations`);
    for (const value of ["true", "nonsense"]) {
      const res = await call(emu, "GET", `/${version}/projects/p/operations?returnPartialSuccess=${value}&someOther=1`);
      expect(res).toMatchObject({ status: 200, json: plain.json });
    }
  });
});
