// The four ways of cancelling an operation that figures 4 and 5 compare, each built on a given fetch.
// Every one sends POST <base>/v1/projects/<p>/operations/<id>:cancel with `Authorization: Bearer t`
// and reads the JSON answer; checkRequests() asserts that before anything is timed.
import { join } from "node:path";
import { createEarthEngineClient } from "ee-operations-client";
import type { paths } from "ee-operations-client/v1";
import { Discovery } from "googleapis-common";
import createClient from "openapi-fetch";
import { BENCH } from "./env.js";

export type Fetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;
export type Cancel = (name: string) => Promise<unknown>;

export const NAME = "projects/my-project/operations/ABC123";
const token = () => "t";

/**
 * The generated client, as a user makes it (default timeout and retry options); with `timeoutMs:
 * Infinity` for context, since the default 120 s limit puts an AbortSignal on every request.
 */
export function oursClient(fetch: Fetch, baseUrl?: string, timeoutMs?: number): Cancel {
  const ee = createEarthEngineClient({
    version: "v1",
    fetch,
    accessToken: token,
    ...(baseUrl ? { baseUrl } : {}),
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  return (name) => ee.projects.operations.cancel({ name });
}

/** A hand-written call: URL building (encodeURIComponent per segment), auth header, status, JSON. */
export function handClient(fetch: Fetch, baseUrl = "https://earthengine.googleapis.com"): Cancel {
  return async (name) => {
    const url = `${baseUrl}/v1/${name.split("/").map(encodeURIComponent).join("/")}:cancel`;
    const response = await fetch(url, { method: "POST", headers: { Authorization: `Bearer ${token()}` } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return response.json();
  };
}

/** openapi-fetch used directly with the generated `paths` type. */
export function openapiFetchClient(fetch: Fetch, baseUrl = "https://earthengine.googleapis.com"): Cancel {
  const client = createClient<paths>({ baseUrl, fetch: fetch as (request: Request) => Promise<Response> });
  return async (name) => {
    const [, projectsId = "", , ...rest] = name.split("/");
    const { data, error } = await client.POST("/v1/projects/{projectsId}/operations/{operationsId}:cancel", {
      params: { path: { projectsId, operationsId: rest.join("/") } },
      headers: { Authorization: `Bearer ${token()}` },
    });
    if (error !== undefined) throw new Error("cancel failed");
    return data;
  };
}

interface DiscoveryEndpoint {
  projects: { operations: { cancel(params: { name: string }): Promise<{ data: unknown }> } };
}

/**
 * googleapis-common's Discovery client built from bench/discovery-earthengine-v1.json. Its transport
 * is gaxios, whose `fetchImplementation` option replaces fetch; endpoint options become the
 * per-API `_options` that every request is merged with.
 */
export async function googleapisCommonClient(fetch: Fetch, rootUrl?: string): Promise<Cancel> {
  const create = await new Discovery({}).discoverAPI(join(BENCH, "discovery-earthengine-v1.json"));
  const options = {
    fetchImplementation: fetch,
    headers: { Authorization: `Bearer ${token()}` },
    ...(rootUrl ? { rootUrl } : {}),
  };
  const ep = (create as unknown as (o: object) => DiscoveryEndpoint)(options);
  return async (name) => (await ep.projects.operations.cancel({ name })).data;
}

export interface SeenRequest {
  method: string;
  url: string;
  authorization: string | null;
}

/** Calls `cancel` once through a recording fetch and returns what went out. */
export async function recordOne(make: (fetch: Fetch) => Promise<Cancel> | Cancel, answer: Fetch): Promise<SeenRequest> {
  let seen: SeenRequest | undefined;
  const recording: Fetch = async (input, init) => {
    const request = new Request(input, init);
    seen = { method: request.method, url: request.url, authorization: request.headers.get("authorization") };
    return answer(input, init);
  };
  await (await make(recording))(NAME);
  if (!seen) throw new Error("the client made no request");
  return seen;
}

/** Milliseconds for `calls` sequential awaited cancels, after a GC when one is exposed. */
export async function timeCancels(cancel: Cancel, calls: number): Promise<number> {
  globalThis.gc?.();
  const started = performance.now();
  for (let i = 0; i < calls; i++) await cancel(NAME);
  return performance.now() - started;
}
