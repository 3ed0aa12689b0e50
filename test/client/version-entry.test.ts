// The per-version entry point: createClient is the methods alone (so a cancel-only app bundles no helper,
// bench figure 6), createClientWithHelpers adds the helpers the root createClient returns.
import { createEarthEngineClient } from "ee-operations-client";
import { createClient, createClientWithHelpers } from "ee-operations-client/v1";
import { describe, expect, it } from "vitest";
import { useRecordingServer } from "../helpers/recording-server.js";

const HELPERS = ["waitForOperation", "cancelAndWait", "listOperations", "cancelMany", "getMany"];
const server = useRecordingServer(() => ({ body: JSON.stringify({ name: "projects/p/operations/x", done: true }) }));

describe("ee-operations-client/v1", () => {
  it("createClient returns the version's methods and no helper", async () => {
    const ee = createClient({ baseUrl: server.url, project: "my-project" });
    expect(Object.keys(ee)).toEqual(["projects"]);
    for (const name of HELPERS) expect(name in ee).toBe(false);
    await ee.projects.operations.cancel({ name: "projects/p/operations/x" });
    expect(server.requests.at(-1)!.headers["x-goog-user-project"]).toBe("my-project");
  });

  it("createClientWithHelpers has the same keys as the root client of v1", async () => {
    const ee = createClientWithHelpers({ baseUrl: server.url, project: "my-project" });
    const root = createEarthEngineClient({ version: "v1", baseUrl: server.url });
    expect(Object.keys(ee).sort()).toEqual(Object.keys(root).sort());
    for (const name of HELPERS) expect(typeof (ee as unknown as Record<string, unknown>)[name]).toBe("function");
    const op = await ee.waitForOperation("x");
    expect(op.name).toBe("projects/p/operations/x");
    expect(server.requests.at(-1)!.requestLine).toContain("/v1/projects/my-project/operations/x");
  });

  it("createClient checks its options like the root client", () => {
    expect(() => createClient({ baseUrl: "ftp://x" })).toThrow(TypeError);
    // Options that are not an object are refused, not spread into defaults.
    for (const options of [null, "https://x", 42])
      expect(() => createClient(options as never)).toThrow(new TypeError("options must be an object"));
    expect(() => createClientWithHelpers(null as never)).toThrow(/options must be an object/);
  });
});
