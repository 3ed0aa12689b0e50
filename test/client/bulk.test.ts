// cancelMany/getMany of the generated client against a scripted loopback server: chunking, wire
// format, per-item results and errors, fallback, retries, limits.
import {
  ApiError,
  createEarthEngineClient,
  InvalidNameError,
  NetworkError,
  ProtocolError,
  ResponseTooLargeError,
  TimeoutError,
} from "ee-operations-client";
import { afterEach, describe, expect, it } from "vitest";
import { googleError } from "../helpers/scripted-server.js";
import { type BatchScript, type PartAnswer, startBatchServer } from "./bulk-server.js";

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const FAST = { retries: 3, minDelayMs: 1, maxDelayMs: 5 };
const ok: BatchScript = () => () => ({ status: 200, body: "{}" });
const names = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `projects/p/operations/OP${from + i}`);
/** The operation name a part addresses, from its request line. */
const nameOf = (path: string) => decodeURIComponent(path.replace(/^\/v1\//, "").replace(/:cancel$/, ""));

async function setup(script: BatchScript, single?: Parameters<typeof startBatchServer>[1], options = {}) {
  const server = await startBatchServer(script, single);
  servers.push(server);
  const ee = createEarthEngineClient({
    version: "v1",
    baseUrl: server.url,
    accessToken: () => "tok",
    retry: FAST,
    ...options,
  });
  return { server, ee };
}

describe("cancelMany over HTTP batch", () => {
  it("sends 250 names as 3 batch requests of at most 100, results in input order", async () => {
    const { server, ee } = await setup(ok);
    const input = names(250);
    const results = await ee.cancelMany(input);
    expect(server.batches.map((b) => b.parts.length)).toEqual([100, 100, 50]);
    expect(server.singles).toEqual([]);
    expect(results).toEqual(input.map((name) => ({ name, ok: true })));
  });

  it("100 names take one request", async () => {
    const { server, ee } = await setup(ok);
    await ee.cancelMany(names(100));
    expect(server.batches).toHaveLength(1);
  });

  it("writes each part like the single call: request line, no body, its own Authorization; the outer too", async () => {
    const { server, ee } = await setup(ok, undefined, { project: "my-proj" });
    await ee.cancelMany(["ABC_1", "projects/p/operations/a b/c"]);
    const [batch] = server.batches;
    expect(batch!.url).toBe("/batch");
    expect(batch!.headers.authorization).toBe("Bearer tok");
    expect(batch!.headers["content-type"]).toMatch(/^multipart\/mixed; boundary=batch_[0-9a-z]{24}$/);
    expect(batch!.parts.map((p) => `${p.method} ${p.target}`)).toEqual([
      "POST /v1/projects/my-proj/operations/ABC_1:cancel",
      "POST /v1/projects/p/operations/a%20b/c:cancel",
    ]);
    for (const part of batch!.parts) {
      expect(part.body).toBe("");
      expect(part.headers.authorization).toBe("Bearer tok");
      expect(part.headers["x-goog-user-project"]).toBe("my-proj");
      expect(part.headers["x-goog-api-client"]).toBe(batch!.headers["x-goog-api-client"]);
      expect(part.headers["x-goog-api-client"]).toMatch(/^ee-operations-client\//);
      expect(part.headers["content-type"]).toBeUndefined();
    }
    expect(batch!.body).toContain("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n");
  });

  it("keeps input order when the reply's parts come shuffled, and types each failure", async () => {
    const { ee } = await setup((batch, _n, res) => {
      const answer = (name: string): PartAnswer =>
        name.endsWith("OP1")
          ? { status: 404, body: googleError(404, "NOT_FOUND", "no such op", [{ "@type": "t/x" }]) }
          : name.endsWith("OP3")
            ? { status: 500, body: "<html>oops</html>" }
            : { status: 200, body: "{}" };
      const parts = [...batch.parts].reverse().map((p) => ({ id: p.id, answer: answer(nameOf(p.target)) }));
      res.writeHead(200, { "content-type": 'multipart/mixed; boundary="r r"' });
      res.end(
        `${parts
          .map(
            ({ id, answer }) =>
              `--r r\nContent-ID: <response-${id}>\n\nHTTP/1.1 ${answer.status} X\nContent-Type: application/json\n\n${answer.body}\n`,
          )
          .join("")}--r r--\n`,
      );
      return "handled";
    });
    const input = names(4);
    const results = await ee.cancelMany(input);
    expect(results.map((r) => r.name)).toEqual(input);
    expect(results.map((r) => r.ok)).toEqual([true, false, true, false]);
    const [, notFound, , internal] = results;
    expect(notFound!.ok === false && notFound!.error).toBeInstanceOf(ApiError);
    expect(notFound).toMatchObject({
      error: { httpStatus: 404, code: 5, status: "NOT_FOUND", message: "no such op", details: [{ "@type": "t/x" }] },
    });
    expect(internal).toMatchObject({ error: { httpStatus: 500, code: 13, bodySnippet: "<html>oops</html>" } });
  });

  it("checks names first: invalid ones are InvalidNameError results and are not sent", async () => {
    const { server, ee } = await setup(ok);
    const results = await ee.cancelMany(["projects/p/operations/ok", "has space", "projects/p/operations/..", "X1"]);
    expect(results.map((r) => r.ok)).toEqual([true, false, false, true]);
    expect(results[1]!.ok === false && results[1]!.error).toBeInstanceOf(InvalidNameError);
    expect(results[2]!.ok === false && results[2]!.error).toBeInstanceOf(InvalidNameError);
    expect(results[3]!.name).toBe("projects/earthengine-legacy/operations/X1");
    expect(server.batches[0]!.parts.map((p) => p.target)).toEqual([
      "/v1/projects/p/operations/ok:cancel",
      "/v1/projects/earthengine-legacy/operations/X1:cancel",
    ]);
  });

  it("sends nothing when every name is invalid", async () => {
    const { server, ee } = await setup(ok);
    const results = await ee.cancelMany(["a b", "projects/x"]);
    expect(results.every((r) => !r.ok && r.error instanceof InvalidNameError)).toBe(true);
    expect(server.batches.length + server.singles.length).toBe(0);
  });

  it.each([404, 501])("falls back to single calls when /batch answers %i, and remembers it", async (status) => {
    const { server, ee } = await setup((_b, _n, res) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(googleError(status, status === 404 ? "NOT_FOUND" : "UNIMPLEMENTED", "no batch"));
      return "handled";
    });
    const first = await ee.cancelMany(names(120), { concurrency: 4 });
    expect(first.every((r) => r.ok)).toBe(true);
    expect(server.batches).toHaveLength(1); // one probe, not one per chunk
    expect(server.singles).toHaveLength(120);
    expect(server.singles[0]).toMatchObject({ method: "POST", url: "/v1/projects/p/operations/OP0:cancel" });
    await ee.cancelMany(names(3));
    expect(server.batches).toHaveLength(1);
    expect(server.singles).toHaveLength(123);
  });

  it("batch: false sends one request per name", async () => {
    const { server, ee } = await setup(ok);
    const results = await ee.cancelMany(names(5), { batch: false });
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.batches).toHaveLength(0);
    expect(server.singles).toHaveLength(5);
  });

  it("retries the whole batch after a 503 or a reset connection", async () => {
    const { server, ee } = await setup((_b, n, res) => {
      if (n === 0) {
        res.writeHead(503, { "content-type": "application/json" });
        res.end(googleError(503, "UNAVAILABLE", "busy"));
        return "handled";
      }
      if (n === 1) {
        res.socket?.destroy();
        return "handled";
      }
      return () => ({ status: 200, body: "{}" });
    });
    const results = await ee.cancelMany(names(3));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.batches.map((b) => b.parts.length)).toEqual([3, 3, 3]);
  });

  it("resends only the items whose inner call failed transiently", async () => {
    const { server, ee } = await setup(
      (_batch, n) => (part) =>
        n === 0 && /OP[13]:/.test(part.target)
          ? { status: 503, body: googleError(503, "UNAVAILABLE", "later"), headers: { "Retry-After": "0" } }
          : { status: 200, body: "{}" },
    );
    const results = await ee.cancelMany(names(4));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(server.batches.map((b) => b.parts.map((p) => nameOf(p.target)))).toEqual([
      names(4),
      ["projects/p/operations/OP1", "projects/p/operations/OP3"],
    ]);
  });

  it("stops resending after the retry policy's retries, with the last error", async () => {
    const { server, ee } = await setup(() => () => ({
      status: 503,
      body: googleError(503, "UNAVAILABLE", "down"),
    }));
    const results = await ee.cancelMany(names(2), { retry: { retries: 2, minDelayMs: 1, maxDelayMs: 2 } });
    expect(server.batches).toHaveLength(3);
    expect(results.map((r) => !r.ok && r.error)).toEqual([
      expect.objectContaining({ status: "UNAVAILABLE" }),
      expect.objectContaining({ status: "UNAVAILABLE" }),
    ]);
  });

  it("an outer 401 is every item's ApiError, not retried and no fallback", async () => {
    const { server, ee } = await setup((_b, _n, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(googleError(401, "UNAUTHENTICATED", "who are you"));
      return "handled";
    });
    const results = await ee.cancelMany(names(2));
    expect(results.map((r) => !r.ok && r.error)).toEqual([
      expect.objectContaining({ name: "ApiError", code: 16 }),
      expect.objectContaining({ name: "ApiError", code: 16 }),
    ]);
    expect(server.batches).toHaveLength(1);
    expect(server.singles).toHaveLength(0);
  });

  it.each([
    { name: "a JSON reply", type: "application/json", body: "{}" },
    {
      name: "a truncated reply",
      type: "multipart/mixed; boundary=b",
      body: "--b\r\nContent-ID: <response-0>\r\n\r\nHTTP/1.1 200 OK",
    },
  ])("$name is a ProtocolError for each item, not retried", async ({ type, body }) => {
    const { server, ee } = await setup((_b, _n, res) => {
      res.writeHead(200, { "content-type": type });
      res.end(body);
      return "handled";
    });
    const results = await ee.cancelMany(names(2));
    for (const r of results) expect(!r.ok && r.error).toBeInstanceOf(ProtocolError);
    expect(server.batches).toHaveLength(1);
  });

  it("an item the reply does not answer gets a ProtocolError; the others their answers", async () => {
    const { ee } = await setup((batch, _n, res) => {
      res.writeHead(200, { "content-type": "multipart/mixed; boundary=b" });
      const id = batch.parts[0]!.id;
      res.end(`--b\r\nContent-ID: <response-${id}>\r\n\r\nHTTP/1.1 200 OK\r\n\r\n{}\r\n--b--\r\n`);
      return "handled";
    });
    const results = await ee.cancelMany(names(2));
    expect(results[0]).toEqual({ name: names(1)[0], ok: true });
    expect(!results[1]!.ok && results[1]!.error).toBeInstanceOf(ProtocolError);
  });

  it("reads at most maxResponseBytes of the reply", async () => {
    const { ee } = await setup(() => () => ({ status: 200, body: `{"pad":"${"x".repeat(5000)}"}` }), undefined, {
      maxResponseBytes: 4096,
    });
    const results = await ee.cancelMany(names(2));
    for (const r of results) expect(!r.ok && r.error).toBeInstanceOf(ResponseTooLargeError);
  });

  it("a batch that does not answer within timeoutMs is a TimeoutError for its items", async () => {
    const { ee } = await setup(() => "handled"); // never answers
    const results = await ee.cancelMany(names(2), { timeoutMs: 100 });
    for (const r of results) expect(!r.ok && r.error).toBeInstanceOf(TimeoutError);
  });

  it("the signal rejects the whole call with its reason", async () => {
    const { ee } = await setup(() => "handled");
    const controller = new AbortController();
    const pending = ee.cancelMany(names(2), { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("stop")), 20);
    await expect(pending).rejects.toThrow("stop");
  });

  it("a refused connection is a NetworkError per item after retries", async () => {
    const { server, ee } = await setup(ok);
    await server.close();
    const results = await ee.cancelMany(names(2), { retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1 } });
    for (const r of results) expect(!r.ok && r.error).toBeInstanceOf(NetworkError);
  });

  it("sends to {baseUrl}/batch with paths under the base URL's own path", async () => {
    const server = await startBatchServer(ok);
    servers.push(server);
    const ee = createEarthEngineClient({ version: "v1beta", baseUrl: `${server.url}/proxy/`, accessToken: () => "t" });
    await ee.cancelMany(names(1));
    expect(server.batches[0]!.url).toBe("/proxy/batch");
    expect(server.batches[0]!.parts[0]!.target).toBe("/proxy/v1beta/projects/p/operations/OP0:cancel");
  });

  it("refuses bad options before any request", async () => {
    const { server, ee } = await setup(ok);
    await expect(ee.cancelMany(names(1), { concurrency: 0 })).rejects.toThrow(RangeError);
    await expect(ee.cancelMany(names(1), { timeoutMs: -1 })).rejects.toThrow(RangeError);
    await expect(ee.cancelMany("projects/p/operations/x" as unknown as string[])).rejects.toThrow(TypeError);
    expect(server.batches).toHaveLength(0);
  });
});

describe("getMany", () => {
  const op = (name: string) => ({ name, done: false, metadata: { state: "RUNNING" } });

  it("gets each operation through one batch: GET parts, operations in input order", async () => {
    const { server, ee } = await setup(() => (part) => ({
      status: 200,
      body: JSON.stringify(op(decodeURIComponent(part.target.replace(/^\/v1\//, "")))),
    }));
    const input = names(3);
    const results = await ee.getMany(input);
    expect(server.batches[0]!.parts.map((p) => `${p.method} ${p.target}`)).toEqual(input.map((n) => `GET /v1/${n}`));
    expect(results).toEqual(input.map((name) => ({ name, ok: true, operation: op(name) })));
  });

  it("reads operations like a single get: a missing name is filled in, a malformed done is a ProtocolError", async () => {
    const { ee } = await setup(
      () => (part) =>
        part.target.endsWith("OP0")
          ? { status: 200, body: '{"done":true,"error":{"code":"1"}}' }
          : part.target.endsWith("OP1")
            ? { status: 200, body: '{"name":"projects/p/operations/OP1","done":"false"}' }
            : { status: 200, body: "not json" },
    );
    const [a, b, c] = await ee.getMany(names(3));
    expect(a).toEqual({
      name: "projects/p/operations/OP0",
      ok: true,
      operation: { name: "projects/p/operations/OP0", done: true, error: { code: 1 } },
    });
    expect(!b!.ok && b!.error).toBeInstanceOf(ProtocolError);
    expect(!c!.ok && c!.error).toMatchObject({ name: "ApiError", code: 2 });
  });

  it("falls back to single gets", async () => {
    const { server, ee } = await setup(
      (_b, _n, res) => {
        res.writeHead(404, { "content-type": "text/html" });
        res.end("<h1>Not Found</h1>");
        return "handled";
      },
      (req) => ({ status: 200, body: JSON.stringify(op(req.url.replace(/^\/v1\//, ""))) }),
    );
    const results = await ee.getMany(names(2));
    expect(results.map((r) => r.ok && r.operation.metadata)).toEqual([{ state: "RUNNING" }, { state: "RUNNING" }]);
    expect(server.singles.map((s) => `${s.method} ${s.url}`)).toEqual(names(2).map((n) => `GET /v1/${n}`));
  });
});
