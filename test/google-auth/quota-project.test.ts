// fromGoogleAuth exposes the credentials' quota project (ADC's quota_project_id); the client sends it as
// x-goog-user-project when no `project` is set, and a set project wins.
import { createEarthEngineClient } from "ee-operations-client";
import { type AccessTokenClient, fromGoogleAuth } from "ee-operations-client/google-auth";
import { describe, expect, it } from "vitest";
import { useRecordingServer } from "../helpers/recording-server.js";

const EE = "https://www.googleapis.com/auth/earthengine";
const server = useRecordingServer();

function auth(quotaProjectId: string | null | undefined) {
  const client: AccessTokenClient = {
    quotaProjectId,
    credentials: { expiry_date: Date.now() + 3_600_000 },
    getAccessToken: async () => ({ token: "tok" }),
  };
  return { getClient: async () => client };
}

const NAME = { name: "projects/p/operations/x" };

describe("quota project", () => {
  it("is learnt with the token and exposed by the provider", async () => {
    const provider = fromGoogleAuth(auth("billing-project"));
    expect(await provider.quotaProject?.()).toBeUndefined();
    await provider([EE]);
    expect(await provider.quotaProject?.()).toBe("billing-project");
  });

  it("is sent as x-goog-user-project when the client has no project", async () => {
    const ee = createEarthEngineClient({
      version: "v1",
      baseUrl: server.url,
      accessToken: fromGoogleAuth(auth("qp-1")),
    });
    await ee.projects.operations.cancel(NAME);
    await ee.projects.operations.cancel(NAME); // cached token: still sent
    expect(server.requests.map((r) => r.headers["x-goog-user-project"])).toEqual(["qp-1", "qp-1"]);
  });

  it("a set project wins; credentials without one send none", async () => {
    const withProject = createEarthEngineClient({
      version: "v1",
      baseUrl: server.url,
      project: "mine",
      accessToken: fromGoogleAuth(auth("qp-1")),
    });
    await withProject.projects.operations.cancel(NAME);
    const without = createEarthEngineClient({
      version: "v1",
      baseUrl: server.url,
      accessToken: fromGoogleAuth(auth(null)),
    });
    await without.projects.operations.cancel(NAME);
    expect(server.requests.map((r) => r.headers["x-goog-user-project"])).toEqual(["mine", undefined]);
  });

  it("a quota project that would break the header is refused without a request", async () => {
    const ee = createEarthEngineClient({
      version: "v1",
      baseUrl: server.url,
      accessToken: fromGoogleAuth(auth("bad\r\nx-evil: 1")),
    });
    await expect(ee.projects.operations.cancel(NAME)).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(0);
  });
});
