// fromGoogleAuth with injected fake auth clients: narrowest scope, reuse until shortly before
// expiry, one shared refresh for concurrent callers, and errors that never quote a token.
import { createEarthEngineClient } from "ee-operations-client";
import { type AccessTokenClient, fromGoogleAuth, GoogleAuthError } from "ee-operations-client/google-auth";
import { methods } from "ee-operations-client/v1";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useEmulators } from "../emulator/harness.js";

const EE = "https://www.googleapis.com/auth/earthengine";
const CLOUD = "https://www.googleapis.com/auth/cloud-platform";
const HOUR = 3_600_000;
const T0 = Date.parse("2026-03-01T00:00:00Z");

/** A GoogleAuth factory whose clients count refreshes; each token lives `lifetimeMs`. */
function fakeAuth(
  options: { lifetimeMs?: number | undefined; delayMs?: number; fail?: (n: number) => Error | undefined } = {},
) {
  const { delayMs = 5 } = options;
  const lifetimeMs = "lifetimeMs" in options ? options.lifetimeMs : HOUR;
  const asked: string[][] = [];
  let refreshes = 0;
  const factory = (scopes: string[]) => {
    asked.push(scopes);
    const client: AccessTokenClient & { credentials: { expiry_date?: number | null } } = {
      credentials: {},
      async getAccessToken() {
        const n = ++refreshes;
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        const failure = options.fail?.(n);
        if (failure) throw failure;
        client.credentials.expiry_date = lifetimeMs === undefined ? undefined : Date.now() + lifetimeMs;
        return { token: `token-${n}-for-${scopes.join(",").split("/").pop()}` };
      },
    };
    return { getClient: async () => client };
  };
  return { factory, asked, refreshes: () => refreshes };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe("fromGoogleAuth", () => {
  it("asks for the narrowest scope the method allows: the first one, earthengine before cloud-platform", async () => {
    expect(methods["projects.operations.cancel"].scopes).toEqual([EE, CLOUD]);
    const auth = fakeAuth();
    const provider = fromGoogleAuth(auth.factory);
    expect(await provider([EE, CLOUD])).toBe("token-1-for-earthengine");
    expect(auth.asked).toEqual([[EE]]);
    // Another method's narrowest scope gets its own auth and token.
    expect(await provider([CLOUD])).toBe("token-2-for-cloud-platform");
    expect(auth.asked).toEqual([[EE], [CLOUD]]);
    expect(await provider([EE, CLOUD])).toBe("token-1-for-earthengine");
    expect(auth.refreshes()).toBe(2);
  });

  it("reuses a token until 60 s before it expires, then refreshes", async () => {
    const auth = fakeAuth();
    const provider = fromGoogleAuth(auth.factory);
    expect(await provider([EE, CLOUD])).toBe("token-1-for-earthengine");
    const expiry = Date.now() + HOUR;
    vi.setSystemTime(expiry - 61_000);
    expect(await provider([EE, CLOUD])).toBe("token-1-for-earthengine");
    expect(auth.refreshes()).toBe(1);
    vi.setSystemTime(expiry - 60_000);
    expect(await provider([EE, CLOUD])).toBe("token-2-for-earthengine");
    expect(auth.refreshes()).toBe(2);
    expect(await provider([EE])).toBe("token-2-for-earthengine");
    expect(auth.refreshes()).toBe(2);
    // One auth per scope, made once.
    expect(auth.asked).toEqual([[EE]]);
  });

  it("refreshMarginMs moves the refresh point", async () => {
    const auth = fakeAuth({ lifetimeMs: 10 * 60_000 });
    const provider = fromGoogleAuth(auth.factory, { refreshMarginMs: 5 * 60_000 });
    await provider([EE]);
    vi.setSystemTime(T0 + 4 * 60_000);
    await provider([EE]);
    expect(auth.refreshes()).toBe(1);
    vi.setSystemTime(T0 + 5 * 60_000);
    await provider([EE]);
    expect(auth.refreshes()).toBe(2);
  });

  it("concurrent callers share one refresh", async () => {
    const auth = fakeAuth({ delayMs: 30 });
    const provider = fromGoogleAuth(auth.factory);
    const tokens = await Promise.all(Array.from({ length: 20 }, () => provider([EE, CLOUD])));
    expect(new Set(tokens)).toEqual(new Set(["token-1-for-earthengine"]));
    expect(auth.refreshes()).toBe(1);

    // After expiry, again one refresh for everyone.
    vi.setSystemTime(T0 + HOUR);
    const again = await Promise.all(Array.from({ length: 20 }, () => provider([EE, CLOUD])));
    expect(new Set(again)).toEqual(new Set(["token-2-for-earthengine"]));
    expect(auth.refreshes()).toBe(2);
  });

  it("a token of unknown expiry is not reused (the client's own cache decides)", async () => {
    const auth = fakeAuth({ lifetimeMs: undefined });
    const provider = fromGoogleAuth(auth.factory);
    await provider([EE]);
    await provider([EE]);
    expect(auth.refreshes()).toBe(2);
  });

  it("takes a GoogleAuth-like object as well (its own scopes then apply)", async () => {
    const auth = fakeAuth();
    const provider = fromGoogleAuth(auth.factory([CLOUD]));
    expect(await provider([EE, CLOUD])).toBe("token-1-for-cloud-platform");
    expect(await provider([EE, CLOUD])).toBe("token-1-for-cloud-platform");
    expect(auth.refreshes()).toBe(1);
    expect(() => fromGoogleAuth({} as never)).toThrow(TypeError);
  });

  it("a failed refresh rejects every waiting caller with a GoogleAuthError that quotes no token, and is not cached", async () => {
    let leaked = "";
    const auth = fakeAuth({
      lifetimeMs: 1_000,
      fail: (n) =>
        n === 2
          ? new Error(`invalid_grant: token ${leaked} rejected; header Authorization: Bearer abc.def`)
          : undefined,
    });
    const provider = fromGoogleAuth(auth.factory);
    leaked = await provider([EE]);
    vi.setSystemTime(T0 + 2_000);
    const failures = await Promise.allSettled([provider([EE]), provider([EE])]);
    expect(auth.refreshes()).toBe(2);
    for (const failure of failures) {
      expect(failure.status).toBe("rejected");
      const error = (failure as PromiseRejectedResult).reason as GoogleAuthError;
      expect(error).toBeInstanceOf(GoogleAuthError);
      expect(error.scope).toBe(EE);
      expect(error.message).toBe(
        `could not get an access token for ${EE}: invalid_grant: token [redacted] rejected; header Authorization: Bearer [redacted]`,
      );
      expect(error.message).not.toContain(leaked);
    }
    expect(await provider([EE])).toBe("token-3-for-earthengine");
  });

  it("no scope is a TypeError", async () => {
    await expect(fromGoogleAuth(fakeAuth().factory)([])).rejects.toThrow(TypeError);
  });
});

describe("fromGoogleAuth in a client", () => {
  const emulators = useEmulators();

  it("sends the narrow-scope token as the bearer token, refreshing once for many calls", async () => {
    vi.useRealTimers();
    const emu = await emulators.start({ auth: { token: "token-1-for-earthengine" } }); // only this token is accepted
    const names = [emu.seed().name, emu.seed().name, emu.seed().name];
    const auth = fakeAuth();
    const ee = createEarthEngineClient({ version: "v1", baseUrl: emu.url, accessToken: fromGoogleAuth(auth.factory) });
    await Promise.all(names.map((name) => ee.projects.operations.get({ name })));
    await ee.cancelMany(names);
    expect(auth.refreshes()).toBe(1);
    expect(auth.asked).toEqual([[EE]]);
    expect(emu.requests).toHaveLength(7); // 3 gets, then 1 HTTP batch of 3 cancels (each recorded)
    for (const request of emu.requests) expect(request.headers.authorization).toBe("Bearer <redacted>");
  });
});
