// fromGoogleAuth with a real google-auth-library GoogleAuth and a service-account key made here,
// offline: the token request goes to a loopback token endpoint, which checks the JWT-bearer grant
// and its signed `scope` claim, and the client then sends the token to the emulator.
import { createPublicKey, generateKeyPairSync, verify } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEarthEngineClient } from "ee-operations-client";
import { fromGoogleAuth } from "ee-operations-client/google-auth";
import { GoogleAuth } from "google-auth-library";
import { afterEach, expect, it } from "vitest";
import { useEmulators } from "../emulator/harness.js";

const EE = "https://www.googleapis.com/auth/earthengine";
const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";
const JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

interface TokenRequest {
  grantType: string | null;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signatureValid: boolean;
}

const servers: Server[] = [];
const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A loopback OAuth token endpoint that verifies the assertion with `publicKeyPem` and issues tokens. */
async function tokenEndpoint(publicKeyPem: string) {
  const requests: TokenRequest[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString()));
    req.on("end", () => {
      const form = new URLSearchParams(body);
      const [header = "", claims = "", signature = ""] = (form.get("assertion") ?? "").split(".");
      const decode = (part: string) => JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
      const signatureValid = verify(
        "RSA-SHA256",
        Buffer.from(`${header}.${claims}`),
        createPublicKey(publicKeyPem),
        Buffer.from(signature, "base64url"),
      );
      requests.push({
        grantType: form.get("grant_type"),
        header: decode(header),
        claims: decode(claims),
        signatureValid,
      });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ access_token: `ya29.loopback-${requests.length}`, expires_in: 3600, token_type: "Bearer" }),
      );
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`, requests };
}

/**
 * A fresh RSA key, a loopback token endpoint that verifies assertions with it, a key file naming both, and
 * `googleAuth(scopes)`: a real GoogleAuth for that key file. google-auth-library 10 signs for and posts to
 * https://oauth2.googleapis.com/token whatever the key's token_uri says, so its transport is pointed at the
 * loopback endpoint; nothing else may go out (`outbound` lists every URL it asked for).
 */
async function serviceAccountKey(extra: Record<string, string> = {}) {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  });
  const tokens = await tokenEndpoint(publicKey);
  const dir = mkdtempSync(join(tmpdir(), "ee-google-auth-"));
  dirs.push(dir);
  const keyFile = join(dir, "service-account.json");
  writeFileSync(
    keyFile,
    JSON.stringify({
      type: "service_account",
      project_id: "ee-test-project",
      ...extra,
      private_key_id: "test-key-1",
      private_key: privateKey,
      client_email: "exporter@ee-test-project.iam.gserviceaccount.com",
      client_id: "1234567890",
      token_uri: tokens.url,
    }),
  );
  const outbound: string[] = [];
  const loopbackOnly: typeof fetch = async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    outbound.push(url);
    if (url !== GOOGLE_TOKEN_URL) throw new Error(`unexpected request to ${url}`);
    return fetch(tokens.url, init);
  };
  const googleAuth = (scopes: string[]) =>
    new GoogleAuth({ keyFile, scopes, clientOptions: { transporterOptions: { fetchImplementation: loopbackOnly } } });
  return { tokens, outbound, googleAuth };
}

const emulators = useEmulators();

it("a real GoogleAuth with a service-account key: the token endpoint gets a JWT-bearer grant for the narrow scope, the API gets the token", async () => {
  const { tokens, outbound, googleAuth } = await serviceAccountKey();
  const made: string[][] = [];
  const accessToken = fromGoogleAuth((scopes) => {
    made.push(scopes);
    return googleAuth(scopes);
  });

  const emu = await emulators.start({ auth: { token: "ya29.loopback-1" } }); // only this token is accepted
  const { name } = emu.seed({ id: "ADCTASK" });
  const ee = createEarthEngineClient({ version: "v1", baseUrl: emu.url, accessToken });
  await ee.projects.operations.get({ name });
  await ee.projects.operations.cancel({ name });

  expect(made).toEqual([[EE]]);
  expect(outbound).toEqual([GOOGLE_TOKEN_URL]);
  expect(tokens.requests).toHaveLength(1);
  const [grant] = tokens.requests;
  expect(grant!.grantType).toBe(JWT_BEARER);
  expect(grant!.signatureValid).toBe(true);
  expect(grant!.header).toMatchObject({ alg: "RS256" });
  expect(grant!.claims).toMatchObject({
    iss: "exporter@ee-test-project.iam.gserviceaccount.com",
    scope: EE,
    aud: GOOGLE_TOKEN_URL,
  });
  expect((grant!.claims.exp as number) - (grant!.claims.iat as number)).toBe(3600);

  expect(emu.requests.map((r) => r.headers.authorization)).toEqual(["Bearer <redacted>", "Bearer <redacted>"]);
});

it("a real GoogleAuth whose key carries quota_project_id: the client sends it as x-goog-user-project", async () => {
  const { googleAuth } = await serviceAccountKey({ quota_project_id: "ee-billing-project" });
  const accessToken = fromGoogleAuth((scopes) => googleAuth(scopes));
  const emu = await emulators.start();
  const { name } = emu.seed({ id: "QUOTATASK" });
  await createEarthEngineClient({ version: "v1", baseUrl: emu.url, accessToken }).projects.operations.get({ name });
  await createEarthEngineClient({
    version: "v1",
    baseUrl: emu.url,
    accessToken,
    project: "explicit-project",
  }).projects.operations.get({ name });
  expect(emu.requests.map((r) => r.headers["x-goog-user-project"])).toEqual(["ee-billing-project", "explicit-project"]);
});
