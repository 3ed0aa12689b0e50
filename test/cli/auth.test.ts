// The CLI's token source: EE_ACCESS_TOKEN, else ADC; every token handed out is remembered for redaction.
import { describe, expect, it } from "vitest";
import { tokenSource } from "../../generator/cli-app/auth.js";

describe("tokenSource", () => {
  it.each([
    ["a token", { EE_ACCESS_TOKEN: "ya29.abc" }, "ya29.abc"],
    ["a token with spaces around it", { EE_ACCESS_TOKEN: "  ya29.abc\n" }, "ya29.abc"],
  ])("EE_ACCESS_TOKEN: %s is the secret and the token", async (_, env, want) => {
    const source = tokenSource(env, () => Promise.reject(new Error("ADC must not be loaded")));
    expect(source).toMatchObject({ fromEnv: true, secrets: [want] });
    expect(await source.provider(["scope"])).toBe(want);
  });

  it("ADC: each token it hands out joins the secrets (so server text echoing it is redacted)", async () => {
    let n = 0;
    const source = tokenSource({}, async () => async () => `adc-token-${n++ % 2}`);
    expect(source).toMatchObject({ fromEnv: false, secrets: [] });
    expect(await source.provider(["s"])).toBe("adc-token-0");
    expect(await source.provider(["s"])).toBe("adc-token-1");
    expect(await source.provider(["s"])).toBe("adc-token-0");
    expect(source.secrets).toEqual(["adc-token-0", "adc-token-1"]);
  });

  it("ADC: at most 16 tokens are remembered, the oldest dropped", async () => {
    let n = 0;
    const source = tokenSource({}, async () => async () => `t${n++}`);
    for (let i = 0; i < 20; i++) await source.provider([]);
    expect(source.secrets).toHaveLength(16);
    expect(source.secrets[0]).toBe("t4");
  });

  it("ADC failures are an AuthError with the hint, and remember nothing", async () => {
    const source = tokenSource({}, async () => async () => {
      throw new Error("no credentials file");
    });
    await expect(source.provider([])).rejects.toMatchObject({
      name: "AuthError",
      message: expect.stringMatching(
        /^no access token from Application Default Credentials \(set EE_ACCESS_TOKEN.*no credentials file$/,
      ),
    });
    expect(source.secrets).toEqual([]);
  });
});
