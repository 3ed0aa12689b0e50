// Auth, CORS, and staying bounded: the request log is a redacting ring buffer, fault delays are
// capped, and request bodies are limited.

import { connect } from "node:net";
import { describe, expect, it, onTestFinished } from "vitest";
import { MAX_QUEUED_FAULTS } from "../../emulator/faults.js";
import { startEmulator } from "../../emulator/index.js";
import { createRequestLog } from "../../emulator/recorder.js";
import { createStore, MAX_OPERATIONS } from "../../emulator/store.js";
import { call, useEmulators } from "./harness.js";

const emulators = useEmulators();

/** Sends `count` pipelined requests on one socket and resolves once every response has started. */
function pipeline(url: string, count: number, request: string): Promise<void> {
  const socket = connect(Number(new URL(url).port), "127.0.0.1");
  let seen = 0;
  let tail = "";
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`only ${seen} of ${count} responses in 90 s`));
    }, 90_000);
    socket.on("error", reject);
    socket.on("data", (chunk: Buffer) => {
      const text = tail + chunk.toString("latin1");
      seen += text.match(/HTTP\/1\.1 \d{3}/g)?.length ?? 0;
      tail = text.slice(-12);
      if (seen >= count) {
        clearTimeout(timer);
        socket.destroy();
        resolve();
      }
    });
    for (let i = 0; i < count; i += 1000) socket.write(request.repeat(Math.min(1000, count - i)));
  });
}

describe("authentication", () => {
  it("answers a request without a bearer token with 401 UNAUTHENTICATED and a Bearer challenge", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p" });
    const attempts: Record<string, string>[] = [
      {},
      { authorization: "Basic dXNlcjpwYXNz" },
      { authorization: "Bearer " },
    ];
    for (const headers of attempts) {
      const res = await fetch(`${emu.url}/v1/${name}`, { headers, signal: AbortSignal.timeout(5_000) });
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toMatch(/^Bearer realm="https:\/\/accounts\.google\.com\/"/);
      expect(res.headers.get("access-control-allow-origin")).toBe("*");
      expect(await res.json()).toEqual({
        error: { code: 401, status: "UNAUTHENTICATED", message: expect.stringMatching(/authentication credential/) },
      });
    }
    // Refused requests change nothing and consume no fault.
    emu.fault({ status: 503 });
    await fetch(`${emu.url}/v1/${name}:cancel`, { method: "POST", signal: AbortSignal.timeout(5_000) });
    expect((await call(emu, "GET", `/v1/${name}`)).status).toBe(503);
    expect((await call(emu, "GET", `/v1/${name}`)).json.metadata.state).not.toMatch(/CANCEL/);
  });

  it("accepts any token by default, only the configured one with { token }, and none with auth: false", async () => {
    const anyToken = await emulators.start();
    const { name } = anyToken.seed({ project: "p", id: "a" });
    expect((await call(anyToken, "GET", `/v1/${name}`)).status).toBe(200);

    const fixed = await emulators.start({ auth: { token: "only-this" } });
    fixed.seed({ project: "p", id: "a" });
    expect((await call(fixed, "GET", `/v1/${name}`)).status).toBe(401);
    const right = await fetch(`${fixed.url}/v1/${name}`, { headers: { authorization: "Bearer only-this" } });
    expect(right.status).toBe(200);

    const open = await emulators.start({ auth: false });
    open.seed({ project: "p", id: "a" });
    expect((await fetch(`${open.url}/v1/${name}`, { signal: AbortSignal.timeout(5_000) })).status).toBe(200);
  });

  it("leaves the admin routes open (they are not part of Google's API)", async () => {
    const emu = await emulators.start();
    const res = await fetch(`${emu.url}/__emulator/operations`, { method: "POST", body: '{"project":"p"}' });
    expect(res.status).toBe(200);
  });
});

describe("CORS", () => {
  it("answers a preflight without credentials, listing the methods and headers browsers may send", async () => {
    const emu = await emulators.start();
    const res = await fetch(`${emu.url}/v1/projects/p/operations/x:cancel`, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:3000",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type,x-goog-user-project,x-goog-api-client",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-methods")).toBe("GET, POST, DELETE, OPTIONS");
    const allowed = res.headers.get("access-control-allow-headers")!.toLowerCase().split(/,\s*/);
    expect(allowed).toEqual(
      expect.arrayContaining(["authorization", "content-type", "x-goog-user-project", "x-goog-api-client"]),
    );
    expect(await res.text()).toBe("");
  });

  it("puts Access-Control-Allow-Origin on every response, errors and faults included", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p" });
    emu.fault({ method: "get", status: 503, headers: { "retry-after": "1" } });
    const responses = [
      await call(emu, "GET", `/v1/${name}`),
      await call(emu, "GET", `/v1/${name}`),
      await call(emu, "GET", "/v1/projects/p/operations/missing"),
      await call(emu, "GET", "/nowhere"),
      await call(emu, "POST", "/__emulator/faults", "{"),
    ];
    expect(responses.map((r) => r.status)).toEqual([503, 200, 404, 404, 400]);
    for (const res of responses) expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(responses[0]!.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
  });
});

describe("request recording", () => {
  it("the log holds 1000 requests by default however many arrive (100k added)", () => {
    const log = createRequestLog();
    for (let i = 0; i < 100_000; i++)
      log.add({ method: "GET", url: `/v1/x${i}`, headers: { authorization: "Bearer SECRET" }, body: "" });
    expect(log.list()).toHaveLength(1000);
    expect(log.list()[0]!.url).toBe("/v1/x99000");
    expect(log.total()).toBe(100_000);
    expect(JSON.stringify(log.list())).not.toContain("SECRET");
  });

  it("100k requests over HTTP keep the log at its default cap of 1000, and it never shows the bearer token", async () => {
    // Started directly: the harness would schema-check all 100k responses, which is most of the time.
    const emu = await startEmulator();
    onTestFinished(() => emu.close());
    const { name } = emu.seed({ project: "p" });
    const secret = "ya29.super-secret-token";
    const request = `GET /v1/${name}?access_token=${secret} HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer ${secret}\r\nCookie: s=${secret}\r\n\r\n`;
    await pipeline(emu.url, 100_000, request);
    expect(emu.requests).toHaveLength(1000);
    expect(emu.requestCount()).toBe(100_000);

    const shown = await call(emu, "GET", "/__emulator/requests");
    expect(shown.json.requests).toHaveLength(1000);
    expect(shown.json.total).toBe(100_000);
    expect(JSON.stringify(shown.json)).not.toContain(secret);
    expect(JSON.stringify(emu.requests)).not.toContain(secret);
    expect(shown.json.requests[0].headers.authorization).toBe("Bearer <redacted>");

    expect((await call(emu, "DELETE", "/__emulator/requests")).status).toBe(200);
    expect([emu.requests.length, emu.requestCount()]).toEqual([0, 0]);
  }, 120_000);

  it("keeps only maxRecordedRequests", async () => {
    const emu = await emulators.start({ maxRecordedRequests: 10 });
    for (let i = 0; i < 15; i++) await call(emu, "GET", `/v1/projects/p/operations?pageSize=${i + 1}`);
    expect(emu.requests.map((r) => r.url)).toEqual(
      Array.from({ length: 10 }, (_, i) => `/v1/projects/p/operations?pageSize=${i + 6}`),
    );
    expect(emu.requestCount()).toBe(15);
  });

  it("records nothing with recordRequests: false", async () => {
    const emu = await emulators.start({ recordRequests: false });
    await call(emu, "GET", "/v1/projects/p/operations");
    expect([emu.requests.length, emu.requestCount()]).toEqual([0, 0]);
  });
});

describe("limits", () => {
  it("refuses a fault delay above 2^31-1 ms instead of answering at once", async () => {
    const emu = await emulators.start();
    expect(() => emu.fault({ delayMs: 3e9 })).toThrow(/delayMs must be at most 2147483647/);
    const res = await call(emu, "POST", "/__emulator/faults", JSON.stringify({ delayMs: 3e9 }));
    expect(res.status).toBe(400);
    expect(res.json.error.status).toBe("INVALID_ARGUMENT");
    expect(() => emu.fault({ delayMs: 2 ** 31 - 1 })).not.toThrow();
    emu.clearFaults();
  });

  it("answers a body over 1 MiB with 400 and closes the connection without reading the rest", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p" });
    const socket = connect(Number(new URL(emu.url).port), "127.0.0.1");
    let received = "";
    socket.on("data", (chunk: Buffer) => (received += chunk.toString("latin1")));
    const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
    socket.on("error", () => {});
    // Announces 1 GiB but the server must answer after about 1 MiB.
    socket.write(
      `POST /v1/${name}:wait HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer t\r\nContent-Length: ${2 ** 30}\r\n\r\n`,
    );
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    for (let i = 0; i < 40 && !received; i++) {
      if (!socket.write(chunk)) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const timer = setTimeout(() => socket.destroy(), 5_000);
    await closed;
    clearTimeout(timer);
    expect(received).toMatch(/^HTTP\/1\.1 400 /);
    expect(received).toMatch(/Request body larger than 1048576 bytes/);
    expect(emu.requests[0]).toMatchObject({ body: "", bodyTruncated: true });
  });
});

describe("capacity", () => {
  it("refuses seeds past the store's cap (default MAX_OPERATIONS) with RESOURCE_EXHAUSTED", async () => {
    expect(MAX_OPERATIONS).toBe(100_000);
    const store = createStore(3);
    for (let i = 0; i < 3; i++) store.seed({ project: "p", id: `T${i}` }, 0);
    expect(() => store.seed({ project: "p" }, 0)).toThrow(expect.objectContaining({ code: "RESOURCE_EXHAUSTED" }));
    store.delete("projects/p/operations/T0");
    expect(store.seed({ project: "p" }, 0).project).toBe("p");
  });

  it("refuses faults past MAX_QUEUED_FAULTS with RESOURCE_EXHAUSTED", async () => {
    const emu = await emulators.start();
    for (let i = 0; i < MAX_QUEUED_FAULTS; i++) emu.fault({ method: "delete" });
    expect(() => emu.fault({ method: "delete" })).toThrow(expect.objectContaining({ code: "RESOURCE_EXHAUSTED" }));
    const res = await call(emu, "POST", "/__emulator/faults", "{}");
    expect(res).toMatchObject({ status: 429, json: { error: { status: "RESOURCE_EXHAUSTED" } } });
  });
});
