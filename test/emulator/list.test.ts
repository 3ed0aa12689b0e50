// operations.list: order, paging, filters and their errors.

import { describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator/index.js";
import { call, useEmulators, VERSIONS } from "./harness.js";

const emulators = useEmulators();

function listPath(version: string, project: string, params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  return `/${version}/projects/${project}/operations${query ? `?${query}` : ""}`;
}

/** Follows nextPageToken until it is absent; returns every page's names. */
async function allPages(emu: Emulator, version: string, params: Record<string, string | number>): Promise<string[][]> {
  const pages: string[][] = [];
  let pageToken: string | undefined;
  do {
    const res = await call(emu, "GET", listPath(version, "p", pageToken ? { ...params, pageToken } : params));
    expect(res.status).toBe(200);
    pages.push(res.json.operations.map((op: { name: string }) => op.name));
    pageToken = res.json.nextPageToken;
    expect(pageToken).not.toBe("");
    expect(pages.length).toBeLessThan(50);
  } while (pageToken !== undefined);
  return pages;
}

describe.each(VERSIONS)("list (%s)", (version) => {
  it("pages newest first through every operation exactly once", async () => {
    const emu = await emulators.start();
    const seeded: string[] = [];
    for (let i = 0; i < 10; i++) {
      seeded.push(emu.seed({ project: "p", id: `op${i}` }).name);
      emu.advance(10);
    }
    emu.seed({ project: "other" });
    const pages = await allPages(emu, version, { pageSize: 3 });
    expect(pages.map((p) => p.length)).toEqual([3, 3, 3, 1]);
    expect(pages.flat()).toEqual([...seeded].reverse());
  });

  it("orders operations created at the same instant by name", async () => {
    const emu = await emulators.start();
    for (const id of ["c", "a", "b"]) emu.seed({ project: "p", id });
    emu.advance(1);
    emu.seed({ project: "p", id: "z" });
    const pages = await allPages(emu, version, {});
    expect(pages).toEqual([["z", "a", "b", "c"].map((id) => `projects/p/operations/${id}`)]);
  });

  it("filters on metadata.state and done, with OR", async () => {
    const emu = await emulators.start();
    const pending = emu.seed({ project: "p", id: "pending", pendingMs: 10_000 }).name;
    const running = emu.seed({ project: "p", id: "running", runMs: 10_000 }).name;
    const done = emu.seed({ project: "p", id: "done", state: "SUCCEEDED" }).name;
    const names = async (filter: string): Promise<string[]> => (await allPages(emu, version, { filter })).flat().sort();

    expect(await names('metadata.state = "RUNNING"')).toEqual([running]);
    expect(await names("metadata.state=RUNNING")).toEqual([running]);
    expect(await names("  metadata.state =   PENDING  ")).toEqual([pending]);
    expect(await names("metadata.state = PENDING OR metadata.state = RUNNING")).toEqual([pending, running].sort());
    expect(await names("done = true")).toEqual([done]);
    expect(await names("done=false")).toEqual([pending, running].sort());
    expect(await names("metadata.state = CANCELLED")).toEqual([]);
    expect(await names("")).toEqual([pending, running, done].sort());
  });

  it("pages within a filter", async () => {
    const emu = await emulators.start();
    for (let i = 0; i < 7; i++) emu.seed({ project: "p", id: `r${i}`, state: "RUNNING" });
    for (let i = 0; i < 5; i++) emu.seed({ project: "p", id: `s${i}`, state: "SUCCEEDED" });
    const pages = await allPages(emu, version, { filter: "done = false", pageSize: 2 });
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2, 1]);
    expect(new Set(pages.flat()).size).toBe(7);
  });
});

describe("list errors", () => {
  it("rejects unsupported filters, naming them", async () => {
    const emu = await emulators.start();
    for (const filter of [
      "metadata.state = BOGUS",
      "done = maybe",
      "name = x",
      "metadata.state = RUNNING AND done = false",
      "done = true OR",
      "metadata.state",
    ]) {
      const res = await call(emu, "GET", listPath("v1", "p", { filter }));
      expect(res.status).toBe(400);
      expect(res.json.error.status).toBe("INVALID_ARGUMENT");
      expect(res.json.error.message).toContain(filter);
    }
  });

  it("rejects bad page sizes and caps large ones", async () => {
    const emu = await emulators.start();
    for (const pageSize of ["0", "-1", "2.5", "abc", "1e2"]) {
      const res = await call(emu, "GET", listPath("v1beta", "p", { pageSize }));
      expect({ pageSize, status: res.status }).toEqual({ pageSize, status: 400 });
      expect(res.json.error.status).toBe("INVALID_ARGUMENT");
    }
    for (let i = 0; i < 3; i++) emu.seed({ project: "p" });
    expect((await call(emu, "GET", listPath("v1beta", "p", { pageSize: 100_000 }))).json.operations).toHaveLength(3);
  });

  it("rejects tokens that do not decode or belong to another query", async () => {
    const emu = await emulators.start();
    for (let i = 0; i < 4; i++) emu.seed({ project: "p", id: `op${i}`, state: "RUNNING" });
    const first = await call(emu, "GET", listPath("v1", "p", { pageSize: 2, filter: "done = false" }));
    const token: string = first.json.nextPageToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);

    const bad: Record<string, string>[] = [
      { pageToken: "not a token!" },
      { pageToken: "bm90IGpzb24" }, // "not json"
      { pageToken: token }, // issued for another filter
      { pageToken: token, filter: "done = true" },
    ];
    for (const params of bad) {
      const res = await call(emu, "GET", listPath("v1", "p", { pageSize: 2, ...params }));
      expect(res.status).toBe(400);
      expect(res.json.error.status).toBe("INVALID_ARGUMENT");
    }
    const otherProject = await call(
      emu,
      "GET",
      listPath("v1", "q", { pageSize: 2, filter: "done = false", pageToken: token }),
    );
    expect(otherProject.status).toBe(400);
    const second = await call(
      emu,
      "GET",
      listPath("v1", "p", { pageSize: 2, filter: "done = false", pageToken: token }),
    );
    expect(second.json.operations.map((op: { name: string }) => op.name)).toEqual([
      "projects/p/operations/op2",
      "projects/p/operations/op3",
    ]);
    expect(second.json.nextPageToken).toBeUndefined();
  });

  it("skips nothing when an already-listed operation is deleted between pages", async () => {
    const emu = await emulators.start();
    for (let i = 0; i < 6; i++) emu.seed({ project: "p", id: `op${i}` });
    const first = await call(emu, "GET", listPath("v1", "p", { pageSize: 3 }));
    await call(emu, "DELETE", "/v1/projects/p/operations/op0");
    const second = await call(emu, "GET", listPath("v1", "p", { pageSize: 3, pageToken: first.json.nextPageToken }));
    expect(second.json.operations.map((op: { name: string }) => op.name.slice(-3))).toEqual(["op3", "op4", "op5"]);
  });
});
