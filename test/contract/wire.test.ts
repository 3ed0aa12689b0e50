// The exact bytes on the wire, per version, for ordinary, multi-segment and percent-encoded names.
import { ApiError, type ApiVersion, createEarthEngineClient, InvalidNameError } from "ee-operations-client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startRecordingServer } from "../helpers/recording-server.js";

const SCOPES = ["https://www.googleapis.com/auth/earthengine", "https://www.googleapis.com/auth/cloud-platform"];
// What undici adds to every request; anything else on the wire must come from the client.
const TRANSPORT_HEADERS = [
  "host",
  "connection",
  "accept",
  "accept-language",
  "sec-fetch-mode",
  "user-agent",
  "accept-encoding",
];
// What the client sends on every request to identify itself (user-agent is checked in test/client/headers).
const IDENTITY = { "x-goog-api-client": `ee-operations-client/0.1.0 gl-node/${process.versions.node}` };

let server: Awaited<ReturnType<typeof startRecordingServer>>;
beforeAll(async () => {
  server = await startRecordingServer((req) =>
    req.url?.includes(":wait") || (req.method === "GET" && !req.url?.endsWith("/operations") && !req.url?.includes("?"))
      ? { body: JSON.stringify({ name: "projects/p/operations/x", done: false }) }
      : req.url?.includes("/operations?") || req.url?.endsWith("/operations")
        ? { body: JSON.stringify({ operations: [] }) }
        : {},
  );
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

function client(version: ApiVersion, scopesSeen: (readonly string[])[] = []) {
  return createEarthEngineClient({
    version,
    baseUrl: server.url,
    accessToken: (scopes) => {
      scopesSeen.push(scopes);
      return "test-token";
    },
  });
}

function extraHeaders(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([k]) => !TRANSPORT_HEADERS.includes(k)));
}

describe.each(["v1alpha", "v1beta", "v1"] as const)("%s on the wire", (version) => {
  const names = [
    ["ordinary", "projects/my-project/operations/ABC123", `/${version}/projects/my-project/operations/ABC123`],
    ["multi-segment", "projects/p/operations/a/b/c", `/${version}/projects/p/operations/a/b/c`],
    [
      "percent-encoded",
      "projects/my project/operations/tâche ü!*'():$&+,;=@",
      `/${version}/projects/my%20project/operations/t%C3%A2che%20%C3%BC%21%2A%27%28%29%3A%24%26%2B%2C%3B%3D%40`,
    ],
  ] as const;

  it.each(names)("cancel, %s name: POST, no body, no content-type, bearer token", async (_, name, path) => {
    const scopes: (readonly string[])[] = [];
    await expect(client(version, scopes).projects.operations.cancel({ name })).resolves.toEqual({});
    expect(server.requests).toHaveLength(1);
    const [req] = server.requests;
    expect(req!.requestLine).toBe(`POST ${path}:cancel HTTP/1.1`);
    expect(extraHeaders(req!.headers)).toEqual({
      ...IDENTITY,
      authorization: "Bearer test-token",
      "content-length": "0",
    });
    expect(req!.body).toBe("");
    expect(scopes).toEqual([SCOPES]);
  });

  it("get, delete, list and wait send what the spec says", async () => {
    const ee = client(version);
    await ee.projects.operations.get({ name: "projects/p/operations/a/b" });
    await ee.projects.operations.delete({ name: "projects/p/operations/x" });
    await ee.projects.operations.list({
      name: "projects/p",
      filter: 'metadata.state = "RUNNING"',
      pageSize: 2,
      pageToken: "t/+=",
    });
    await ee.projects.operations.list({ name: "projects/p" });
    await ee.projects.operations.wait({ name: "projects/p/operations/x", body: { timeout: "3.5s" } });
    const lines = server.requests.map((r) => r.requestLine);
    expect(lines).toEqual([
      `GET /${version}/projects/p/operations/a/b HTTP/1.1`,
      `DELETE /${version}/projects/p/operations/x HTTP/1.1`,
      `GET /${version}/projects/p/operations?filter=metadata.state%20%3D%20%22RUNNING%22&pageSize=2&pageToken=t%2F%2B%3D HTTP/1.1`,
      `GET /${version}/projects/p/operations HTTP/1.1`,
      `POST /${version}/projects/p/operations/x:wait HTTP/1.1`,
    ]);
    for (const r of server.requests.slice(0, 4)) {
      expect(extraHeaders(r.headers)).toEqual({ ...IDENTITY, authorization: "Bearer test-token" });
      expect(r.body).toBe("");
    }
    const wait = server.requests[4]!;
    expect(extraHeaders(wait.headers)).toEqual({
      ...IDENTITY,
      authorization: "Bearer test-token",
      "content-type": "application/json",
      "content-length": "18",
    });
    expect(wait.body).toBe('{"timeout":"3.5s"}');
  });

  it("sends no Authorization header without accessToken", async () => {
    await createEarthEngineClient({ version, baseUrl: server.url }).projects.operations.cancel({
      name: "projects/p/operations/x",
    });
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  // googleapis-common 8.0.3 sent the first to /v1beta/projects/v1alpha/x:cancel and dropped :cancel from the
  // second; 9.3.1 refuses the first and still sends several others (test/google-clients/googleapis-common.test.ts).
  it.each([
    "projects/p/operations/../../v1alpha/x",
    "projects/p/operations/x?y#z",
    "projects/p/operations/%2E%2E",
    "projects/p/operations/a%2Fb",
    "projects/p/operations/",
    "projects/p/operations",
    "projects//operations/x",
    "projects/p/operations/a//b",
    "projects/p/operations/.",
    "projects/p/operations/a\\b",
    "projects/p/operations/a\nb",
    "projects/p/operations/   ",
    "Projects/p/operations/x",
    "projects/p/ops/x",
    "/projects/p/operations/x",
    "projects/p/operations/x\ud800",
    "",
  ])("rejects %j before any request", async (name) => {
    const error = await client(version)
      .projects.operations.cancel({ name })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidNameError);
    expect((error as InvalidNameError).message).toContain(`/${version}/{name=projects/*/operations/**}:cancel`);
    expect((error as InvalidNameError).template).toBe(`/${version}/{name=projects/*/operations/**}:cancel`);
    expect(server.requests).toHaveLength(0);
  });

  it("checks list's parent against projects/*", async () => {
    await expect(client(version).projects.operations.list({ name: "projects/p/x" })).rejects.toThrow(
      /expected projects\/\* \(from \/.+\/\{name=projects\/\*\}\/operations\)/,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("rejects a non-string name", async () => {
    await expect(client(version).projects.operations.get({ name: 42 as unknown as string })).rejects.toThrow(
      /expected a string, got number/,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe("errors", () => {
  it("a 501 from an unsupported cancel is ApiError code 12 UNIMPLEMENTED", async () => {
    const ee = createEarthEngineClient({
      version: "v1beta",
      fetch: async () =>
        new Response(
          JSON.stringify({
            error: {
              code: 501,
              message: "Operation cancellation is not supported.",
              status: "UNIMPLEMENTED",
              details: [{ "@type": "type.googleapis.com/google.rpc.DebugInfo", detail: "x" }],
            },
          }),
          {
            status: 501,
            headers: { "content-type": "application/json" },
          },
        ),
    });
    const error = (await ee.projects.operations
      .cancel({ name: "projects/p/operations/x" })
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect({
      httpStatus: error.httpStatus,
      code: error.code,
      status: error.status,
      message: error.message,
      details: error.details,
    }).toEqual({
      httpStatus: 501,
      code: 12,
      status: "UNIMPLEMENTED",
      message: "Operation cancellation is not supported.",
      details: [{ "@type": "type.googleapis.com/google.rpc.DebugInfo", detail: "x" }],
    });
  });

  it.each([
    [502, "<html><body>Bad Gateway</body></html>", 13, "INTERNAL"],
    [503, "", 14, "UNAVAILABLE"],
    [404, "not json", 5, "NOT_FOUND"],
    [429, '{"error": "rate"}', 8, "RESOURCE_EXHAUSTED"],
    [418, "{", 9, "FAILED_PRECONDITION"],
  ])("HTTP %i with a non-Google body still gives an ApiError", async (status, body, code, name) => {
    const ee = createEarthEngineClient({ version: "v1", fetch: async () => new Response(body, { status }) });
    const error = (await ee.projects.operations
      .get({ name: "projects/p/operations/x" })
      .catch((e: unknown) => e)) as ApiError;
    expect(error).toBeInstanceOf(ApiError);
    expect([error.httpStatus, error.code, error.status]).toEqual([status, code, name]);
    expect(error.message).toContain(`HTTP ${status}`);
    if (body) expect(error.message).toContain(body.slice(0, 10));
  });

  it("a custom fetch is called as fetch(url, init), like globalThis.fetch", async () => {
    const calls: unknown[][] = [];
    const ee = createEarthEngineClient({
      version: "v1",
      accessToken: () => "t",
      fetch: async (...args) => (calls.push(args), new Response("{}")),
    });
    await ee.projects.operations.cancel({ name: "projects/p/operations/a b" });
    expect(calls).toHaveLength(1);
    const [url, init] = calls[0] as [unknown, RequestInit];
    expect(url).toBe("https://earthengine.googleapis.com/v1/projects/p/operations/a%20b:cancel");
    expect(init.method).toBe("POST");
    expect(init.body).toBeUndefined();
    expect(new Headers(init.headers).get("authorization")).toBe("Bearer t");
    expect(init.signal).toBeInstanceOf(AbortSignal); // the default 120 s limit
  });

  it("an aborted signal rejects before any request", async () => {
    let calls = 0;
    const ee = createEarthEngineClient({ version: "v1", fetch: async () => (calls++, new Response("{}")) });
    await expect(
      ee.projects.operations.cancel({ name: "projects/p/operations/x" }, { signal: AbortSignal.abort() }),
    ).rejects.toThrow(/abort/i);
    expect(calls).toBe(0);
  });

  it("rejects an unknown version and a bad baseUrl at creation", () => {
    expect(() => createEarthEngineClient({ version: "v2" as "v1" })).toThrow(
      'version must be one of v1, v1alpha, v1beta; got "v2"',
    );
    expect(() => createEarthEngineClient({ version: "v1", baseUrl: "earthengine.googleapis.com" })).toThrow(
      /baseUrl must be an http\(s\) URL/,
    );
  });
});
