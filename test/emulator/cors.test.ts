// CORS preflights allow the headers a browser app asks for (checked, capped), and only the outer HTTP
// response of a batch carries access-control-* headers.

import { describe, expect, it } from "vitest";
import { ALLOWED_HEADERS, allowedHeaders, MAX_REQUEST_HEADERS_LENGTH } from "../../emulator/cors.js";
import type { Emulator } from "../../emulator/index.js";
import { parseBatchReply } from "../../generator/runtime/batch.js";
import { useEmulators } from "./harness.js";

const emulators = useEmulators();

describe("allowedHeaders", () => {
  const long = Array.from({ length: 1000 }, (_, i) => `x-h${i}`).join(","); // over the cap
  it.each([
    { given: undefined, want: ALLOWED_HEADERS },
    { given: "user-agent, x-request-reason", want: "user-agent, x-request-reason" },
    {
      given: "Authorization,Content-Type,X-Goog-User-Project",
      want: "authorization, content-type, x-goog-user-project",
    },
    { given: "a,A, ,b\t,", want: "a, b" },
    { given: ["x-one", "x-two"], want: "x-one, x-two" },
    { given: "", want: ALLOWED_HEADERS },
    { given: " , ", want: ALLOWED_HEADERS },
    { given: "x-ok, bad header", want: ALLOWED_HEADERS },
    { given: "x-ok, bad:header", want: ALLOWED_HEADERS },
    { given: "x-ok, b\u00e4d", want: ALLOWED_HEADERS },
    { given: "x-ok\u00a0", want: ALLOWED_HEADERS },
    { given: long, want: ALLOWED_HEADERS },
  ])("$given → $want", ({ given, want }) => {
    expect(allowedHeaders(given)).toBe(want);
  });
  it("reflects a list right at the length cap", () => {
    const atCap = "x".repeat(MAX_REQUEST_HEADERS_LENGTH);
    expect(allowedHeaders(atCap)).toBe(atCap);
    expect(allowedHeaders(`${atCap}y`)).toBe(ALLOWED_HEADERS);
  });
});

async function preflight(emu: Emulator, requestHeaders?: string): Promise<Response> {
  const headers: Record<string, string> = { origin: "http://localhost:3000", "access-control-request-method": "POST" };
  if (requestHeaders !== undefined) headers["access-control-request-headers"] = requestHeaders;
  return fetch(`${emu.url}/v1/projects/p/operations/x:cancel`, {
    method: "OPTIONS",
    headers,
    signal: AbortSignal.timeout(5_000),
  });
}

describe("CORS preflight", () => {
  it("allows the headers the preflight asks for, such as user-agent and a client's custom headers", async () => {
    const emu = await emulators.start();
    const res = await preflight(emu, "authorization, content-type, user-agent, x-goog-api-client, x-request-reason");
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")).toBe(
      "authorization, content-type, user-agent, x-goog-api-client, x-request-reason",
    );
    expect(res.headers.get("vary")).toBe("Access-Control-Request-Headers");
    expect(await res.text()).toBe("");
    expect(emu.requests).toEqual([]); // a preflight is not an API request
  });

  it("answers the default list, echoing nothing, when the asked-for list is malformed or too long", async () => {
    const emu = await emulators.start();
    for (const asked of [undefined, "x-ok, <script>", "x".repeat(MAX_REQUEST_HEADERS_LENGTH + 1)]) {
      const res = await preflight(emu, asked);
      expect(res.status).toBe(204);
      expect(res.headers.get("access-control-allow-headers")).toBe(ALLOWED_HEADERS);
    }
  });
});

describe("CORS and POST /batch", () => {
  it("puts access-control-* headers on the outer response only, never on the inner parts", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p" });
    const boundary = "batch_b";
    const body = [
      `--${boundary}`,
      "Content-Type: application/http",
      "Content-ID: <one>",
      "",
      `GET /v1/${name} HTTP/1.1`,
      "Authorization: Bearer t",
      "",
      "",
      `--${boundary}`,
      "Content-Type: application/http",
      "Content-ID: <two>",
      "",
      "GET /v1/projects/p/operations/missing HTTP/1.1",
      "Authorization: Bearer t",
      "",
      "",
      `--${boundary}--`,
      "",
    ].join("\r\n");
    const res = await fetch(`${emu.url}/batch`, {
      method: "POST",
      headers: { "content-type": `multipart/mixed; boundary=${boundary}`, authorization: "Bearer t" },
      body,
      signal: AbortSignal.timeout(5_000),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-expose-headers")).toMatch(/Retry-After/);
    const parts = parseBatchReply(res.headers.get("content-type"), await res.text());
    expect([...parts.values()].map((part) => part.status)).toEqual([200, 404]);
    for (const part of parts.values()) {
      expect(Object.keys(part.headers).filter((h) => h.toLowerCase().startsWith("access-control-"))).toEqual([]);
      expect(part.headers["content-type"]).toBe("application/json; charset=UTF-8");
    }
  });
});
