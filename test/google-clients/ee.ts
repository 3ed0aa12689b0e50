// Earth Engine's own JavaScript client (@google/earthengine, CommonJS, no types) pointed at an emulator.
// Only `ee.data` is used: `ee.initialize` would also fetch the algorithm list, which is not this API.
import { createRequire } from "node:module";

export type Callback<T> = (value: T | null, error?: string) => void;

/** The part of `ee.data` these tests call (signatures from the package's src/data.js). */
export interface EeData {
  initialize(apiBaseUrl: string, tileBaseUrl: string, xsrfToken: undefined, project: string): void;
  setAuthToken(
    clientId: string,
    tokenType: string,
    accessToken: string,
    expiresIn: number,
    extraScopes: string[],
    callback: undefined,
    updateAuthLibrary: boolean,
  ): void;
  setProject(project: string): void;
  reset(): void;
  listOperations(limit: number | undefined, callback: Callback<Operation[]>): void;
  getOperation(name: string | string[], callback: Callback<unknown>): void;
  getTaskStatus(taskId: string | string[], callback: Callback<TaskStatus[]>): void;
  cancelOperation(name: string | string[], callback: Callback<unknown>): void;
  cancelTask(taskId: string, callback: Callback<unknown>): void;
}

export interface Operation {
  name: string;
  done?: boolean;
  metadata?: { state?: string };
  error?: { code?: number };
}

export interface TaskStatus {
  id: string;
  name: string;
  state: string;
}

export const ee: { data: EeData } = createRequire(import.meta.url)("@google/earthengine");

/** Points `ee.data` at `baseUrl` with a bearer token (any token works on the emulator). */
export function useEmulatorFromEe(baseUrl: string, token: string, project = "earthengine-legacy"): void {
  ee.data.reset();
  ee.data.initialize(baseUrl, baseUrl, undefined, project);
  ee.data.setProject(project);
  ee.data.setAuthToken("", "Bearer", token, 3600, [], undefined, false);
}

/** One asynchronous `ee.data` call as a promise; rejects with its error text, or after `ms`. */
export function eeCall<T>(start: (callback: Callback<T>) => void, ms = 10_000): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer from ee.data within ${ms} ms`)), ms);
    start((value, error) => {
      clearTimeout(timer);
      if (error) reject(new Error(error));
      else resolve(value as T);
    });
  });
}

/**
 * ee's objects keep their fields in `Serializable$values`; plain JSON of an Operation from
 * getOperation/listOperations (where it answers class instances).
 */
export function plain<T>(value: unknown): T {
  return JSON.parse(
    JSON.stringify(value, (_key, v) =>
      v && typeof v === "object" && "Serializable$values" in v ? v.Serializable$values : v,
    ),
  ) as T;
}
