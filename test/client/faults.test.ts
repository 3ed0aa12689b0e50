// Transport faults against scripted loopback servers: every failure typed, bounded, and token-free.
import { inspect } from "node:util";
import { ApiError, createEarthEngineClient, NetworkError, TimeoutError } from "ee-operations-client";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { googleError, startScriptedServer } from "../helpers/scripted-server.js";

const TOKEN = "ya29.SECRET-token-value-0123456789";
const NAME = { name: "projects/p/operations/x" };
const produced: unknown[] = [];
let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

async function serve(handle: Parameters<typeof startScriptedServer>[0]) {
  const server = await startScriptedServer(handle);
  close = server.close;
  const ee = createEarthEngineClient({
    version: "v1",
    baseUrl: server.url,
    accessToken: () => TOKEN,
    retry: { retries: 3, minDelayMs: 5, maxDelayMs: 50 },
  });
  return { server, ee };
}

async function failure(promise: Promise<unknown>): Promise<any> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  produced.push(error);
  return error;
}

describe("retries", () => {
  it("503 with Retry-After (seconds), then success: waits as told and succeeds", async () => {
    const { server } = await serve((_, res, n) => {
      if (n === 0) res.writeHead(503, { "retry-after": "1" }).end(googleError(503, "UNAVAILABLE", "try later"));
      else res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url, retry: { maxDelayMs: 5000 } });
    const started = Date.now();
    await expect(ee.projects.operations.cancel(NAME)).resolves.toEqual({});
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(server.count).toBe(2);
  });

  it("Retry-After as an HTTP-date, capped by maxDelayMs", async () => {
    const { server, ee } = await serve((_, res, n) => {
      if (n === 0) res.writeHead(503, { "retry-after": new Date(Date.now() + 60_000).toUTCString() }).end("");
      else res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    const started = Date.now();
    await expect(ee.projects.operations.delete(NAME)).resolves.toEqual({});
    expect(Date.now() - started).toBeLessThan(1000); // capped at 50 ms, not 60 s
    expect(server.count).toBe(2);
  });

  it("a 429 storm longer than the budget ends in ApiError RESOURCE_EXHAUSTED after retries + 1 attempts", async () => {
    const { server, ee } = await serve((_, res) =>
      res.writeHead(429).end(googleError(429, "RESOURCE_EXHAUSTED", "quota")),
    );
    const error = await failure(ee.projects.operations.get(NAME));
    expect(error).toBeInstanceOf(ApiError);
    expect([error.httpStatus, error.code, error.status, error.message]).toEqual([
      429,
      8,
      "RESOURCE_EXHAUSTED",
      "quota",
    ]);
    expect(server.count).toBe(4);
  });

  it.each([400, 401, 403, 404, 409, 500, 501])("HTTP %i is never retried", async (status) => {
    const { server, ee } = await serve((_, res) => res.writeHead(status).end(googleError(status, "X", "no")));
    expect(await failure(ee.projects.operations.cancel(NAME))).toBeInstanceOf(ApiError);
    expect(server.count).toBe(1);
  });

  it("500 with a google.rpc.Status carrying details surfaces them", async () => {
    const details = [
      { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "BACKEND", domain: "earthengine.googleapis.com" },
    ];
    const { ee } = await serve((_, res) =>
      res.writeHead(500).end(googleError(500, "INTERNAL", "backend error", details)),
    );
    const error = await failure(ee.projects.operations.list({ name: "projects/p" }));
    expect([error.httpStatus, error.code, error.status, error.details]).toEqual([500, 13, "INTERNAL", details]);
  });

  it("retry: false on the call turns retries off", async () => {
    const { server, ee } = await serve((_, res) => res.writeHead(503).end(""));
    expect(await failure(ee.projects.operations.cancel(NAME, { retry: false }))).toMatchObject({
      name: "ApiError",
      httpStatus: 503,
      code: 14,
    });
    expect(server.count).toBe(1);
  });

  it("the signal cancels a pending backoff at once", async () => {
    const { server } = await serve((_, res) => res.writeHead(503, { "retry-after": "30" }).end(""));
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url, retry: { maxDelayMs: 60_000 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("stop now")), 100);
    const started = Date.now();
    expect((await failure(ee.projects.operations.cancel(NAME, { signal: controller.signal }))).message).toBe(
      "stop now",
    );
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.count).toBe(1);
  });

  it("rejects bad retry and timeout options before any request", async () => {
    const { server, ee } = await serve((_, res) => res.end("{}"));
    await expect(ee.projects.operations.cancel(NAME, { retry: { retries: -1 } })).rejects.toThrow(
      "retry.retries must be a non-negative integer, got -1",
    );
    await expect(ee.projects.operations.cancel(NAME, { retry: { minDelayMs: 10, maxDelayMs: 5 } })).rejects.toThrow(
      /minDelayMs \(10\) is above retry\.maxDelayMs \(5\)/,
    );
    await expect(ee.projects.operations.cancel(NAME, { timeoutMs: 0 })).rejects.toThrow(
      "timeoutMs must be above 0 ms, got 0",
    );
    expect(() => createEarthEngineClient({ version: "v1", timeoutMs: Number.NaN })).toThrow(RangeError);
    expect(() => createEarthEngineClient({ version: "v1", timeoutMs: Infinity })).not.toThrow();
    expect(server.count).toBe(0);
  });
});

describe("timeouts", () => {
  it("headers delayed past the timeout: TimeoutError, nothing left pending", async () => {
    const { server, ee } = await serve(() => {}); // never answers
    const started = Date.now();
    const error = await failure(ee.projects.operations.get(NAME, { timeoutMs: 150 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe("earthengine.projects.operations.get did not finish within 150 ms");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(server.count).toBe(1);
  });

  it("the client's timeoutMs is the default, the call's overrides it", async () => {
    const { server } = await serve(() => {});
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url, timeoutMs: 100 });
    expect(await failure(ee.projects.operations.cancel(NAME))).toMatchObject({ name: "TimeoutError", timeoutMs: 100 });
    expect(await failure(ee.projects.operations.cancel(NAME, { timeoutMs: 50 }))).toMatchObject({
      name: "TimeoutError",
      timeoutMs: 50,
    });
  });

  it("a body that stalls mid-way times out too", async () => {
    const { ee } = await serve((_, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
      res.write('{"name":');
    });
    expect(await failure(ee.projects.operations.get(NAME, { timeoutMs: 150, retry: false }))).toBeInstanceOf(
      TimeoutError,
    );
  });
});

describe("broken responses", () => {
  it("reset mid-body: NetworkError with the status, and retried to success", async () => {
    const midBody = (res: import("node:http").ServerResponse) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "200" });
      res.write('{"name":"projects/p/op');
      setTimeout(() => res.socket?.destroy(), 10);
    };
    const { ee } = await serve((_, res) => midBody(res));
    const error = await failure(ee.projects.operations.get(NAME, { retry: false }));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.httpStatus).toBe(200);
    expect(error.message).toMatch(
      /^earthengine\.projects\.operations\.get: the connection broke while reading the 200 response/,
    );
    await close!();
    const again = await serve((_, res, n) =>
      n === 0
        ? midBody(res)
        : res
            .writeHead(200, { "content-type": "application/json" })
            .end('{"name":"projects/p/operations/x","done":true}'),
    );
    await expect(again.ee.projects.operations.get(NAME)).resolves.toEqual({
      name: "projects/p/operations/x",
      done: true,
    });
    expect(again.server.count).toBe(2);
  });

  it("connection reset before headers: NetworkError after the retry budget", async () => {
    const { server, ee } = await serve((req) => req.socket.destroy());
    const error = await failure(ee.projects.operations.cancel(NAME));
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.httpStatus).toBeUndefined();
    expect(error.message).toMatch(/^earthengine\.projects\.operations\.cancel: the request failed \(/);
    expect(server.count).toBe(4);
  });

  it.each([
    ["malformed JSON in a 200", 200, "{not json", "application/json", /is not valid JSON/],
    [
      "an HTML error page",
      502,
      "<html><head><title>502 Bad Gateway</title></head></html>",
      "text/html",
      /^HTTP 502 Bad Gateway: <html><head><title>502 Bad Gateway/,
    ],
    ["an empty error body", 503, "", "text/plain", /^HTTP 503 Service Unavailable with an empty body$/],
    [
      "a Google error with no message",
      400,
      '{"error":{"code":400}}',
      "application/json",
      /^HTTP 400 Bad Request: \{"error":\{"code":400\}\}$/,
    ],
  ])("%s gives a typed ApiError with the status and a snippet", async (_, status, body, type, message) => {
    const { ee } = await serve((__, res) => res.writeHead(status, { "content-type": type }).end(body));
    const error = await failure(ee.projects.operations.get(NAME, { retry: false }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.httpStatus).toBe(status);
    expect(error.message).toMatch(message);
  });

  it("a truncated error body gives an ApiError from what arrived", async () => {
    const { ee } = await serve((_, res) => {
      res.writeHead(500, { "content-type": "text/html", "content-length": "5000" });
      res.write("<html>partial failure page");
      setTimeout(() => res.socket?.destroy(), 10);
    });
    const error = await failure(ee.projects.operations.get(NAME, { retry: false }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe("HTTP 500 Internal Server Error: <html>partial failure page");
  });

  it("a very large error body is read only up to a bounded prefix", async () => {
    let sent = 0;
    const { ee } = await serve((_, res) => {
      res.writeHead(500, { "content-type": "text/plain" });
      const chunk = "x".repeat(64 * 1024);
      const pump = () => {
        while (sent < 64 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => res.removeAllListeners("drain"));
      pump();
    });
    const error = await failure(ee.projects.operations.get(NAME, { retry: false }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.bodySnippet).toHaveLength(200);
    expect(error.message.length).toBeLessThan(300);
    expect(sent).toBeLessThan(16 * 1024 * 1024); // far less than the 64 MiB the server meant to send
  });
});

describe("the access token", () => {
  it("a token that would break the header is refused without quoting it", async () => {
    const { server } = await serve((_, res) => res.end("{}"));
    const ee = createEarthEngineClient({
      version: "v1",
      baseUrl: server.url,
      accessToken: () => `${TOKEN}\r\nX-Evil: 1`,
    });
    const error = await failure(ee.projects.operations.cancel(NAME));
    expect(error).toBeInstanceOf(TypeError);
    expect(server.count).toBe(0);
  });

  afterAll(() => {
    expect(produced.length).toBeGreaterThan(15);
    for (const error of produced) {
      const text = [inspect(error, { depth: 20, showHidden: true }), JSON.stringify(error), String(error)].join("\n");
      expect(text).not.toContain("SECRET-token");
      expect(text).not.toContain("Bearer");
    }
  });

  it("appears in no error message, cause or stack of this suite (checked after all tests)", () => {
    expect(produced.length).toBeGreaterThan(0);
  });
});
