// Issue 13, projects and headers: what every request carries, and options refused at creation.
import { createEarthEngineClient } from "ee-operations-client";
import { describe, expect, it } from "vitest";
import { operationHelpers } from "../../generated/dist/runtime/operation-helpers.js";
import { createTransport } from "../../generated/dist/runtime/transport.js";
import { createV1, methods } from "../../generated/dist/v1/index.js";
import { useRecordingServer } from "../helpers/recording-server.js";

const LIB = "ee-operations-client/0.1.0";
const server = useRecordingServer((req) =>
  req.url?.includes(":wait") ? { body: JSON.stringify({ name: "projects/x/operations/y", done: true }) } : {},
);

const NAME = { name: "projects/p/operations/x" };

describe("every request identifies the library", () => {
  it("x-goog-api-client and user-agent, no x-goog-user-project for the legacy default", async () => {
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url });
    await ee.projects.operations.cancel(NAME);
    const { headers } = server.requests[0]!;
    expect(headers["x-goog-api-client"]).toBe(`${LIB} gl-node/${process.versions.node}`);
    expect(headers["user-agent"]).toBe(LIB);
    expect(headers["x-goog-user-project"]).toBeUndefined();
  });

  it("project, headers and userAgent options", async () => {
    const ee = createEarthEngineClient({
      version: "v1",
      baseUrl: server.url,
      project: "my-project",
      headers: { "X-Request-Reason": "cleanup" },
      userAgent: "my-app/1.2",
      accessToken: () => "t",
    });
    await ee.projects.operations.get(NAME);
    await ee.projects.operations.list({ name: "projects/p" });
    for (const { headers } of server.requests) {
      expect(headers).toMatchObject({
        "x-goog-user-project": "my-project",
        "x-request-reason": "cleanup",
        "user-agent": `my-app/1.2 ${LIB}`,
        authorization: "Bearer t",
      });
    }
  });

  it("a quota project from the token provider, unless a project is set", async () => {
    const provider = Object.assign(() => "t", { quotaProject: async () => "from-credentials" });
    await createEarthEngineClient({
      version: "v1",
      baseUrl: server.url,
      accessToken: provider,
    }).projects.operations.cancel(NAME);
    await createEarthEngineClient({
      version: "v1",
      baseUrl: server.url,
      accessToken: provider,
      project: "explicit",
    }).projects.operations.cancel(NAME);
    expect(server.requests.map((r) => r.headers["x-goog-user-project"])).toEqual(["from-credentials", "explicit"]);
  });

  it("a quotaProject that never answers is bounded by timeoutMs", async () => {
    const provider = Object.assign(() => "t", { quotaProject: () => new Promise<string>(() => {}) });
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url, accessToken: provider });
    await expect(ee.projects.operations.cancel(NAME, { timeoutMs: 100 })).rejects.toMatchObject({
      name: "TimeoutError",
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe("options refused at creation, values never echoed", () => {
  const SECRET = "hunter2-secret";
  it.each<Record<string, unknown>>([
    { headers: { Authorization: `Bearer ${SECRET}` } },
    { headers: { "x-a": `${SECRET}\r\nInjected: 1` } },
    { headers: { "bad name": SECRET } },
    { userAgent: `x\n${SECRET}` },
    { project: "a/b" },
    { project: "" },
  ])("%j → TypeError", (options) => {
    let error: Error | undefined;
    try {
      createEarthEngineClient({ version: "v1", baseUrl: server.url, ...(options as object) });
    } catch (e) {
      error = e as Error;
    }
    expect(error).toBeInstanceOf(TypeError);
    expect(`${error!.message}${error!.stack}`).not.toContain(SECRET);
    expect(server.requests).toHaveLength(0);
  });
});

describe("helpers and the transport's project", () => {
  it("bare task ids resolve against `project`", async () => {
    const transport = createTransport({ baseUrl: server.url, project: "my-project" });
    expect(transport.project).toBe("my-project");
    expect(transport.baseUrl).toBe(server.url);
    expect(transport.maxResponseBytes).toBe(32 * 1024 * 1024);
    const api = createV1(transport);
    const ee = operationHelpers(api.projects.operations, transport, {
      cancel: methods["projects.operations.cancel"],
      get: methods["projects.operations.get"],
    });
    await ee.waitForOperation("ABC123");
    expect(server.requests[0]!.requestLine).toBe("POST /v1/projects/my-project/operations/ABC123:wait HTTP/1.1");
  });

  it("headersFor returns every header a request carries, bounded by the signal", async () => {
    const transport = createTransport({ project: "p1", accessToken: () => "tok", headers: { "x-extra": "1" } });
    const headers = await transport.headersFor(methods["projects.operations.cancel"]);
    expect(headers).toEqual({
      authorization: "Bearer tok",
      "x-goog-user-project": "p1",
      "x-goog-api-client": `${LIB} gl-node/${process.versions.node}`,
      "user-agent": LIB,
      "x-extra": "1",
    });
    const hanging = createTransport({ accessToken: () => new Promise<string>(() => {}) });
    await expect(
      hanging.headersFor(methods["projects.operations.cancel"], AbortSignal.abort(new Error("stop"))),
    ).rejects.toThrow("stop");
  });
});
