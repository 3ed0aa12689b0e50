// Bearer-token checks, as pure functions.

import { describe, expect, it } from "vitest";
import { authReply, bearerToken, checkAuthSetting } from "../../emulator/auth.js";

describe("bearerToken", () => {
  it.each([
    ["Bearer abc", "abc"],
    ["bearer abc", "abc"],
    ["  Bearer   abc  ", "abc"],
    ["Bearer", undefined],
    ["Bearer ", undefined],
    ["Bearer a b", undefined],
    ["Basic abc", undefined],
    ["abc", undefined],
    [undefined, undefined],
    [["Bearer a", "Bearer b"], undefined],
  ] as const)("%j → %j", (given, want) => {
    expect(bearerToken(given as string | string[] | undefined)).toBe(want);
  });
});

describe("authReply", () => {
  it.each([
    [true, "Bearer anything", undefined],
    [true, undefined, 'Bearer realm="https://accounts.google.com/"'],
    [true, "Basic dXNlcg==", 'Bearer realm="https://accounts.google.com/", error="invalid_token"'],
    [false, undefined, undefined],
    [{ token: "right" }, "Bearer right", undefined],
    [{ token: "right" }, "Bearer wrong", 'Bearer realm="https://accounts.google.com/", error="invalid_token"'],
  ] as const)("auth %j with %j → challenge %j", (auth, header, challenge) => {
    const reply = authReply(auth, header);
    if (challenge === undefined) return expect(reply).toBeUndefined();
    expect(reply).toMatchObject({
      status: 401,
      headers: { "www-authenticate": challenge },
      body: { error: { code: 401, status: "UNAUTHENTICATED" } },
    });
  });
});

describe("checkAuthSetting", () => {
  it.each([true, false, { token: "t" }])("accepts %j", (auth) => {
    expect(checkAuthSetting(auth)).toEqual(auth);
  });
  it.each(["yes", 1, null, {}, { token: "" }, { token: "a b" }, { token: 5 }])("rejects %j", (auth) => {
    expect(() => checkAuthSetting(auth)).toThrow(TypeError);
  });
});
