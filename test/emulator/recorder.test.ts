// The request log: redaction and the ring buffer, as pure functions.

import { describe, expect, it } from "vitest";
import {
  createRequestLog,
  MAX_RECORDED_BODY_CHARS,
  redactCredential,
  redactHeaders,
  redactUrl,
} from "../../emulator/recorder.js";

describe("redactCredential", () => {
  it.each([
    ["Bearer ya29.secret", "Bearer <redacted>"],
    ["bearer   abc", "bearer <redacted>"],
    ["Basic dXNlcjpwYXNz", "Basic <redacted>"],
    ["ya29.no-scheme", "<redacted>"],
    ["", "<redacted>"],
    ["Bearer", "<redacted>"],
  ])("%j → %j", (given, want) => {
    expect(redactCredential(given)).toBe(want);
  });
});

describe("redactHeaders", () => {
  it("redacts credential headers in any case and keeps the rest", () => {
    expect(
      redactHeaders({
        authorization: "Bearer t0k3n",
        "Proxy-Authorization": "Basic abc",
        cookie: "sid=1",
        "x-goog-api-key": "AIza",
        "x-goog-user-project": "my-project",
        "set-cookie": undefined,
      }),
    ).toEqual({
      authorization: "Bearer <redacted>",
      "Proxy-Authorization": "Basic <redacted>",
      cookie: "<redacted>",
      "x-goog-api-key": "<redacted>",
      "x-goog-user-project": "my-project",
      "set-cookie": undefined,
    });
  });
});

describe("redactUrl", () => {
  it.each([
    ["/v1/projects/p/operations", "/v1/projects/p/operations"],
    ["/v1/x?access_token=abc&pageSize=5", "/v1/x?access_token=%3Credacted%3E&pageSize=5"],
    ["/v1/x?pageSize=5&key=AIza", "/v1/x?pageSize=5&key=%3Credacted%3E"],
    ["/v1/x?access%5Ftoken=abc", "/v1/x?access%5Ftoken=%3Credacted%3E"],
    ["/v1/x?access_token", "/v1/x?access_token"],
    ["/v1/x?filter=%E0%A4%A&key=k", "/v1/x?filter=%E0%A4%A&key=%3Credacted%3E"],
  ])("%j → %j", (given, want) => {
    expect(redactUrl(given)).toBe(want);
  });
});

describe("createRequestLog", () => {
  const request = (i: number) => ({
    method: "GET",
    url: `/r${i}`,
    headers: { authorization: `Bearer secret${i}` },
    body: "",
  });

  it("keeps the newest `capacity` requests, oldest first, and counts every one", () => {
    const log = createRequestLog(3);
    for (let i = 0; i < 7; i++) log.add(request(i));
    expect(log.list().map((r) => r.url)).toEqual(["/r4", "/r5", "/r6"]);
    expect(log.total()).toBe(7);
    expect(log.list().every((r) => r.headers.authorization === "Bearer <redacted>")).toBe(true);
    log.clear();
    expect([log.list(), log.total()]).toEqual([[], 0]);
  });

  it("keeps nothing at capacity 0, and cuts long bodies", () => {
    const none = createRequestLog(0);
    none.add(request(1));
    expect([none.list(), none.total()]).toEqual([[], 1]);

    const log = createRequestLog(2);
    log.add({ ...request(1), body: "x".repeat(MAX_RECORDED_BODY_CHARS + 10) });
    const [entry] = log.list();
    expect(entry!.body).toHaveLength(MAX_RECORDED_BODY_CHARS);
    expect(entry!.bodyTruncated).toBe(true);
  });

  it("drops the oldest entries past the size budget, keeping at least the newest", () => {
    const log = createRequestLog(100, 1_000);
    for (let i = 0; i < 10; i++) log.add({ ...request(i), body: "x".repeat(300) });
    expect(log.list().map((r) => r.url)).toEqual(["/r8", "/r9"]);
    log.add({ ...request(10), body: "y".repeat(5_000) });
    expect(log.list().map((r) => r.url)).toEqual(["/r10"]);
    expect(log.total()).toBe(11);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("rejects capacity %s", (capacity) => {
    expect(() => createRequestLog(capacity)).toThrow(RangeError);
  });
});
