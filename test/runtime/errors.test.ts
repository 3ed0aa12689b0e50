import { describe, expect, it } from "vitest";
import { apiErrorFromResponse, codeOfHttpStatus, parseRetryAfter } from "../../generator/runtime/errors.js";

describe("codeOfHttpStatus", () => {
  it.each([
    { given: 200, want: 0 },
    { given: 204, want: 0 },
    { given: 307, want: 2 },
    { given: 400, want: 3 },
    { given: 401, want: 16 },
    { given: 403, want: 7 },
    { given: 404, want: 5 },
    { given: 409, want: 10 },
    { given: 416, want: 11 },
    { given: 418, want: 9 },
    { given: 429, want: 8 },
    { given: 499, want: 1 },
    { given: 500, want: 13 },
    { given: 501, want: 12 },
    { given: 502, want: 13 },
    { given: 503, want: 14 },
    { given: 504, want: 4 },
    { given: 100, want: 2 },
    { given: 600, want: 2 },
  ])("given $given, want $want", ({ given, want }) => {
    expect(codeOfHttpStatus(given)).toBe(want);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-01-01T00:00:00Z");
  it.each([
    { given: null, want: undefined },
    { given: "", want: undefined },
    { given: "0", want: 0 },
    { given: "5", want: 5000 },
    { given: " 7 ", want: 7000 },
    { given: "1000000000000", want: 1e15 },
    { given: "1.5", want: undefined },
    { given: "-3", want: undefined },
    { given: "soon", want: undefined },
    { given: "Thu, 01 Jan 2026 00:00:30 GMT", want: 30_000 },
    { given: "Wed, 31 Dec 2025 23:59:00 GMT", want: 0 },
  ])("given $given, want $want", ({ given, want }) => {
    expect(parseRetryAfter(given, now)).toBe(want);
  });
});

describe("apiErrorFromResponse", () => {
  it("reads at most 64 KiB of an endless error body and cancels the rest", async () => {
    let pulled = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(16 * 1024).fill(0x61));
      },
      cancel() {
        cancelled = true;
      },
    });
    const error = await apiErrorFromResponse(new Response(body, { status: 500 }));
    expect(error.httpStatus).toBe(500);
    expect(error.code).toBe(13);
    expect(pulled).toBeLessThanOrEqual(6);
    expect(cancelled).toBe(true);
  });

  it("stops at once when the signal aborts mid-body", async () => {
    const body = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => {}) });
    const controller = new AbortController();
    const pending = apiErrorFromResponse(new Response(body, { status: 503 }), controller.signal);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
  });
});
