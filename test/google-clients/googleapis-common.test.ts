// googleapis-common's Discovery client (9.x), built from Google's published Discovery document for
// v1alpha with its rootUrl pointed at the emulator: Google's generic client runtime drives every method.
import { Discovery } from "googleapis-common";
import { describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator/index.js";
import { requestsReceived, useEmulators } from "../emulator/harness.js";

const DISCOVERY = "../shared/reference/discovery/earthengine-v1alpha-rev20200203.json";
const TOKEN = "test-token-discovery";

interface Op {
  name: string;
  done?: boolean;
  metadata?: { state?: string };
  error?: { code?: number };
}
type Answer<T> = Promise<{ status: number; data: T }>;
interface Operations {
  list(p: {
    name: string;
    pageSize?: number;
    pageToken?: string;
  }): Answer<{ operations?: Op[]; nextPageToken?: string }>;
  get(p: { name: string }): Answer<Op>;
  cancel(p: { name: string; requestBody?: object }): Answer<object>;
  wait(p: { name: string; requestBody: { timeout: string } }): Answer<Op>;
  delete(p: { name: string }): Answer<object>;
}

const emulators = useEmulators();

async function start(): Promise<{ emu: Emulator; ops: Operations }> {
  // The emulator accepts only this token, so every answered call proves the client sent it.
  const emu = await emulators.start({ auth: { token: TOKEN } });
  // The document itself is not touched: googleapis-common takes rootUrl as an option.
  const create = await new Discovery({}).discoverAPI(DISCOVERY);
  const api = (create as unknown as (o: object) => { projects: { operations: Operations } })({
    rootUrl: `${emu.url}/`,
    headers: { Authorization: `Bearer ${TOKEN}` },
    retry: false,
    timeout: 10_000,
  });
  return { emu, ops: api.projects.operations };
}

describe("googleapis-common (Discovery) against the emulator", () => {
  it("lists with paging until an empty nextPageToken", async () => {
    const { emu, ops } = await start();
    const names = Array.from({ length: 5 }, () => emu.seed().name);
    const seen: string[] = [];
    let pageToken: string | undefined;
    for (let page = 0; page < 10; page++) {
      const { data } = await ops.list({
        name: "projects/earthengine-legacy",
        pageSize: 2,
        ...(pageToken ? { pageToken } : {}),
      });
      seen.push(...(data.operations ?? []).map((o) => o.name));
      pageToken = data.nextPageToken;
      if (!pageToken) break;
    }
    expect(seen.sort()).toEqual([...names].sort());
    expect(emu.requests).toHaveLength(3);
    expect(emu.requests.every((r) => r.headers.authorization === "Bearer <redacted>")).toBe(true);
    expect(emu.requests[0]!.url).toBe("/v1alpha/projects/earthengine-legacy/operations?pageSize=2");
  });

  it("gets by name, a multi-segment name keeping its slashes", async () => {
    const { emu, ops } = await start();
    const { name } = emu.seed({ id: "export/part 1", runMs: 60_000 });
    emu.advance(10);
    const { data } = await ops.get({ name });
    expect(data).toMatchObject({ name, done: false, metadata: { state: "RUNNING" } });
    expect(emu.requests[0]!.url).toBe("/v1alpha/projects/earthengine-legacy/operations/export/part%201");
  });

  it("cancels with an empty body or with `{}`; the operation ends CANCELLED with error.code 1", async () => {
    const { emu, ops } = await start();
    const a = emu.seed({ runMs: 60_000 }).name;
    const b = emu.seed({ runMs: 60_000 }).name;
    emu.advance(10);
    expect((await ops.cancel({ name: a })).data).toEqual({});
    expect((await ops.cancel({ name: b, requestBody: {} })).data).toEqual({});
    expect(emu.requests.map((r) => r.body)).toEqual(["", "{}"]);
    emu.advance(1_000);
    for (const name of [a, b]) {
      const { data } = await ops.get({ name });
      expect(data).toMatchObject({ done: true, error: { code: 1 }, metadata: { state: "CANCELLED" } });
    }
  });

  it("wait returns once the operation is done", async () => {
    const { emu, ops } = await start();
    const { name } = emu.seed({ runMs: 5_000 });
    emu.advance(10);
    const waiting = ops.wait({ name, requestBody: { timeout: "30s" } });
    await requestsReceived(emu, 1);
    emu.advance(5_000);
    const { data } = await waiting;
    expect(data).toMatchObject({ name, done: true, metadata: { state: "SUCCEEDED" } });
    expect(JSON.parse(emu.requests[0]!.body)).toEqual({ timeout: "30s" });
  });

  it("deletes, after which get is 404 NOT_FOUND in Google's error shape", async () => {
    const { emu, ops } = await start();
    const { name } = emu.seed();
    expect((await ops.delete({ name })).data).toEqual({});
    const error = await ops.get({ name }).then(
      () => undefined,
      (e: { status?: number; response?: { data?: unknown }; message?: string }) => e,
    );
    expect(error?.status).toBe(404);
    expect(error?.response?.data).toEqual({
      error: { code: 404, status: "NOT_FOUND", message: `Operation ${name} not found.` },
    });
    expect(error?.message).toBe(`Operation ${name} not found.`);
  });

  // The README's comparison of name handling rests on these two tests.
  it("refuses `.` and `..` segments before sending anything (9.x; 8.0.3 sent them)", async () => {
    const { emu, ops } = await start();
    await expect(ops.cancel({ name: "projects/p/operations/../../v1alpha/x" })).rejects.toThrow(
      "must not contain segments that are exactly . or ..",
    );
    expect(emu.requests).toHaveLength(0);
  });

  it("does not check names against the Discovery pattern: other shapes are sent as they are", async () => {
    const { emu, ops } = await start();
    for (const name of ["other/p/operations/x", "projects/p/operations/", "projects/p/operations/a//b"]) {
      await ops.cancel({ name }).catch(() => undefined);
    }
    expect(emu.requests.map((r) => r.url)).toEqual([
      "/v1alpha/other/p/operations/x:cancel",
      "/v1alpha/projects/p/operations/:cancel",
      "/v1alpha/projects/p/operations/a//b:cancel",
    ]);
  });
});
