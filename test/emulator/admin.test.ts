// The /__emulator/ admin routes, request recording, and onResponse.

import { describe, expect, it } from "vitest";
import type { ResponseInfo } from "../../emulator/index.js";
import { call, get, iso, TEST_TOKEN, useEmulators } from "./harness.js";

const emulators = useEmulators();

const admin = (url: string, method: string, path: string, body?: unknown) =>
  fetch(`${url}/__emulator/${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(5_000),
  });

describe("admin routes", () => {
  it("seed, advance, unimplemented, faults and requests work over HTTP", async () => {
    const emu = await emulators.start();
    const seeded = await admin(emu.url, "POST", "operations", { project: "p", id: "a/b", runMs: 1_000 });
    expect(seeded.status).toBe(200);
    expect(await seeded.json()).toEqual({ name: "projects/p/operations/a/b" });

    const advanced = await admin(emu.url, "POST", "advance", { ms: 1_000 });
    expect(await advanced.json()).toEqual({ now: iso(1_000) });
    expect((await get(emu, "v1", "projects/p/operations/a/b")).json.metadata.state).toBe("SUCCEEDED");

    expect((await admin(emu.url, "POST", "unimplemented", { methods: ["get"] })).status).toBe(200);
    expect((await get(emu, "v1", "projects/p/operations/a/b")).status).toBe(501);
    await admin(emu.url, "POST", "unimplemented", { methods: [] });

    expect((await admin(emu.url, "POST", "faults", { status: 503, times: 3 })).status).toBe(200);
    expect((await get(emu, "v1", "projects/p/operations/a/b")).status).toBe(503);
    expect((await admin(emu.url, "DELETE", "faults")).status).toBe(200);
    expect((await get(emu, "v1", "projects/p/operations/a/b")).status).toBe(200);

    const recorded = await (await admin(emu.url, "GET", "requests")).json();
    expect(recorded.requests).toHaveLength(4); // admin requests are not recorded
    expect(recorded.requests[0]).toMatchObject({ method: "GET", url: "/v1/projects/p/operations/a/b", body: "" });
    expect(recorded).toEqual({ requests: emu.requests, total: 4 });
  });

  it("answers bad admin input with Google JSON errors", async () => {
    const emu = await emulators.start();
    const cases: [string, string, unknown, number][] = [
      ["POST", "operations", { runMs: "long" }, 400],
      ["POST", "operations", { colour: "red" }, 400],
      ["POST", "advance", { ms: -5 }, 400],
      ["POST", "advance", {}, 400],
      ["POST", "unimplemented", { methods: "get" }, 400],
      ["POST", "faults", { hang: "yes" }, 400],
      ["GET", "nothing", undefined, 404],
    ];
    for (const [method, path, body, status] of cases) {
      const res = await admin(emu.url, method, path, body);
      const json = await res.json();
      expect({ path, body, status: res.status, code: json.error.code }).toEqual({ path, body, status, code: status });
    }
    await admin(emu.url, "POST", "operations", { project: "p", id: "x" });
    expect((await admin(emu.url, "POST", "operations", { project: "p", id: "x" })).status).toBe(409);
    const real = await emulators.start({ clock: "real" });
    const refused = await admin(real.url, "POST", "advance", { ms: 1 });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.status).toBe("FAILED_PRECONDITION");
  });

  it("records API requests with method, url, headers and body", async () => {
    const emu = await emulators.start();
    const { name } = emu.seed({ project: "p" });
    await fetch(`${emu.url}/v1/${name}:wait`, {
      method: "POST",
      body: '{"timeout":"0s"}',
      headers: { "x-test": "1", authorization: `Bearer ${TEST_TOKEN}` },
    });
    await call(emu, "GET", "/nowhere?x=1");
    expect(emu.requests).toEqual([
      expect.objectContaining({
        method: "POST",
        url: `/v1/${name}:wait`,
        body: '{"timeout":"0s"}',
        headers: expect.objectContaining({ "x-test": "1" }),
      }),
      expect.objectContaining({ method: "GET", url: "/nowhere?x=1" }),
    ]);
  });

  it("reports every response to onResponse with version, method, status and parsed body", async () => {
    const seen: ResponseInfo[] = [];
    const emu = await emulators.start({ onResponse: (info) => seen.push(info) });
    const { name } = emu.seed({ project: "p", id: "x" });
    await get(emu, "v1alpha", name);
    await call(emu, "GET", "/v1beta/projects/p/operations?pageSize=0");
    await call(emu, "GET", "/v9/x");
    await admin(emu.url, "DELETE", "faults");
    expect(seen.map(({ version, method, status }) => `${version} ${method} ${status}`)).toEqual([
      "v1alpha get 200",
      "v1beta list 400",
      " unknown 404",
      " admin 200",
    ]);
    expect(seen[0]!.body).toMatchObject({ name });
  });
});

describe("POST /__emulator/operations refuses names no client can call", () => {
  it.each([
    { seed: { id: "../x" }, field: "id" },
    { seed: { id: "a?b#c" }, field: "id" },
    { seed: { id: "x/./y" }, field: "id" },
    { seed: { id: "x/ " }, field: "id" },
    { seed: { id: "a%2Fb" }, field: "id" },
    { seed: { id: "a\\b" }, field: "id" },
    { seed: { id: "a\u0000b" }, field: "id" },
    { seed: { id: "a\ud800" }, field: "id" },
    { seed: { project: ".." }, field: "project" },
    { seed: { project: "p?q" }, field: "project" },
    { seed: { project: "a/operations/b" }, field: "project" },
    { seed: { project: "\t" }, field: "project" },
    { seed: { id: 7 }, field: "id" },
    { seed: { colour: "red" }, field: "colour" },
    { seed: { id: "a\u009bb/.." }, field: "id" },
  ])("$seed → 400 naming $field, nothing stored", async ({ seed, field }) => {
    const emu = await emulators.start();
    const res = await admin(emu.url, "POST", "operations", seed);
    const { error } = await res.json();
    expect({ status: res.status, code: error.code, status_: error.status }).toEqual({
      status: 400,
      code: 400,
      status_: "INVALID_ARGUMENT",
    });
    expect(error.message).toMatch(new RegExp(`^(seed\\.${field} |unknown seed field)`));
    expect(error.details).toEqual([
      {
        "@type": "type.googleapis.com/google.rpc.BadRequest",
        fieldViolations: [{ field, description: error.message }],
      },
    ]);
    // A control character is named or escaped, never echoed raw.
    expect(error.message).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    const project = typeof seed.project === "string" && !seed.project.includes("/") ? seed.project : "p";
    const listed = await call(emu, "GET", `/v1/projects/${encodeURIComponent(project)}/operations`);
    expect(listed.json.operations ?? []).toEqual([]);
    expect(() => emu.seed(seed as never)).toThrow(/seed\.|unknown seed field/);
  });

  it("still accepts ids with several segments and any other characters", async () => {
    const emu = await emulators.start();
    for (const id of ["a/b/c", "x y", "é-ü_1.2", "..."]) {
      const res = await admin(emu.url, "POST", "operations", { project: "my-project", id });
      expect(await res.json()).toEqual({ name: `projects/my-project/operations/${id}` });
    }
  });
});
