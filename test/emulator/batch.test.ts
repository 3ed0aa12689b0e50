// POST /batch: Google's HTTP batch as Earth Engine's JS client sends it (batch.md), replayed through
// the emulator's own router. Replies are read with the client runtime's parser (a separate
// implementation of the same framing).

import { describe, expect, it } from "vitest";
import { MAX_BATCH_PARTS, parsePart, requestBoundary, splitParts } from "../../emulator/batch.js";
import { ApiError } from "../../emulator/google-error.js";
import type { Emulator } from "../../emulator/index.js";
import { type BatchResponsePart, parseBatchReply } from "../../generator/runtime/batch.js";
import { useEmulators } from "./harness.js";

const emulators = useEmulators();
const EE_BOUNDARY = "batch_EARTHENGINE_batch";

interface Inner {
  id: string;
  line: string;
  headers?: string[];
  body?: string;
}

/** A batch body exactly as batch.md shows Earth Engine's client writing it. */
function eeBatch(parts: Inner[], boundary = EE_BOUNDARY, eol = "\r\n"): string {
  let out = "";
  for (const p of parts) {
    out += [
      `--${boundary}`,
      "Content-Type: application/http",
      "Content-Transfer-Encoding: binary",
      "MIME-Version: 1.0",
      `Content-ID: <${p.id}>`,
      "",
      p.line,
      ...(p.headers ?? ["Content-Type: application/json; charset=utf-8", "Authorization: Bearer any-token"]),
      "",
      p.body ?? "",
    ].join(eol);
    out += eol;
  }
  return `${out}--${boundary}--${eol}`;
}

async function postBatch(emu: Emulator, body: string, contentType = `multipart/mixed; boundary=${EE_BOUNDARY}`) {
  const res = await fetch(`${emu.url}/batch`, {
    method: "POST",
    headers: { "content-type": contentType, authorization: "Bearer any-token" },
    body,
    signal: AbortSignal.timeout(5_000),
  });
  return { status: res.status, contentType: res.headers.get("content-type"), text: await res.text() };
}

async function batchReply(emu: Emulator, body: string): Promise<Map<string, BatchResponsePart>> {
  const res = await postBatch(emu, body);
  expect(res.status).toBe(200);
  expect(res.contentType).toMatch(/^multipart\/mixed; boundary=batch_[0-9a-f]{24}$/);
  // Each reply part says Content-ID: <response-ID>, as the EE client's parser expects.
  expect(res.text).toMatch(/^Content-ID: <response-[^>]+>\r$/m);
  return parseBatchReply(res.contentType, res.text);
}

const json = (part: BatchResponsePart | undefined) => JSON.parse(part!.body);
const state = async (emu: Emulator, name: string) =>
  (await (await fetch(`${emu.url}/v1/${name}`, { headers: { authorization: "Bearer t" } })).json()).metadata.state;

describe("POST /batch", () => {
  it("answers Earth Engine's array calls: cancel with {}, get, not found; outer 200; states after", async () => {
    const emu = await emulators.start();
    const a = emu.seed({ project: "p" }).name;
    const b = emu.seed({ project: "p" }).name;
    const missing = "projects/p/operations/NOPE";
    const reply = await batchReply(
      emu,
      eeBatch([
        { id: a, line: `POST /v1/${a}:cancel HTTP/1.1`, body: "{}" },
        { id: b, line: `GET /v1/${b} HTTP/1.1` },
        { id: missing, line: `POST /v1/${missing}:cancel HTTP/1.1`, body: "{}" },
      ]),
    );
    expect([...reply.keys()].sort()).toEqual([a, b, missing].sort());
    expect(reply.get(a)).toMatchObject({ status: 200, statusText: "OK" });
    expect(json(reply.get(a))).toEqual({});
    expect(reply.get(a)!.headers["content-type"]).toBe("application/json; charset=UTF-8");
    expect(json(reply.get(b))).toMatchObject({ name: b, done: false });
    expect(reply.get(missing)).toMatchObject({ status: 404, statusText: "Not Found" });
    expect(json(reply.get(missing))).toEqual({
      error: { code: 404, message: expect.stringContaining(missing), status: "NOT_FOUND" },
    });
    emu.advance(1000);
    expect(await state(emu, a)).toBe("CANCELLED");
    expect(await state(emu, b)).toBe("RUNNING");
  });

  it("accepts a cancel without a body, LF line ends and a quoted boundary", async () => {
    const emu = await emulators.start();
    const a = emu.seed({ project: "p" }).name;
    const body = eeBatch(
      [{ id: "0", line: `POST /v1beta/${a}:cancel HTTP/1.1`, headers: ["Authorization: Bearer t"] }],
      "x y",
      "\n",
    );
    const res = await postBatch(emu, body, 'multipart/mixed; boundary="x y"');
    expect(res.status).toBe(200);
    const reply = parseBatchReply(res.contentType, res.text);
    expect(reply.get("0")?.status).toBe(200);
    emu.advance(1000);
    expect(await state(emu, a)).toBe("CANCELLED");
  });

  it("runs every method through the normal router: list, wait, delete, unknown path, bad verb", async () => {
    const emu = await emulators.start();
    const a = emu.seed({ project: "q", runMs: 1000 }).name;
    emu.advance(2000);
    const reply = await batchReply(
      emu,
      eeBatch([
        { id: "list", line: "GET /v1alpha/projects/q/operations?pageSize=1 HTTP/1.1" },
        { id: "wait", line: `POST /v1/${a}:wait HTTP/1.1`, body: '{"timeout":"1s"}' },
        { id: "del", line: `DELETE https://earthengine.googleapis.com/v1/${a} HTTP/1.1` },
        { id: "nope", line: "GET /v2/whatever HTTP/1.1" },
        { id: "verb", line: `POST /v1/${a}:pause HTTP/1.1`, body: "{}" },
      ]),
    );
    expect(json(reply.get("list")).operations).toHaveLength(1);
    expect(json(reply.get("wait"))).toMatchObject({ name: a, done: true });
    expect(reply.get("del")?.status).toBe(200);
    expect(reply.get("nope")?.status).toBe(404);
    expect(reply.get("verb")?.status).toBe(404);
  });

  it("applies injected faults to inner calls; the outer reply is still 200", async () => {
    const emu = await emulators.start();
    const a = emu.seed({ project: "p" }).name;
    emu.fault({ method: "cancel", status: 503, headers: { "retry-after": "1" } });
    const reply = await batchReply(emu, eeBatch([{ id: "0", line: `POST /v1/${a}:cancel HTTP/1.1`, body: "{}" }]));
    expect(reply.get("0")).toMatchObject({ status: 503, headers: { "retry-after": "1" } });
    expect(json(reply.get("0")).error.status).toBe("UNAVAILABLE");
  });

  it("records the batch and each inner request, credentials redacted, inner ones with their own headers", async () => {
    const emu = await emulators.start();
    const a = emu.seed({ project: "p" }).name;
    const headers = ["Authorization: Bearer inner-secret", "X-Goog-User-Project: p"];
    await batchReply(emu, eeBatch([{ id: "0", line: `GET /v1/${a} HTTP/1.1`, headers }]));
    expect(emu.requests.map((r) => `${r.method} ${r.url}`)).toEqual(["POST /batch", `GET /v1/${a}`]);
    expect(emu.requests[1]!.headers).toMatchObject({ "x-goog-user-project": "p" });
    expect(emu.requests[0]!.body).toContain("Authorization: Bearer <redacted>");
    expect(JSON.stringify(emu.requests)).not.toContain("inner-secret");
  });

  it("authorizes each inner request on its own: the outer credential is not inherited", async () => {
    const emu = await emulators.start({ auth: { token: "good" } });
    const a = emu.seed({ project: "p" }).name;
    const res = await fetch(`${emu.url}/batch`, {
      method: "POST",
      headers: { "content-type": `multipart/mixed; boundary=${EE_BOUNDARY}`, authorization: "Bearer good" },
      body: eeBatch([
        { id: "none", line: `GET /v1/${a} HTTP/1.1`, headers: [] },
        { id: "wrong", line: `GET /v1/${a} HTTP/1.1`, headers: ["Authorization: Bearer bad"] },
        { id: "good", line: `GET /v1/${a} HTTP/1.1`, headers: ["Authorization: Bearer good"] },
      ]),
    });
    expect(res.status).toBe(200);
    const reply = parseBatchReply(res.headers.get("content-type"), await res.text());
    expect(reply.get("none")).toMatchObject({ status: 401, headers: { "www-authenticate": expect.any(String) } });
    expect(json(reply.get("none")).error.status).toBe("UNAUTHENTICATED");
    expect(reply.get("wrong")?.status).toBe(401);
    expect(reply.get("good")?.status).toBe(200);
  });

  it("requires a credential on the outer request too, calling nothing without it", async () => {
    const emu = await emulators.start();
    const a = emu.seed({ project: "p" }).name;
    const res = await fetch(`${emu.url}/batch`, {
      method: "POST",
      headers: { "content-type": `multipart/mixed; boundary=${EE_BOUNDARY}` },
      body: eeBatch([{ id: "0", line: `POST /v1/${a}:cancel HTTP/1.1`, body: "{}" }]),
    });
    expect(res.status).toBe(401);
    expect((await res.json()).error.status).toBe("UNAUTHENTICATED");
    expect(emu.requests.map((r) => r.url)).toEqual(["/batch"]);
  });

  it("refuses a nested batch and admin routes inside a batch", async () => {
    const emu = await emulators.start();
    const reply = await batchReply(
      emu,
      eeBatch([
        { id: "0", line: "POST /batch HTTP/1.1" },
        { id: "1", line: "POST /__emulator/operations HTTP/1.1", body: "{}" },
      ]),
    );
    expect(json(reply.get("0")).error.status).toBe("INVALID_ARGUMENT");
    expect(json(reply.get("1")).error.status).toBe("NOT_FOUND");
    expect(emu.requests).toHaveLength(1);
  });

  it.each([
    { name: "not multipart", body: "{}", type: "application/json" },
    { name: "no closing boundary", body: eeBatch([{ id: "0", line: "GET /v1/x HTTP/1.1" }]).slice(0, -30) },
    { name: "no parts", body: `--${EE_BOUNDARY}--\r\n` },
    { name: "a repeated Content-ID", body: eeBatch([0, 0].map(() => ({ id: "x", line: "GET /v1/x HTTP/1.1" }))) },
    {
      name: "too many parts",
      body: eeBatch(Array.from({ length: MAX_BATCH_PARTS + 1 }, (_, i) => ({ id: `${i}`, line: "GET /x HTTP/1.1" }))),
    },
    {
      name: "a body over the size limit",
      body: eeBatch([{ id: "0", line: "POST /v1/x HTTP/1.1", body: "x".repeat(1 << 20) }]),
    },
  ])("answers 400 INVALID_ARGUMENT for $name, calling nothing", async ({ body, type }) => {
    const emu = await emulators.start();
    const res = await postBatch(emu, body, type);
    expect(res.status).toBe(400);
    expect(res.contentType).toBe("application/json; charset=UTF-8");
    expect(JSON.parse(res.text)).toEqual({
      error: { code: 400, message: expect.any(String), status: "INVALID_ARGUMENT" },
    });
    expect(emu.requests.filter((r) => r.url !== "/batch")).toEqual([]);
  });

  it("only POST is a batch", async () => {
    const emu = await emulators.start();
    const res = await fetch(`${emu.url}/batch`, { headers: { authorization: "Bearer t" } });
    expect(res.status).toBe(404);
  });
});

describe("batch request parsing", () => {
  it.each([
    { given: `multipart/mixed; boundary=${EE_BOUNDARY}`, want: EE_BOUNDARY },
    { given: 'multipart/mixed; boundary="a b"', want: "a b" },
    { given: "MULTIPART/MIXED;BOUNDARY=z", want: "z" },
  ])("requestBoundary($given) → $want", ({ given, want }) => {
    expect(requestBoundary(given)).toBe(want);
  });

  it.each([undefined, "multipart/mixed", "text/plain; boundary=x", 'multipart/mixed; boundary=""'])(
    "requestBoundary(%j) → INVALID_ARGUMENT",
    (given) => {
      expect(() => requestBoundary(given)).toThrow(ApiError);
    },
  );

  it.each([
    { given: "--b\r\nA\r\n--b\r\nB\r\n--b--\r\n", want: ["A", "B"] },
    { given: "preamble\n--b\nA\n--b--\nepilogue", want: ["A"] },
    { given: "--b\r\nx--b\r\n--b--", want: ["x--b"] },
  ])("splitParts($given)", ({ given, want }) => {
    expect(splitParts(given, "b")).toEqual(want);
  });

  it.each([
    {
      given: "Content-ID: <op>\r\n\r\nPOST /v1/p:cancel HTTP/1.1\r\nAuthorization: Bearer t\r\n\r\n{}",
      want: { id: "op", method: "POST", target: "/v1/p:cancel", headers: { authorization: "Bearer t" }, body: "{}" },
    },
    {
      given: "Content-Type: application/http\nContent-ID: 7\n\nGET http://h/v1/x?a=1 HTTP/1.1\n",
      want: { id: "7", method: "GET", target: "/v1/x?a=1", headers: {}, body: "" },
    },
  ])("parsePart → $want.method $want.target", ({ given, want }) => {
    expect(parsePart(given, 0)).toEqual(want);
  });

  it.each([
    { name: "no Content-ID", given: "Content-Type: application/http\r\n\r\nGET /x HTTP/1.1\r\n\r\n" },
    { name: "wrong part type", given: "Content-Type: text/plain\r\nContent-ID: 1\r\n\r\nGET /x HTTP/1.1\r\n\r\n" },
    { name: "no request line", given: "Content-ID: 1\r\n\r\nhello\r\n\r\n" },
    { name: "HTTP/2 request line", given: "Content-ID: 1\r\n\r\nGET /x HTTP/2\r\n\r\n" },
    { name: "a relative target", given: "Content-ID: 1\r\n\r\nGET x HTTP/1.1\r\n\r\n" },
    { name: "a bad inner header", given: "Content-ID: 1\r\n\r\nGET /x HTTP/1.1\r\nno colon\r\n\r\n" },
    { name: "no blank line", given: "Content-ID: 1" },
  ])("parsePart: $name → INVALID_ARGUMENT", ({ given }) => {
    expect(() => parsePart(given, 0)).toThrow(ApiError);
  });
});
