// Earth Engine's own JavaScript client (@google/earthengine 1.7.45) against the emulator on loopback:
// a client nobody here wrote must be able to list, read and cancel operations. ee.data has no wait or
// delete call; googleapis-common.test.ts covers those. Array calls go to Google's HTTP batch (`POST
// /batch`, as Google's batch documentation describes it).
import { describe, expect, it } from "vitest";
import type { Emulator } from "../../emulator/index.js";
import { useEmulators } from "../emulator/harness.js";
import { type EeData, ee, eeCall, type Operation, plain, type TaskStatus, useEmulatorFromEe } from "./ee.js";

const TOKEN = "test-token-ee";
const emulators = useEmulators();

// The emulator accepts only this token, so every answered call proves ee sent it.
async function start(project?: string): Promise<{ emu: Emulator; data: EeData }> {
  const emu = await emulators.start({ auth: { token: TOKEN } });
  useEmulatorFromEe(emu.url, TOKEN, project);
  return { emu, data: ee.data };
}

const taskId = (name: string) => name.split("/").at(-1)!;

/** The emulator's own view of an operation (no client involved). */
async function stateOf(emu: Emulator, name: string): Promise<string | undefined> {
  const res = await fetch(`${emu.url}/v1/${name}`, {
    headers: { authorization: `Bearer ${TOKEN}` },
    signal: AbortSignal.timeout(5_000),
  });
  return ((await res.json()) as Operation).metadata?.state;
}

describe("@google/earthengine against the emulator", () => {
  it("listOperations pages through every operation with pageToken, sending the bearer token", async () => {
    const { emu, data } = await start();
    const names = Array.from({ length: 503 }, () => emu.seed({ runMs: 60_000 }).name);
    const ops = plain<Operation[]>(await eeCall<Operation[]>((cb) => data.listOperations(undefined, cb)));
    expect(ops.map((o) => o.name).sort()).toEqual([...names].sort());
    const lists = emu.requests.filter((r) => r.method === "GET");
    // ee asks for pages of 500: 503 operations take two requests, the second with the first's token.
    expect(lists.map((r) => new URL(r.url, emu.url).searchParams.get("pageSize"))).toEqual(["500", "500"]);
    expect(new URL(lists[1]!.url, emu.url).searchParams.get("pageToken")).toBeTruthy();
    expect(lists.every((r) => r.headers.authorization === "Bearer <redacted>")).toBe(true);
    expect(lists[0]!.url).toMatch(/^\/v1\/projects\/earthengine-legacy\/operations\?/);
  });

  it("getOperation by name and getTaskStatus by bare task id read the same operation", async () => {
    const { emu, data } = await start();
    const { name } = emu.seed({ runMs: 60_000, description: "Landsat composite" });
    emu.advance(10);
    const op = plain<Operation>(await eeCall((cb) => data.getOperation(name, cb)));
    expect(op).toMatchObject({ name, done: false, metadata: { state: "RUNNING", description: "Landsat composite" } });
    const byId = plain<Operation>(await eeCall((cb) => data.getOperation(taskId(name), cb)));
    expect(byId.name).toBe(name);
    const [status] = await eeCall<TaskStatus[]>((cb) => data.getTaskStatus(taskId(name), cb));
    expect(status).toMatchObject({ id: taskId(name), name, state: "RUNNING" });
    expect(emu.requests.map((r) => `${r.method} ${r.url}`)).toEqual(Array(3).fill(`GET /v1/${name}`));
  });

  it("cancelOperation by name and cancelTask by bare task id cancel (CANCELLING, then CANCELLED)", async () => {
    const { emu, data } = await start();
    const a = emu.seed({ runMs: 60_000 }).name;
    const b = emu.seed({ runMs: 60_000 }).name;
    emu.advance(10);
    await eeCall((cb) => data.cancelOperation(a, cb));
    await eeCall((cb) => data.cancelTask(taskId(b), cb));
    expect([await stateOf(emu, a), await stateOf(emu, b)]).toEqual(["CANCELLING", "CANCELLING"]);
    emu.advance(1_000);
    const [sa, sb] = await eeCall<TaskStatus[]>((cb) => data.getTaskStatus(taskId(a), cb)).then(async (x) => [
      x[0],
      (await eeCall<TaskStatus[]>((cb) => data.getTaskStatus(taskId(b), cb)))[0],
    ]);
    expect([sa?.state, sb?.state]).toEqual(["CANCELLED", "CANCELLED"]);
    // ee sends an empty CancelOperationRequest, i.e. `{}`, where our client sends no body: both are accepted.
    const cancels = emu.requests.filter((r) => r.method === "POST");
    expect(cancels.map((r) => [r.url, r.body])).toEqual([
      [`/v1/${a}:cancel`, "{}"],
      [`/v1/${b}:cancel`, "{}"],
    ]);
  });

  it("a missing operation is an error carrying Google's message; the emulator answered 404 NOT_FOUND", async () => {
    const bodies: unknown[] = [];
    const emu = await emulators.start({ auth: { token: TOKEN }, onResponse: (info) => bodies.push(info.body) });
    useEmulatorFromEe(emu.url, TOKEN);
    const name = "projects/earthengine-legacy/operations/NOSUCHTASK";
    await expect(eeCall((cb) => ee.data.getOperation(name, cb))).rejects.toThrow(`Operation ${name} not found.`);
    expect(bodies).toEqual([{ error: { code: 404, status: "NOT_FOUND", message: `Operation ${name} not found.` } }]);
  });

  it("a Cloud project is sent as x-goog-user-project and names the listed collection", async () => {
    const { emu, data } = await start("my-project");
    const { name } = emu.seed({ project: "my-project" });
    const ops = plain<Operation[]>(await eeCall<Operation[]>((cb) => data.listOperations(undefined, cb)));
    expect(ops.map((o) => o.name)).toEqual([name]);
    expect(emu.requests[0]!.url).toMatch(/^\/v1\/projects\/my-project\/operations\?/);
    expect(emu.requests[0]!.headers["x-goog-user-project"]).toBe("my-project");
  });
});

// Array calls: ee sends one `POST /batch` (multipart/mixed, one part per name) and reads the parts back.
describe("@google/earthengine array calls (HTTP batch)", () => {
  it("getOperation([...]) answers every operation, keyed by name", async () => {
    const { emu, data } = await start();
    const names = [emu.seed({ runMs: 60_000 }).name, emu.seed({ state: "SUCCEEDED" }).name];
    emu.advance(10);
    const byName = plain<Record<string, Operation>>(await eeCall((cb) => data.getOperation(names, cb)));
    expect(Object.keys(byName).sort()).toEqual([...names].sort());
    expect(byName[names[0]!]?.metadata?.state).toBe("RUNNING");
    expect(byName[names[1]!]).toMatchObject({ done: true, metadata: { state: "SUCCEEDED" } });
    expect(emu.requests.filter((r) => r.url === "/batch")).toHaveLength(1);
  });

  it("getTaskStatus([...]) answers one status per id, in input order", async () => {
    const { emu, data } = await start();
    const names = [emu.seed({ state: "FAILED" }).name, emu.seed({ runMs: 60_000 }).name, emu.seed().name];
    emu.advance(10);
    const statuses = await eeCall<TaskStatus[]>((cb) => data.getTaskStatus(names.map(taskId), cb));
    expect(statuses.map((s) => [s.name, s.state])).toEqual([
      [names[0], "FAILED"],
      [names[1], "RUNNING"],
      [names[2], "RUNNING"],
    ]);
  });

  it("cancelOperation([...]) cancels every operation; their states are checked afterwards", async () => {
    const { emu, data } = await start();
    const running = [emu.seed({ runMs: 60_000 }).name, emu.seed({ runMs: 60_000 }).name];
    const done = emu.seed({ state: "SUCCEEDED" }).name;
    emu.advance(10);
    await eeCall((cb) => data.cancelOperation([...running, done], cb));
    emu.advance(1_000);
    const states = await Promise.all([...running, done].map((n) => stateOf(emu, n)));
    // Cancelling a done operation is accepted and changes nothing.
    expect(states).toEqual(["CANCELLED", "CANCELLED", "SUCCEEDED"]);
  });
});
