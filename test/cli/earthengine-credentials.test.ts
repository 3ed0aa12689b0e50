// The credentials `earthengine authenticate` stores: where they are read, what is taken from them, and
// (as the bin runs) that they are used after EE_ACCESS_TOKEN and before ADC, that their project joins
// the project order, and that the refresh token and client secret are never printed.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, onTestFinished } from "vitest";
import { tokenSource } from "../../generator/cli-app/auth.js";
import {
  earthengineCredentialsPath,
  readEarthengineCredentials,
} from "../../generator/cli-app/earthengine-credentials.js";
import { errorLine, reportOf } from "../../generator/cli-app/errors.js";
import { useEmulators } from "../emulator/harness.js";
import { clean, cli, packageAloneMain } from "./run-cli.js";

const REFRESH = "1//0gREFRESH-token-SECRET-4b1d";
const CLIENT_SECRET = "GOCSPX-client-SECRET-77e0";
const FULL = {
  refresh_token: REFRESH,
  client_id: "123456789012-abc.apps.googleusercontent.com",
  client_secret: CLIENT_SECRET,
  scopes: ["https://www.googleapis.com/auth/earthengine"],
  project: "ee-file-proj",
};

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
/** A home folder with ~/.config/earthengine/credentials holding `content` (JSON unless a string). */
function home(content?: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), "ee-cli-eehome-"));
  dirs.push(dir);
  if (content !== undefined) {
    mkdirSync(join(dir, ".config/earthengine"), { recursive: true });
    const text = typeof content === "string" ? content : JSON.stringify(content);
    writeFileSync(join(dir, ".config/earthengine/credentials"), text);
  }
  return dir;
}

describe("readEarthengineCredentials", () => {
  it("reads $HOME/.config/earthengine/credentials", () => {
    expect(earthengineCredentialsPath({ HOME: "/home/u" })).toBe("/home/u/.config/earthengine/credentials");
  });

  it.each([
    [
      "every field",
      FULL,
      { refreshToken: REFRESH, clientId: FULL.client_id, clientSecret: CLIENT_SECRET, project: "ee-file-proj" },
    ],
    [
      "no client (some authenticate modes) and no project",
      { refresh_token: REFRESH, scopes: [] },
      { refreshToken: REFRESH, clientId: undefined, clientSecret: undefined, project: undefined },
    ],
    [
      "non-string and blank fields as absent",
      { refresh_token: REFRESH, client_id: 7, project: " " },
      { clientId: undefined, project: undefined },
    ],
  ])("%s", async (_, json, want) => {
    const dir = home(json);
    const got = await readEarthengineCredentials({ HOME: dir });
    expect(got).toMatchObject({ path: join(dir, ".config/earthengine/credentials"), ...want });
  });

  it("only Earth Engine's package reads them (the CLI ships with other services' packages too)", async () => {
    const dir = home(FULL);
    expect(await readEarthengineCredentials({ HOME: dir }, { defaultProject: undefined })).toBeUndefined();
    expect(await readEarthengineCredentials({ HOME: dir }, { defaultProject: "x-default" })).toBeUndefined();
    expect(await readEarthengineCredentials({ HOME: dir }, { defaultProject: "earthengine-legacy" })).toBeDefined();
  });

  it.each([
    ["no file", undefined],
    ["no refresh_token", { client_id: "c", client_secret: "s" }],
    ["invalid JSON", "{refresh_token"],
    ["a JSON array", "[]"],
    ["a file over 64 KiB", { refresh_token: REFRESH, pad: "x".repeat(70_000) }],
  ])("%s: undefined (ADC is used, as by Earth Engine's client)", async (_, content) => {
    expect(await readEarthengineCredentials({ HOME: home(content) })).toBeUndefined();
  });
});

describe("tokenSource with stored credentials", () => {
  const stored = {
    path: "/h/.config/earthengine/credentials",
    refreshToken: REFRESH,
    clientId: "cid",
    clientSecret: CLIENT_SECRET,
    project: undefined,
  };
  const noAdc = () => Promise.reject(new Error("ADC must not be loaded"));

  it("EE_ACCESS_TOKEN comes first; the stored credentials are not loaded", async () => {
    const source = tokenSource({ EE_ACCESS_TOKEN: "ya29.env" }, noAdc, stored, () => {
      throw new Error("must not be loaded");
    });
    expect(source).toMatchObject({ kind: "EE_ACCESS_TOKEN", secrets: ["ya29.env"] });
    expect(await source.provider(["s"])).toBe("ya29.env");
  });

  it("then the stored credentials, before ADC; the refresh token and client secret are secrets from the start", async () => {
    const source = tokenSource({ HOME: "/h" }, noAdc, stored, async (s) => async () => `token-for-${s.clientId}`);
    expect(source).toMatchObject({ kind: "earthengine", fromEnv: false, secrets: [REFRESH, CLIENT_SECRET] });
    expect(await source.provider(["s"])).toBe("token-for-cid");
    expect(source.secrets).toEqual([REFRESH, CLIENT_SECRET, "token-for-cid"]);
  });

  it("many refreshes never push the refresh token or client secret out of the secrets", async () => {
    let n = 0;
    const source = tokenSource({}, noAdc, stored, async () => async () => `t${n++}`);
    for (let i = 0; i < 40; i++) await source.provider([]);
    expect(source.secrets.slice(0, 2)).toEqual([REFRESH, CLIENT_SECRET]);
    expect(source.secrets).toHaveLength(18);
  });

  it("a failure quoting the refresh token or client secret is printed redacted, with the hint", async () => {
    const source = tokenSource({ HOME: "/h" }, noAdc, stored, async () => async () => {
      throw new Error(`invalid_grant for ${REFRESH} (client secret ${CLIENT_SECRET})`);
    });
    const error = await Promise.resolve(source.provider(["s"])).then(
      () => undefined,
      (e: unknown) => e,
    );
    const line = errorLine(reportOf(error), source.secrets);
    expect(line).toMatch(
      /^error: UNAUTHENTICATED: no access token from the earthengine credentials \(~\/\.config\/earthengine\/credentials; run 'earthengine authenticate' again, or set EE_ACCESS_TOKEN\): invalid_grant/,
    );
    expect(line).not.toContain(REFRESH);
    expect(line).not.toContain(CLIENT_SECRET);
  });
});

describe("the bin with stored credentials", () => {
  const emulators = useEmulators();

  /** A loopback HTTPS proxy that records each CONNECT target and refuses it (the test has no internet). */
  async function refusingProxy(): Promise<{ url: string; targets: string[] }> {
    const targets: string[] = [];
    const server: Server = createServer((socket) => {
      socket.once("data", (data) => {
        targets.push(data.toString("latin1").split("\r\n")[0]!);
        socket.end("HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n");
      });
      socket.on("error", () => {});
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    onTestFinished(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const { port } = server.address() as { port: number };
    return { url: `http://127.0.0.1:${port}`, targets };
  }
  const noSecrets = (result: { stdout: string; stderr: string }) => {
    const all = result.stdout + result.stderr;
    return !all.includes(REFRESH) && !all.includes(CLIENT_SECRET);
  };

  it("without EE_ACCESS_TOKEN: the refresh token goes to Google's token endpoint, and its project names bare ids", async () => {
    const emu = await emulators.start();
    const proxy = await refusingProxy();
    const result = await cli(["delete", "TASK1", "--endpoint", emu.url], {
      token: undefined,
      env: { HOME: home(FULL), EARTHENGINE_PROJECT: undefined, HTTPS_PROXY: proxy.url },
    });
    expect(proxy.targets).toEqual(["CONNECT oauth2.googleapis.com:443 HTTP/1.1"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: UNAUTHENTICATED: projects\/ee-file-proj\/operations\/TASK1: no access token from the earthengine credentials \(~\/\.config\/earthengine\/credentials; run 'earthengine authenticate' again, or set EE_ACCESS_TOKEN\): /,
    );
    expect(result.stderr).not.toContain("note: using project");
    expect(noSecrets(result)).toBe(true);
    expect(clean(result)).toBe(true);
    expect(emu.requests).toEqual([]);
  });

  it("they come after EE_ACCESS_TOKEN: with it set, the file is not used", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ id: "ENVTOKEN" });
    const proxy = await refusingProxy();
    const result = await cli(["get", "ENVTOKEN", "--json", "--endpoint", emu.url], {
      env: { HOME: home(FULL), HTTPS_PROXY: proxy.url },
    });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).name).toBe(name);
    expect(proxy.targets).toEqual([]);
  });

  it("a file without an OAuth client is a clear error; a malformed project a usage error; neither prints a secret", async () => {
    const emu = await emulators.start();
    const proxy = await refusingProxy();
    const env = (json: unknown) => ({ HOME: home(json), EARTHENGINE_PROJECT: undefined, HTTPS_PROXY: proxy.url });
    const noClient = await cli(["list", "--endpoint", emu.url], {
      token: undefined,
      env: env({ refresh_token: REFRESH, project: "p1" }),
    });
    expect(noClient.code).toBe(1);
    expect(noClient.stderr).toBe(
      "error: UNAUTHENTICATED: the earthengine credentials name no OAuth client (client_id, client_secret), which " +
        "this CLI needs: set EE_ACCESS_TOKEN, or run 'earthengine authenticate --auth_mode=gcloud'\n",
    );
    const badProject = await cli(["list", "--endpoint", emu.url], {
      token: undefined,
      env: env({ ...FULL, project: "bad/project" }),
    });
    expect(badProject.code).toBe(2);
    expect(badProject.stderr).toMatch(/^usage: the credentials' project must be a Cloud project id/);
    for (const result of [noClient, badProject]) expect(noSecrets(result)).toBe(true);
    expect(proxy.targets).toEqual([]);
    expect(emu.requests).toEqual([]);
  });

  it("says clearly when google-auth-library is not installed", async () => {
    const main = packageAloneMain();
    const emu = await emulators.start();
    const result = await cli(["list", "--endpoint", emu.url], {
      token: undefined,
      main,
      env: { HOME: home(FULL) },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "error: UNAUTHENTICATED: EE_ACCESS_TOKEN is not set, and the earthengine credentials need google-auth-library, " +
        "which is not installed: set EE_ACCESS_TOKEN, or run 'npm install google-auth-library'\n",
    );
    expect(noSecrets(result)).toBe(true);
  });
});
