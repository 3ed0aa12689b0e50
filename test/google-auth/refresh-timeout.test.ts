// A refresh that never answers ends with GoogleAuthError after refreshTimeoutMs and is not shared with
// later calls: the next call starts a new refresh.
import { type AccessTokenClient, fromGoogleAuth, GoogleAuthError } from "ee-operations-client/google-auth";
import { describe, expect, it } from "vitest";

const EE = "https://www.googleapis.com/auth/earthengine";

describe("refreshTimeoutMs", () => {
  it("a hung refresh rejects at the limit, and the next call tries again", async () => {
    let calls = 0;
    const client: AccessTokenClient = {
      credentials: {},
      getAccessToken: () => (++calls === 1 ? new Promise(() => {}) : Promise.resolve({ token: "fresh" })),
    };
    const provider = fromGoogleAuth({ getClient: async () => client }, { refreshTimeoutMs: 50 });
    const error = await Promise.resolve(provider([EE])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GoogleAuthError);
    expect((error as Error).message).toBe(`could not get an access token for ${EE}: no answer within 50 ms`);
    await expect(provider([EE])).resolves.toBe("fresh");
    expect(calls).toBe(2);
  });

  it.each([0, -1, Number.NaN])("refreshTimeoutMs %s is a RangeError", (refreshTimeoutMs) => {
    expect(() => fromGoogleAuth({ getClient: async () => ({}) as AccessTokenClient }, { refreshTimeoutMs })).toThrow(
      RangeError,
    );
  });
});
