// Operations as Google's JSON mapping of proto3 writes them: an int32 may come as a number or a numeric
// string, `null` stands for an absent field. Anything else malformed is a ProtocolError naming the field,
// so that a `done: "false"` is never taken for done and a bad page token never reaches the next request.
import { kindOf, ProtocolError } from "./errors.js";

/** The part of a google.longrunning Operation the helpers read. */
export interface LroOperation {
  name?: string;
  done?: boolean;
  error?: { code?: number; message?: string; details?: unknown[] };
  metadata?: unknown;
}

/** An operation whose `name` is known (helpers always return these). */
export type NamedOperation<Op> = Op & { name: string };

/** How a done operation ended: CANCELLED, SUCCEEDED or FAILED; undefined while it is not done. */
export type Outcome = "CANCELLED" | "SUCCEEDED" | "FAILED";

const CANCELLED = 1;
const INT32 = /^-?\d{1,10}$/;

/**
 * How an operation ended, by google.longrunning's rules: not done → undefined; done without `error` →
 * SUCCEEDED; `error.code` 1 (CANCELLED) → CANCELLED; any other error → FAILED. Raw JSON is read by the
 * same mapping as everywhere (`error: null` is no error, `code: "1"` is 1).
 */
export function outcomeOf(operation: { done?: unknown; error?: unknown }): Outcome | undefined {
  const op = readOperation(operation, "operation");
  if (!op.done) return undefined;
  if (op.error === undefined) return "SUCCEEDED";
  return op.error.code === CANCELLED ? "CANCELLED" : "FAILED";
}

/**
 * Checks and normalises one Operation: `null` fields removed, `done` a boolean (absent → false is left
 * absent), `error.code` a number. `where` prefixes field names in errors, e.g. `operations[3]`.
 */
export function readOperation<Op extends LroOperation>(value: unknown, where = "operation"): Op {
  const out = withoutNulls(object(value, where));
  if (out.name !== undefined && typeof out.name !== "string") throw malformed(`${where}.name`, "a string", out.name);
  if (out.done !== undefined && typeof out.done !== "boolean") throw malformed(`${where}.done`, "a boolean", out.done);
  if (out.error !== undefined) out.error = readStatus(out.error, `${where}.error`);
  return out as Op;
}

/** `op`, with `name` filled in when the server left it out (the helpers always return named operations). */
export function withName<Op extends LroOperation>(op: Op, name: string): NamedOperation<Op> {
  return (op.name === undefined ? { ...op, name } : op) as NamedOperation<Op>;
}

/** Checks a ListOperationsResponse: `operations` an array of operations, `nextPageToken` a string. */
export function readListPage<Op extends LroOperation>(
  value: unknown,
  where = "list response",
): { operations: Op[]; nextPageToken: string | undefined } {
  const page = object(value, where);
  const ops = page.operations ?? [];
  if (!Array.isArray(ops)) throw malformed(`${where}.operations`, "an array", ops);
  const token = page.nextPageToken ?? undefined;
  if (token !== undefined && typeof token !== "string") throw malformed(`${where}.nextPageToken`, "a string", token);
  return {
    operations: ops.map((op, i) => readOperation<Op>(op, `${where}.operations[${i}]`)),
    nextPageToken: token || undefined,
  };
}

function readStatus(value: unknown, where: string): { code: number; message?: string; details?: unknown[] } {
  const out = withoutNulls(object(value, where));
  const code = out.code ?? 0;
  if (typeof code === "number" ? !Number.isInteger(code) : typeof code !== "string" || !INT32.test(code))
    throw malformed(`${where}.code`, "an int32 (a number or a numeric string)", code);
  out.code = Number(code);
  if (out.message !== undefined && typeof out.message !== "string")
    throw malformed(`${where}.message`, "a string", out.message);
  if (out.details !== undefined && !Array.isArray(out.details))
    throw malformed(`${where}.details`, "an array", out.details);
  return out as { code: number };
}

/**
 * A copy without `null` fields. Defined, not assigned: JSON.parse makes `"__proto__"` an own field, and
 * assigning it would set the copy's prototype (a `{"__proto__": {"done": true}}` would then read as done).
 */
function withoutNulls(source: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (value !== null)
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    throw malformed(where, "a JSON object", value);
  return value as Record<string, unknown>;
}

function malformed(field: string, expected: string, got: unknown): ProtocolError {
  return new ProtocolError(`the server sent ${field} as ${kindOf(got)}; expected ${expected}`, { field });
}
