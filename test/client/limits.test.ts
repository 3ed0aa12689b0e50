// Issue 12 against loopback servers: every wait bounded (token provider included), durations clamped,
// bodies read with a limit, no redirects, no credentials echoed, operation JSON read by Google's mapping.
import type { ServerResponse } from "node:http";
import {
  ApiError,
  createEarthEngineClient,
  ProtocolError,
  ResponseTooLargeError,
  TimeoutError,
} from "ee-operations-client";
import { afterEach, describe, expect, it } from "vitest";
import { googleError, startScriptedServer } from "../helpers/scripted-server.js";

const NAME = { name: "projects/p/operations/x" };
const OP = "projects/p/operations/x";
const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handle: Parameters<typeof startScriptedServer>[0]) {
  const server = await startScriptedServer(handle);
  servers.push(server);
  return server;
}

const json = (res: ServerResponse, body: string, status = 200) =>
  res.writeHead(status, { "content-type": "application/json" }).end(body);

async function rejection(promise: Promise<unknown>): Promise<any> {
  return promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
}

/** Writes 64 KiB chunks until the client closes the connection (or 1 GiB, a bound for a broken client). */
function endless(res: ServerResponse, status: number, seen: { closed: boolean; sent: number }) {
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  res.writeHead(status, { "content-type": "application/json" });
  res.write("{");
  res.on("close", () => {
    seen.closed = true;
  });
  const pump = () => {
    while (!seen.closed && seen.sent < 2 ** 30) {
      seen.sent += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
  };
  pump();
}

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`never: ${what}`);
}

describe("token provider inside every limit", () => {
  const never = () => new Promise<string>(() => {});

  it("a provider that never resolves: TimeoutError at timeoutMs, no request sent", async () => {
    const server = await serve((_, res) => json(res, "{}"));
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url, accessToken: never });
    const started = Date.now();
    const error = await rejection(ee.projects.operations.cancel(NAME, { timeoutMs: 150 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.timeoutMs).toBe(150);
    expect(Date.now() - started).toBeLessThan(5000);
    const waited = await rejection(ee.waitForOperation(OP, { timeoutMs: 150 }));
    expect(waited).toBeInstanceOf(TimeoutError);
    const cancelled = await rejection(ee.cancelAndWait(OP, { timeoutMs: 150 }));
    expect(cancelled).toBeInstanceOf(TimeoutError);
    expect(server.count).toBe(0);
  });

  it("a provider slower than timeoutMs rejects at the limit, not when the provider answers", async () => {
    const server = await serve((_, res) => json(res, "{}"));
    const slow = () => new Promise<string>((resolve) => setTimeout(() => resolve("t"), 3000));
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url, accessToken: slow });
    const started = Date.now();
    await expect(ee.projects.operations.get(NAME, { timeoutMs: 200 })).rejects.toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(2500);
  });

  it("an aborted signal rejects at once; an abort while the provider hangs rejects with its reason", async () => {
    const server = await serve((_, res) => json(res, "{}"));
    let asked = 0;
    const ee = createEarthEngineClient({
      version: "v1",
      baseUrl: server.url,
      accessToken: () => (asked++, never()),
    });
    await expect(
      ee.projects.operations.cancel(NAME, { signal: AbortSignal.abort(new Error("already")) }),
    ).rejects.toThrow("already");
    expect(asked).toBe(0);
    const controller = new AbortController();
    const pending = ee.projects.operations.cancel(NAME, { signal: controller.signal, timeoutMs: Infinity });
    await until(() => asked === 1, "provider asked");
    controller.abort(new Error("user stop"));
    await expect(pending).rejects.toThrow("user stop");
    expect(server.count).toBe(0);
  });
});

describe("helpers under one limit", () => {
  it("cancelAndWait's timeoutMs bounds its cancel: a cancel that never answers ends at the limit", async () => {
    const server = await serve(() => {}); // never answers
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url });
    const started = Date.now();
    const error = await rejection(ee.cancelAndWait(OP, { timeoutMs: 200 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe(`cancelAndWait: ${OP} was not done after 200 ms`);
    expect(Date.now() - started).toBeLessThan(5000); // not the 120 s default of a single call
    expect(server.count).toBe(1);
  });

  it("listOperations passes its signal to each page: an abort mid-page rejects at once", async () => {
    const server = await serve(() => {});
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url });
    const controller = new AbortController();
    const pending = rejection(
      (async () => {
        for await (const _ of ee.listOperations("projects/p", { signal: controller.signal, timeoutMs: Infinity }));
      })(),
    );
    await until(() => server.count === 1, "page requested");
    controller.abort(new Error("stop listing"));
    expect((await pending).message).toBe("stop listing");
  });
});

describe("long polls and the client's default timeoutMs", () => {
  it("a wait answering after the client's timeoutMs still ends the helper normally", async () => {
    const server = await serve((_, res) => setTimeout(() => json(res, JSON.stringify({ name: OP, done: true })), 300));
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url, timeoutMs: 100 });
    await expect(ee.projects.operations.get(NAME)).rejects.toBeInstanceOf(TimeoutError);
    await expect(ee.waitForOperation(OP)).resolves.toMatchObject({ done: true });
  });
});

describe("durations", () => {
  it("timeoutMs 2**31 and 30 days do not fire at once", async () => {
    const server = await serve((_, res) => setTimeout(() => json(res, "{}"), 50));
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url, timeoutMs: 2 ** 31 });
    await expect(ee.projects.operations.cancel(NAME)).resolves.toEqual({});
    await expect(ee.projects.operations.cancel(NAME, { timeoutMs: 30 * 24 * 3600 * 1000 })).resolves.toEqual({});
  });

  it("Retry-After 1e12 s with maxDelayMs 3e9: one request, then a backoff the timeout ends", async () => {
    const server = await serve((_, res) =>
      res.writeHead(503, { "retry-after": "1000000000000" }).end(googleError(503, "UNAVAILABLE", "later")),
    );
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url, retry: { maxDelayMs: 3e9 } });
    const error = await rejection(ee.projects.operations.cancel(NAME, { timeoutMs: 300 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(server.count).toBe(1);
  });

  it("NaN and non-numbers are rejected before any request", async () => {
    const server = await serve((_, res) => json(res, "{}"));
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url });
    await expect(ee.projects.operations.cancel(NAME, { timeoutMs: Number.NaN })).rejects.toThrow(RangeError);
    // @ts-expect-error a string is not a duration
    await expect(ee.projects.operations.cancel(NAME, { timeoutMs: "100" })).rejects.toThrow(RangeError);
    await expect(ee.waitForOperation(OP, { timeoutMs: Number.NaN })).rejects.toThrow(RangeError);
    expect(() => createEarthEngineClient({ version: "v1", retry: { maxDelayMs: Number.NaN } })).toThrow(RangeError);
    expect(server.count).toBe(0);
  });
});

describe("bounded bodies", () => {
  it("an endless 200 body: ResponseTooLargeError at maxResponseBytes, the connection closed", async () => {
    const seen = { closed: false, sent: 0 };
    const server = await serve((_, res) => endless(res, 200, seen));
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url, maxResponseBytes: 1024 * 1024 });
    const error = await rejection(ee.projects.operations.get(NAME, { timeoutMs: 20_000 }));
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.maxBytes).toBe(1024 * 1024);
    expect(error.message).toBe(
      "earthengine.projects.operations.get: the 200 response body is larger than maxResponseBytes (1048576 bytes)",
    );
    expect(error.httpStatus).toBe(200);
    await until(() => seen.closed, "connection closed");
    expect(seen.sent).toBeLessThan(2 ** 30);
    expect(server.count).toBe(1); // not retried
  });

  it("the default limit is 32 MiB, and memory stays bounded while an endless body is refused", async () => {
    const seen = { closed: false, sent: 0 };
    const server = await serve((_, res) => endless(res, 200, seen));
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url });
    const before = process.memoryUsage().rss;
    const error = await rejection(ee.projects.operations.get(NAME, { timeoutMs: 20_000 }));
    expect(error).toMatchObject({ name: "ResponseTooLargeError", maxBytes: 32 * 1024 * 1024 });
    await until(() => seen.closed, "connection closed");
    expect(process.memoryUsage().rss - before).toBeLessThan(512 * 1024 * 1024);
  });

  it("a Content-Length above the limit is refused before the body is read", async () => {
    const server = await serve((_, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(10 * 1024 * 1024) });
      res.write("{");
    });
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url, maxResponseBytes: 1000 });
    await expect(ee.projects.operations.get(NAME)).rejects.toBeInstanceOf(ResponseTooLargeError);
  });

  it("an endless error body still ends in an ApiError (64 KiB read), the connection closed", async () => {
    const seen = { closed: false, sent: 0 };
    const server = await serve((_, res) => endless(res, 500, seen));
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url });
    const error = await rejection(ee.projects.operations.get(NAME, { timeoutMs: 20_000 }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.httpStatus).toBe(500);
    await until(() => seen.closed, "connection closed");
  });

  it.each([
    ["an invalid", "-1"],
    ["a fractional", "1.5"],
    ["a zero", "0"],
  ])("%s maxResponseBytes is a RangeError", (_, value) => {
    expect(() => createEarthEngineClient({ version: "v1", maxResponseBytes: Number(value) })).toThrow(RangeError);
  });
});

describe("redirects", () => {
  it("a 307 to another server is an ApiError with the status; that server is never asked", async () => {
    const other = await serve((_, res) => json(res, "{}"));
    const server = await serve((_, res) =>
      res.writeHead(307, { location: `${other.url}/v1/projects/p/operations/x:cancel` }).end(),
    );
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url, accessToken: () => "t" });
    const error = await rejection(ee.projects.operations.cancel(NAME));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.httpStatus).toBe(307);
    expect(other.count).toBe(0);
    expect(server.count).toBe(1);
  });
});

describe("credentials in baseUrl", () => {
  const PASSWORD = "s3cret-pa55";
  it.each([
    `http://user:${PASSWORD}@127.0.0.1:9`,
    `https://${PASSWORD}@earthengine.googleapis.com`,
    `HTTP://u:${PASSWORD}@host/base`,
    `http://u:${PASSWORD}@host?x=1`,
    `http://host/?pw=${PASSWORD}`,
    `ftp://u:${PASSWORD}@host`,
  ])("%s is refused at creation, the password nowhere in the error", (baseUrl) => {
    let error: unknown;
    try {
      createEarthEngineClient({ version: "v1", baseUrl });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TypeError);
    const text = `${(error as Error).message}\n${(error as Error).stack}\n${String((error as Error).cause)}`;
    expect(text).not.toContain(PASSWORD);
  });
});

describe("operation JSON by Google's mapping", () => {
  it.each([
    ["null", "(body)"],
    ["[]", "(body)"],
    ['"text"', "(body)"],
  ])("a %s body is a ProtocolError naming the body", async (body, field) => {
    const server = await serve((_, res) => json(res, body));
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url });
    const error = await rejection(ee.projects.operations.get(NAME));
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.field).toBe(field);
    expect(server.count).toBe(1);
  });

  it('error: { code: "1" } and error: null on a done operation: CANCELLED and SUCCEEDED', async () => {
    let final = "";
    const server = await serve((req, res) => (req.url?.endsWith(":cancel") ? json(res, "{}") : json(res, final)));
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url });
    final = JSON.stringify({ name: OP, done: true, error: { code: "1", message: "Cancelled." } });
    await expect(ee.cancelAndWait(OP)).resolves.toMatchObject({ outcome: "CANCELLED" });
    final = JSON.stringify({ name: OP, done: true, error: null });
    await expect(ee.cancelAndWait(OP)).resolves.toMatchObject({ outcome: "SUCCEEDED" });
  });

  it('done: "false" is a ProtocolError, not done', async () => {
    const server = await serve((_, res) => json(res, JSON.stringify({ name: OP, done: "false" })));
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url });
    await expect(ee.waitForOperation(OP)).rejects.toMatchObject({ name: "ProtocolError", field: "operation.done" });
    expect(server.count).toBe(1);
  });

  it.each([[["a"]], [7]])("a nextPageToken of %j stops the listing after one request", async (token) => {
    const server = await serve((_, res) => json(res, JSON.stringify({ operations: [], nextPageToken: token })));
    const ee = createEarthEngineClient({ version: "v1", baseUrl: server.url });
    const error = await rejection(
      (async () => {
        for await (const _ of ee.listOperations("projects/p"));
      })(),
    );
    expect(error).toMatchObject({ name: "ProtocolError", field: "list response.nextPageToken" });
    expect(server.count).toBe(1);
  });
});
