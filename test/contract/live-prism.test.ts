// Live contract: the generated client against Prism mocking each version's spec. Prism validates every
// request (--errors turns a violation into an error response) and answers from the spec's schemas.
import { ApiError, createEarthEngineClient } from "ee-operations-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Prism, startPrism } from "../helpers/prism.js";

const versions = ["v1alpha", "v1beta", "v1"] as const;
const prisms = new Map<string, Prism>();

beforeAll(async () => {
  const started = await Promise.allSettled(
    versions.map(async (v) => prisms.set(v, await startPrism(`spec/${v}.yaml`))),
  );
  const failed = started.find((s) => s.status === "rejected");
  if (failed) throw (failed as PromiseRejectedResult).reason;
}, 90_000);
afterAll(async () => {
  await Promise.all([...prisms.values()].map((p) => p.stop()));
});

describe.each(versions)("%s against Prism", (version) => {
  function client() {
    const responses: Response[] = [];
    const ee = createEarthEngineClient({
      version,
      baseUrl: prisms.get(version)!.url,
      accessToken: () => "test-token",
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        responses.push(response);
        return response;
      },
    });
    return { ee, responses };
  }

  function expectNoViolations(responses: Response[]) {
    expect(responses.length).toBeGreaterThan(0);
    for (const r of responses) {
      expect(r.headers.get("sl-violations"), `violations on ${r.url}`).toBeNull();
      expect(r.status, r.url).toBe(200);
    }
  }

  it("every method passes Prism's validation", async () => {
    const { ee, responses } = client();
    await expect(ee.projects.operations.cancel({ name: "projects/my-project/operations/ABC123" })).resolves.toEqual({});
    await expect(ee.projects.operations.cancel({ name: "projects/my project/operations/a b+c" })).resolves.toEqual({});
    const op = await ee.projects.operations.get({ name: "projects/my-project/operations/ABC123" });
    expect(typeof op.done).toBe("boolean");
    const page = await ee.projects.operations.list({
      name: "projects/my-project",
      filter: "done = false",
      pageSize: 3,
      pageToken: "abc",
    });
    expect(Array.isArray(page.operations)).toBe(true);
    await ee.projects.operations.list({ name: "projects/my-project" });
    await expect(ee.projects.operations.delete({ name: "projects/my-project/operations/ABC123" })).resolves.toEqual({});
    const waited = await ee.projects.operations.wait({
      name: "projects/my-project/operations/ABC123",
      body: { timeout: "3.5s" },
    });
    expect(typeof waited.done).toBe("boolean");
    expectNoViolations(responses);
  });

  // These show that the Prism check can fail: requests the client never sends are refused.
  it("Prism refuses a JSON body on cancel, a request without a token, and a malformed Duration", async () => {
    const base = `${prisms.get(version)!.url}/${version}/projects/p/operations/x`;
    const withBody = await fetch(`${base}:cancel`, {
      method: "POST",
      headers: { authorization: "Bearer t", "content-type": "application/json" },
      body: "{}",
    });
    expect(withBody.status).toBe(415);
    const noToken = await fetch(`${base}:cancel`, { method: "POST" });
    expect(noToken.status).toBe(401);
    const { ee } = client();
    const error = await ee.projects.operations
      .wait({ name: "projects/p/operations/x", body: { timeout: "3.5" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).httpStatus).toBe(422);
  });
});
