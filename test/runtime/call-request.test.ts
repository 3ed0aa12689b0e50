// What `call` hands to fetch: the URL built from the method's metadata and the request, and the init.
import { describe, expect, it } from "vitest";
import { createClient } from "../../generated/dist/v1/index.js";

function recording() {
  const sent: { url: string; init: RequestInit }[] = [];
  const ee = createClient({
    baseUrl: "https://h/",
    accessToken: () => "t",
    fetch: async (url, init) => {
      sent.push({ url: String(url), init: init! });
      return new Response(JSON.stringify({ name: "projects/p/operations/x" }));
    },
  });
  return { ee, sent };
}

const HEADERS = expect.objectContaining({ authorization: "Bearer t" });

describe("call builds the request from the metadata", () => {
  it.each([
    {
      given: "POST without a body: no body, no content-type, redirects refused",
      run: (ee: ReturnType<typeof createClient>) =>
        ee.projects.operations.cancel({ name: "projects/p/operations/a/b" }),
      want: { url: "https://h/v1/projects/p/operations/a/b:cancel", method: "POST", body: undefined },
    },
    {
      given: "POST with a body: JSON and its content-type",
      run: (ee: ReturnType<typeof createClient>) =>
        ee.projects.operations.wait({ name: "projects/p/operations/x", body: { timeout: "5s" } }),
      want: { url: "https://h/v1/projects/p/operations/x:wait", method: "POST", body: '{"timeout":"5s"}' },
    },
    {
      given: "GET with a query",
      run: (ee: ReturnType<typeof createClient>) => ee.projects.operations.list({ name: "projects/p", pageSize: 5 }),
      want: { url: "https://h/v1/projects/p/operations?pageSize=5", method: "GET", body: undefined },
    },
    {
      given: "no query parameter set: no ?",
      run: (ee: ReturnType<typeof createClient>) => ee.projects.operations.list({ name: "projects/p" }),
      want: { url: "https://h/v1/projects/p/operations", method: "GET", body: undefined },
    },
    {
      given: "DELETE, the name percent-encoded",
      run: (ee: ReturnType<typeof createClient>) =>
        ee.projects.operations.delete({ name: "projects/p/operations/a b" }),
      want: { url: "https://h/v1/projects/p/operations/a%20b", method: "DELETE", body: undefined },
    },
  ])("given $given", async ({ run, want }) => {
    const { ee, sent } = recording();
    await run(ee);
    expect(sent).toHaveLength(1);
    const [{ url, init }] = sent as [{ url: string; init: RequestInit }];
    expect(url).toBe(want.url);
    expect(init).toMatchObject({ method: want.method, redirect: "manual", headers: HEADERS });
    expect(init.body).toBe(want.body);
    const contentType = (init.headers as Record<string, string>)["content-type"];
    expect(contentType).toBe(want.body === undefined ? undefined : "application/json");
  });

  it("a request that is not an object rejects with a TypeError naming the method, nothing asked or sent", async () => {
    let asked = 0;
    const ee = createClient({
      accessToken: () => {
        asked++;
        return "t";
      },
      fetch: async () => {
        asked++;
        return new Response("{}");
      },
    });
    const ops = ee.projects.operations as unknown as Record<string, (request: unknown) => Promise<unknown>>;
    for (const [method, request] of [
      ["cancel", undefined],
      ["wait", null],
      ["list", "projects/p"],
      ["get", 42],
    ] as const) {
      await expect(ops[method]!(request)).rejects.toThrow(
        new TypeError(`earthengine.projects.operations.${method}: the request must be an object`),
      );
    }
    expect(asked).toBe(0);
  });

  it("a bad name or query value rejects before the token provider or fetch is asked", async () => {
    let asked = 0;
    const ee = createClient({
      accessToken: () => {
        asked++;
        return "t";
      },
      fetch: async () => {
        asked++;
        return new Response("{}");
      },
    });
    await expect(ee.projects.operations.get({ name: "projects/p/operations/../x" })).rejects.toThrow(/dot segments/);
    await expect(ee.projects.operations.list({ name: "projects/p", pageSize: "5" as never })).rejects.toThrow(
      /must be an integer/,
    );
    expect(asked).toBe(0);
  });

  it.each([
    { given: "a BigInt", body: { timeout: 1n } },
    { given: "a cycle", body: (() => ({ self: {} as object }))() },
  ])("a body with $given is a TypeError at once, nothing sent and no retry", async ({ body }) => {
    if ("self" in body) body.self = body;
    let sent = 0;
    const ee = createClient({
      fetch: async () => {
        sent++;
        return new Response("{}");
      },
      accessToken: () => "t",
    });
    const wait = ee.projects.operations.wait({ name: "projects/p/operations/x", body: body as never });
    await expect(wait).rejects.toThrow(TypeError);
    await expect(wait).rejects.not.toHaveProperty("name", "NetworkError");
    expect(sent).toBe(0);
  });
});
