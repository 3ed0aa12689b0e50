// Shared test plumbing: start emulators that are closed after each test and whose every response body
// is checked against the spec's schemas, plus small fetch helpers.

import { afterEach, expect } from "vitest";
import { type Emulator, type EmulatorOptions, type ResponseInfo, startEmulator } from "../../emulator/index.js";
import { loadSpecSchemas } from "./spec-schemas.js";

export const VERSIONS = ["v1", "v1beta", "v1alpha"] as const;
export const T0 = Date.parse("2026-01-01T00:00:00Z");
export const iso = (msAfterT0: number): string => new Date(T0 + msAfterT0).toISOString();

const validate = loadSpecSchemas();

/** Which schema a response must satisfy; undefined for admin routes (not part of the API). */
function schemaFor(info: ResponseInfo): string | undefined {
  if (info.method === "admin") return undefined;
  if (info.method === "batch") return info.status === 200 ? undefined : "ErrorResponse"; // 200 is multipart
  if (info.status !== 200 || info.method === "unknown") return "ErrorResponse";
  if (info.method === "cancel" || info.method === "delete") return "Empty";
  if (info.method === "list") return "ListOperationsResponse";
  return "Operation";
}

/** Schema errors plus the checks a schema cannot express (version in @type, code = HTTP status). */
export function responseViolations(info: ResponseInfo): string[] {
  const schema = schemaFor(info);
  if (!schema) return [];
  const problems = validate(schema, info.body);
  const body = info.body as Record<string, any>;
  if (schema === "ErrorResponse" && body?.error?.code !== info.status)
    problems.push(`error.code ${body?.error?.code} != HTTP ${info.status}`);
  const ops: Record<string, any>[] =
    schema === "Operation" ? [body] : schema === "ListOperationsResponse" ? (body.operations ?? []) : [];
  for (const op of ops) {
    const type = `type.googleapis.com/google.earthengine.${info.version}.OperationMetadata`;
    if (op.metadata?.["@type"] !== type)
      problems.push(`${op.name}: metadata @type ${op.metadata?.["@type"]} != ${type}`);
  }
  return problems.map((p) => `${info.version} ${info.method} ${info.status}: ${p}`);
}

/**
 * Registers afterEach hooks in the calling test file; `start()` returns an emulator (port 0, manual
 * clock unless told otherwise) that is closed after the test, failing it on any schema violation.
 */
export function useEmulators(): { start(options?: EmulatorOptions): Promise<Emulator> } {
  const running: Emulator[] = [];
  const violations: string[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((emu) => emu.close()));
    expect(violations.splice(0)).toEqual([]);
  });
  return {
    async start(options = {}) {
      const emu = await startEmulator({
        port: 0,
        ...options,
        onResponse(info) {
          violations.push(...responseViolations(info));
          options.onResponse?.(info);
        },
      });
      running.push(emu);
      return emu;
    },
  };
}

export interface JsonResponse {
  status: number;
  json: any;
  headers: Headers;
}

/** The bearer token test requests send (the emulator accepts any by default). */
export const TEST_TOKEN = "emulator-test-token";

/** One request with a bearer token; asserts the JSON content type every emulator response carries. */
export async function call(emu: Emulator, method: string, path: string, body?: string): Promise<JsonResponse> {
  const res = await fetch(emu.url + path, {
    method,
    body,
    headers: { authorization: `Bearer ${TEST_TOKEN}` },
    signal: AbortSignal.timeout(5_000),
  });
  expect(res.headers.get("content-type")).toBe("application/json; charset=UTF-8");
  return { status: res.status, json: await res.json(), headers: res.headers };
}

export const get = (emu: Emulator, version: string, name: string): Promise<JsonResponse> =>
  call(emu, "GET", `/${version}/${name}`);

/** Resolves once the emulator has recorded `count` API requests (a request is handled right after). */
export async function requestsReceived(emu: Emulator, count: number): Promise<void> {
  const until = Date.now() + 5_000;
  while (emu.requests.length < count) {
    if (Date.now() > until) throw new Error(`only ${emu.requests.length} of ${count} requests arrived`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** Whether `promise` is still pending after a short real-time pause. */
export async function isPending(promise: Promise<unknown>, ms = 30): Promise<boolean> {
  const marker = Symbol("pending");
  const timer = new Promise((resolve) => setTimeout(resolve, ms, marker));
  return (
    (await Promise.race([
      promise.then(
        () => null,
        () => null,
      ),
      timer,
    ])) === marker
  );
}
