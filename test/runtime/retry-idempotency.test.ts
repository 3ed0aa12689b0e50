import { describe, expect, it } from "vitest";
import { ApiError, NetworkError } from "../../generator/runtime/errors.js";
import { retryDelay } from "../../generator/runtime/retry.js";

const POLICY = { retries: 3, minDelayMs: 100, maxDelayMs: 1000 };
const half = () => 0.5;

describe("retryDelay and idempotency", () => {
  const unavailable = new ApiError({ httpStatus: 503, code: 14, message: "busy" });
  const reset = new NetworkError("reset", { cause: new Error("ECONNRESET") });
  const refused = new NetworkError("refused", { notSent: true });
  const midBody = new NetworkError("cut", { httpStatus: 200 });
  const cases: { name: string; error: unknown; idempotent: boolean; want: number | undefined }[] = [
    { name: "503, idempotent", error: unavailable, idempotent: true, want: 50 },
    { name: "503, not idempotent", error: unavailable, idempotent: false, want: undefined },
    { name: "reset, idempotent", error: reset, idempotent: true, want: 50 },
    { name: "reset, not idempotent", error: reset, idempotent: false, want: undefined },
    { name: "body cut off, not idempotent", error: midBody, idempotent: false, want: undefined },
    { name: "refused before sending, not idempotent", error: refused, idempotent: false, want: 50 },
    { name: "refused before sending, idempotent", error: refused, idempotent: true, want: 50 },
  ];
  it.each(cases)("$name", ({ error, idempotent, want }) => {
    expect(retryDelay(POLICY, 0, error, half, idempotent)).toBe(want);
  });

  it("defaults to idempotent, as before the flag existed", () => {
    expect(retryDelay(POLICY, 0, unavailable, half)).toBe(50);
  });

  it("a NetworkError may have been sent unless it says otherwise", () => {
    expect(new NetworkError("x").notSent).toBe(false);
  });
});
