import { describe, expect, it } from "vitest";
import {
  type BatchRequestPart,
  batchBoundary,
  encodeBatch,
  parseBatchReply,
  parseReplyPart,
  replyBoundary,
  responseId,
  splitMultipart,
} from "../../generator/runtime/batch.js";
import { ProtocolError } from "../../generator/runtime/errors.js";

const crlf = (lines: string[]) => lines.join("\r\n");

describe("encodeBatch", () => {
  const cancel: BatchRequestPart = {
    id: "0",
    method: "POST",
    path: "/v1/projects/p/operations/X:cancel",
    headers: { Authorization: "Bearer t" },
  };
  const get: BatchRequestPart = {
    id: "1",
    method: "GET",
    path: "/v1/projects/my%20p/operations/a/b",
    headers: { Authorization: "Bearer t", "x-goog-user-project": "p" },
  };

  it.each<{ given: BatchRequestPart[]; want: string }>([
    {
      given: [cancel],
      want: crlf([
        "--B",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "MIME-Version: 1.0",
        "Content-ID: <0>",
        "",
        "POST /v1/projects/p/operations/X:cancel HTTP/1.1",
        "Authorization: Bearer t",
        "",
        "",
        "--B--",
        "",
      ]),
    },
    {
      given: [{ ...cancel, headers: { "Content-Type": "application/json; charset=utf-8" }, body: "{}" }, get],
      want: crlf([
        "--B",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "MIME-Version: 1.0",
        "Content-ID: <0>",
        "",
        "POST /v1/projects/p/operations/X:cancel HTTP/1.1",
        "Content-Type: application/json; charset=utf-8",
        "",
        "{}",
        "--B",
        "Content-Type: application/http",
        "Content-Transfer-Encoding: binary",
        "MIME-Version: 1.0",
        "Content-ID: <1>",
        "",
        "GET /v1/projects/my%20p/operations/a/b HTTP/1.1",
        "Authorization: Bearer t",
        "x-goog-user-project: p",
        "",
        "",
        "--B--",
        "",
      ]),
    },
  ])("encodes $given.length part(s)", ({ given, want }) => {
    expect(encodeBatch(given, "B")).toBe(want);
  });

  it.each<{ given: Partial<BatchRequestPart>; boundary?: string; want: RegExp }>([
    { given: { headers: { Authorization: "Bearer t\r\nX-Evil: 1" } }, want: /header "Authorization"/ },
    { given: { headers: { "Bad Name": "x" } }, want: /header "Bad Name"/ },
    { given: { path: "/v1/a b" }, want: /Invalid request path/ },
    { given: { path: "v1/x" }, want: /Invalid request path/ },
    { given: { method: "GET /x HTTP/1.1\r\n" }, want: /Invalid HTTP method/ },
    { given: { id: "a>b" }, want: /Invalid batch part id/ },
    { given: { id: "a\nb" }, want: /Invalid batch part id/ },
    { given: { body: "x\r\n--B\r\n" }, want: /contains the boundary/ },
    { given: {}, boundary: "has space", want: /Invalid multipart boundary/ },
    { given: {}, boundary: "", want: /Invalid multipart boundary/ },
  ])("refuses $given / boundary $boundary", ({ given, boundary = "B", want }) => {
    expect(() => encodeBatch([{ ...cancel, ...given }], boundary)).toThrow(want);
  });

  it("never quotes a header value in its error (it may be a token)", () => {
    expect(() => encodeBatch([{ ...cancel, headers: { Authorization: "Bearer SECRET\n" } }], "B")).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining("SECRET") }),
    );
  });

  it("refuses an empty batch", () => {
    expect(() => encodeBatch([], "B")).toThrow(/at least one part/);
  });
});

describe("batchBoundary", () => {
  it("is a valid boundary of 30 characters and differs between calls", () => {
    const a = batchBoundary();
    expect(a).toMatch(/^batch_[0-9a-z]{24}$/);
    expect(batchBoundary()).not.toBe(a);
    expect(() => encodeBatch([{ id: "0", method: "GET", path: "/x", headers: {} }], a)).not.toThrow();
  });
});

describe("replyBoundary", () => {
  it.each([
    { given: "multipart/mixed; boundary=batch_abc", want: "batch_abc" },
    { given: 'multipart/mixed; boundary="batch abc"', want: "batch abc" },
    { given: 'Multipart/Mixed;charset=utf-8; BOUNDARY="a\\"b"', want: 'a"b' },
    { given: "multipart/mixed ; boundary = x1 ; foo=bar", want: "x1" },
  ])("$given → $want", ({ given, want }) => {
    expect(replyBoundary(given)).toBe(want);
  });

  it.each([
    null,
    "",
    "application/json",
    "multipart/mixed",
    "multipart/mixed; boundary=",
    "multipart/related; boundary=x",
  ])("%j → ProtocolError", (given) => {
    expect(() => replyBoundary(given)).toThrow(ProtocolError);
  });
});

describe("responseId", () => {
  it.each([
    { given: "<response-0>", want: "0" },
    { given: "response-<0>", want: "0" },
    { given: " <response-projects/p/operations/X> ", want: "projects/p/operations/X" },
    { given: "<7>", want: "7" },
  ])("$given → $want", ({ given, want }) => {
    expect(responseId(given)).toBe(want);
  });
});

describe("splitMultipart", () => {
  it.each([
    { name: "CRLF", given: "--b\r\nA\r\n--b\r\nB\r\n--b--\r\n", want: ["A", "B"] },
    { name: "LF only", given: "--b\nA\n--b\nB\n--b--\n", want: ["A", "B"] },
    { name: "preamble and epilogue", given: "junk\r\n--b\r\nA\r\n--b--\r\nmore junk", want: ["A"] },
    { name: "no final newline", given: "--b\r\nA\r\n--b--", want: ["A"] },
    { name: "boundary text inside a line", given: "--b\r\nx --b y\r\n--bc\r\n--b--", want: ["x --b y\r\n--bc"] },
    { name: "trailing space after a delimiter", given: "--b \r\nA\r\n--b-- \r\n", want: ["A"] },
    { name: "multi-line part", given: "--b\r\nH: 1\r\n\r\nbody\r\n--b--\r\n", want: ["H: 1\r\n\r\nbody"] },
  ])("$name", ({ given, want }) => {
    expect(splitMultipart(given, "b")).toEqual(want);
  });

  it.each([
    { name: "truncated mid-part", given: "--b\r\nA\r\n--b\r\nB" },
    { name: "no delimiter at all", given: "<html>Bad gateway</html>" },
    { name: "empty", given: "" },
  ])("$name → ProtocolError", ({ given }) => {
    expect(() => splitMultipart(given, "b")).toThrow(ProtocolError);
  });
});

describe("parseReplyPart", () => {
  it.each([
    {
      name: "a success",
      given: crlf([
        "Content-Type: application/http",
        "Content-ID: <response-0>",
        "",
        "HTTP/1.1 200 OK",
        "Content-Type: application/json; charset=UTF-8",
        "",
        "{}",
      ]),
      want: {
        id: "0",
        response: {
          status: 200,
          statusText: "OK",
          headers: { "content-type": "application/json; charset=UTF-8" },
          body: "{}",
        },
      },
    },
    {
      name: "an inner error with Google's body, LF line ends",
      given: [
        "content-id: <response-3>",
        "",
        "HTTP/1.1 404 Not Found",
        "Retry-After: 2",
        "",
        '{"error":{"code":404,"message":"gone","status":"NOT_FOUND"}}',
      ].join("\n"),
      want: {
        id: "3",
        response: {
          status: 404,
          statusText: "Not Found",
          headers: { "retry-after": "2" },
          body: '{"error":{"code":404,"message":"gone","status":"NOT_FOUND"}}',
        },
      },
    },
    {
      name: "a response without headers or body",
      given: crlf(["Content-ID: <response-1>", "", "HTTP/1.1 204"]),
      want: { id: "1", response: { status: 204, statusText: "", headers: {}, body: "" } },
    },
  ])("$name", ({ given, want }) => {
    expect(parseReplyPart(given)).toEqual(want);
  });

  it.each([
    { name: "no Content-ID", given: crlf(["Content-Type: application/http", "", "HTTP/1.1 200 OK", "", "{}"]) },
    { name: "no blank line after part headers", given: "Content-ID: <response-0>" },
    { name: "malformed status line", given: crlf(["Content-ID: <response-0>", "", "HTTP/1.1 OK", "", "{}"]) },
    { name: "status out of range", given: crlf(["Content-ID: <response-0>", "", "HTTP/1.1 700 X", "", "{}"]) },
    {
      name: "malformed inner header",
      given: crlf(["Content-ID: <response-0>", "", "HTTP/1.1 200 OK", "junk", "", ""]),
    },
  ])("$name → ProtocolError", ({ given }) => {
    expect(() => parseReplyPart(given)).toThrow(ProtocolError);
  });
});

describe("parseBatchReply", () => {
  const part = (id: string, status: string, body: string) =>
    crlf([
      "Content-Type: application/http",
      `Content-ID: <response-${id}>`,
      "",
      `HTTP/1.1 ${status}`,
      "Content-Type: application/json; charset=UTF-8",
      "",
      body,
    ]);
  const reply = (parts: string[], boundary = "batch_r") =>
    `${parts.map((p) => `--${boundary}\r\n${p}\r\n`).join("")}--${boundary}--\r\n`;

  it("keys parts by request id whatever their order", () => {
    const body = reply([
      part("2", "200 OK", "{}"),
      part("0", "404 Not Found", '{"error":{"code":404,"message":"m","status":"NOT_FOUND"}}'),
      part("1", "200 OK", '{"name":"x"}'),
    ]);
    const parsed = parseBatchReply("multipart/mixed; boundary=batch_r", body);
    expect([...parsed.keys()]).toEqual(["2", "0", "1"]);
    expect(parsed.get("0")?.status).toBe(404);
    expect(parsed.get("1")?.body).toBe('{"name":"x"}');
  });

  it("reads a quoted boundary", () => {
    const body = reply([part("0", "200 OK", "{}")], "a b=c");
    expect(parseBatchReply('multipart/mixed; boundary="a b=c"', body).get("0")?.status).toBe(200);
  });

  it.each([
    { name: "a repeated id", body: reply([part("0", "200 OK", "{}"), part("0", "200 OK", "{}")]) },
    { name: "a truncated body", body: reply([part("0", "200 OK", "{}")]).slice(0, 60) },
    { name: "the wrong boundary", body: reply([part("0", "200 OK", "{}")], "other") },
  ])("$name → ProtocolError", ({ body }) => {
    expect(() => parseBatchReply("multipart/mixed; boundary=batch_r", body)).toThrow(ProtocolError);
  });

  it("a JSON body → ProtocolError", () => {
    expect(() => parseBatchReply("application/json", "{}")).toThrow(ProtocolError);
  });
});
