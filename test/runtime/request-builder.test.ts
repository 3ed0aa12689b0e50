import { describe, expect, it } from "vitest";
import { createClient } from "../../generated/dist/v1/index.js";
import { requestBuilder } from "../../generator/runtime/request-builder.js";

const PATH = "/v1/projects/{projectsId}/operations/{operationsId}:cancel";
const HEADERS = { authorization: "Bearer t" };

describe("requestBuilder", () => {
  it.each([
    {
      given: "POST without a body: no body, no content-type, redirects refused",
      method: "POST" as const,
      options: { params: { path: { projectsId: "p", operationsId: "a/b" } }, headers: HEADERS },
      want: {
        url: "https://h/v1/projects/p/operations/a/b:cancel",
        init: { method: "POST", headers: HEADERS, signal: undefined, redirect: "manual" },
      },
    },
    {
      given: "POST with a body: JSON and its content-type",
      method: "POST" as const,
      options: { params: { path: { projectsId: "p", operationsId: "x" } }, headers: HEADERS, body: { timeout: "5s" } },
      want: {
        url: "https://h/v1/projects/p/operations/x:cancel",
        init: {
          method: "POST",
          headers: { ...HEADERS, "content-type": "application/json" },
          signal: undefined,
          redirect: "manual",
          body: '{"timeout":"5s"}',
        },
      },
    },
    {
      given: "GET with a query",
      method: "GET" as const,
      options: {
        params: { path: { projectsId: "p", operationsId: "x" } },
        querySerializer: (): string => "pageSize=5",
      },
      want: {
        url: "https://h/v1/projects/p/operations/x:cancel?pageSize=5",
        init: { method: "GET", headers: undefined, signal: undefined, redirect: "manual" },
      },
    },
    {
      given: "an empty query adds no ?",
      method: "DELETE" as const,
      options: { params: { path: { projectsId: "p", operationsId: "x" } }, querySerializer: (): string => "" },
      want: {
        url: "https://h/v1/projects/p/operations/x:cancel",
        init: { method: "DELETE", headers: undefined, signal: undefined, redirect: "manual" },
      },
    },
  ])("given $given", ({ method, options, want }) => {
    const build = requestBuilder("https://h");
    expect(build[method](PATH, options)).toEqual(want);
    // The split template is cached: a second call gives the same request.
    expect(build[method](PATH, options)).toEqual(want);
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
