// Turns a SeedOperation (from code or from the admin route's JSON) into an OperationRecord,
// applying the documented defaults. Bad input throws an INVALID_ARGUMENT ApiError, which the admin
// route answers as is.

import { randomInt } from "node:crypto";
import { ApiError, invalidField } from "./google-error.js";
import type { OperationRecord } from "./lifecycle.js";
import { defaultDestinationUris, defaultScriptUri } from "./metadata.js";
import { operationIdProblem, projectProblem, quoteForMessage } from "./resource-id.js";
import type { SeedOperation, SeedState } from "./types.js";

/** INVALID_ARGUMENT naming the seed field `key` (message `seed.<key> …`). */
const invalid = (key: string, message: string): ApiError => invalidField(key, `seed.${key} ${message}`);

export const DEFAULT_PROJECT = "earthengine-legacy";
const DEFAULT_RUN_MS = 60_000;
const DEFAULT_CANCEL_MS = 100;
const SEED_STATES: readonly SeedState[] = ["PENDING", "RUNNING", "SUCCEEDED", "FAILED", "CANCELLED"];
const SEED_KEYS = new Set([
  "project",
  "id",
  "type",
  "description",
  "pendingMs",
  "runMs",
  "cancelMs",
  "outcome",
  "state",
  "scriptUri",
  "destinationUris",
  "warning",
]);

const TASK_ID_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/** A random Earth Engine style task id, e.g. 6XGCJ4JK5QWZ3MZDDAD2CBEP. */
export function randomTaskId(): string {
  let id = "";
  for (let i = 0; i < 24; i++) id += TASK_ID_ALPHABET[randomInt(TASK_ID_ALPHABET.length)];
  return id;
}

function optionalString(seed: Record<string, unknown>, key: string): string | undefined {
  const v = seed[key];
  if (v !== undefined && typeof v !== "string") throw invalid(key, "must be a string");
  return v;
}

function optionalMs(seed: Record<string, unknown>, key: string, fallback: number): number {
  const v = seed[key];
  if (v === undefined) return fallback;
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw invalid(key, "must be a finite number >= 0");
  return v;
}

/** runMs may also be Infinity (in-process only: JSON has no Infinity): runs until cancelled. */
function runMsOf(seed: Record<string, unknown>): number {
  return seed.runMs === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : optionalMs(seed, "runMs", DEFAULT_RUN_MS);
}

function optionalStrings(seed: Record<string, unknown>, key: string): string[] | undefined {
  const v = seed[key];
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || v.some((item) => typeof item !== "string"))
    throw invalid(key, "must be an array of strings");
  return [...v];
}

function oneOf<T extends string>(seed: Record<string, unknown>, key: string, allowed: readonly T[]): T | undefined {
  const v = seed[key];
  if (v === undefined) return undefined;
  if (!allowed.includes(v as T)) throw invalid(key, `must be one of ${allowed.join(", ")}`);
  return v as T;
}

/** Validates `input` (possibly untrusted JSON) and builds the record created at `nowMs`. */
export function recordFromSeed(input: SeedOperation | unknown, nowMs: number): OperationRecord {
  if (input === undefined || input === null) input = {};
  if (typeof input !== "object" || Array.isArray(input))
    throw new ApiError("INVALID_ARGUMENT", "a seed must be an object");
  const seed = input as Record<string, unknown>;
  for (const key of Object.keys(seed))
    if (!SEED_KEYS.has(key)) {
      const field = /^[\w.-]{1,100}$/.test(key) ? key : quoteForMessage(key);
      throw invalidField(field, `unknown seed field ${quoteForMessage(key)}`);
    }

  // A name every client refuses would make an operation nobody can get, cancel or delete.
  const project = optionalString(seed, "project") ?? DEFAULT_PROJECT;
  const badProject = projectProblem(project);
  if (badProject) throw invalid("project", `${badProject}; got ${quoteForMessage(project)}`);
  const id = optionalString(seed, "id") ?? randomTaskId();
  const badId = operationIdProblem(id);
  if (badId) throw invalid("id", `${badId}; got ${quoteForMessage(id)}`);

  const state = oneOf(seed, "state", SEED_STATES);
  // An explicit PENDING with no pendingMs would otherwise start running at once, i.e. never be seen.
  const pendingMs = optionalMs(seed, "pendingMs", state === "PENDING" ? DEFAULT_RUN_MS : 0);
  const runMs = runMsOf(seed);
  const cancelMs = optionalMs(seed, "cancelMs", DEFAULT_CANCEL_MS);
  const outcome = oneOf(seed, "outcome", ["SUCCEEDED", "FAILED"] as const) ?? "SUCCEEDED";

  const name = `projects/${project}/operations/${id}`;
  const type = optionalString(seed, "type") ?? "EXPORT_IMAGE";
  const base = {
    name,
    project,
    type,
    description: optionalString(seed, "description") ?? "",
    createMs: nowMs,
    cancelMs,
    scriptUri: optionalString(seed, "scriptUri") ?? defaultScriptUri(name, type),
    destinationUris: optionalStrings(seed, "destinationUris") ?? defaultDestinationUris(name, project, type),
    warning: optionalString(seed, "warning"),
  };
  switch (state) {
    case "RUNNING":
      return { ...base, startMs: nowMs, endMs: nowMs + runMs, outcome };
    case "SUCCEEDED":
    case "FAILED":
      return { ...base, startMs: nowMs, endMs: nowMs, outcome: state };
    case "CANCELLED":
      // Cancelled at creation, before it could start.
      return { ...base, startMs: Infinity, endMs: Infinity, outcome, cancelMs: 0, cancelAtMs: nowMs };
    default:
      return { ...base, startMs: nowMs + pendingMs, endMs: nowMs + pendingMs + runMs, outcome };
  }
}
