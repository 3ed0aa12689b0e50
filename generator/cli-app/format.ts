// Human-readable renderings of operations: the list table, `get`'s fields, outcomes.
import { CANONICAL_CODES } from "../errors.js";
import { oneLine } from "./errors.js";
import type { CliOperation } from "./types.js";

export type Outcome = "SUCCEEDED" | "FAILED" | "CANCELLED";

/** How a done operation ended: `error.code` 1 is CANCELLED, any other error FAILED. */
export function outcomeOf(op: CliOperation): Outcome {
  if (op.error === undefined) return "SUCCEEDED";
  return op.error.code === 1 ? "CANCELLED" : "FAILED";
}

/** The metadata's state, or one derived from `done` and `error` when the server sent none. */
export function stateOf(op: CliOperation): string {
  const state = op.metadata?.state;
  if (typeof state === "string" && state) return oneLine(state);
  return op.done ? outcomeOf(op) : "UNKNOWN";
}

/** The part of the name after `/operations/` (the task id). */
export function shortId(name: string | undefined): string {
  if (!name) return "-";
  const at = name.indexOf("/operations/");
  return oneLine(at >= 0 ? name.slice(at + "/operations/".length) : name);
}

export function percent(progress: number | undefined): string {
  return typeof progress === "number" && Number.isFinite(progress)
    ? `${Math.floor(Math.min(Math.max(progress, 0), 1) * 100)}%`
    : "-";
}

/** RFC 3339 → `2026-01-02T03:04:05Z` (seconds, UTC); anything unparseable is shown as is. */
export function time(value: string | undefined): string {
  if (!value) return "-";
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? oneLine(value) : new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
}

/** `CODE_NAME: message` of a google.rpc.Status. */
export function statusText(error: { code?: number; message?: string } | undefined): string {
  if (!error) return "";
  const name = typeof error.code === "number" ? (CANONICAL_CODES[error.code] ?? `code ${error.code}`) : "UNKNOWN";
  return error.message ? `${name}: ${oneLine(error.message)}` : name;
}

/** Left-aligned columns, two spaces apart; the last column is not padded. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return `${[line(header), ...rows.map(line)].join("\n")}\n`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export function operationsTable(ops: readonly CliOperation[]): string {
  const rows = ops.map((op) => [
    shortId(op.name),
    stateOf(op),
    oneLine(op.metadata?.type ?? "") || "-",
    truncate(oneLine(op.metadata?.description ?? ""), 40) || "-",
    percent(op.metadata?.progress),
    time(op.metadata?.createTime),
  ]);
  return table(["ID", "STATE", "TYPE", "DESCRIPTION", "PROGRESS", "CREATED"], rows);
}

/** `get`'s output: one `field: value` line per known field. */
export function operationDetails(op: CliOperation): string {
  const m = op.metadata ?? {};
  const fields: [string, string | undefined][] = [
    ["name", op.name === undefined ? undefined : oneLine(op.name)],
    ["state", stateOf(op)],
    ["done", String(op.done === true)],
    ["type", m.type === undefined ? undefined : oneLine(m.type)],
    ["description", m.description === undefined ? undefined : oneLine(m.description)],
    ["progress", m.progress === undefined ? undefined : percent(m.progress)],
    ["priority", m.priority === undefined ? undefined : String(m.priority)],
    ["attempt", m.attempt === undefined ? undefined : String(m.attempt)],
    ["created", m.createTime && time(m.createTime)],
    ["started", m.startTime && time(m.startTime)],
    ["updated", m.updateTime && time(m.updateTime)],
    ["ended", m.endTime && time(m.endTime)],
    ["eecu-seconds", m.batchEecuUsageSeconds === undefined ? undefined : String(m.batchEecuUsageSeconds)],
    ["script", m.scriptUri === undefined ? undefined : oneLine(m.scriptUri)],
    ["destinations", m.destinationUris?.length ? m.destinationUris.map(oneLine).join(", ") : undefined],
    ["error", op.error ? statusText(op.error) : undefined],
  ];
  const shown = fields.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== "");
  const width = Math.max(...shown.map(([k]) => k.length)) + 1;
  return `${shown.map(([k, v]) => `${`${k}:`.padEnd(width)} ${v}`).join("\n")}\n`;
}

/** The line that tells how a waited-for operation ended. */
export function outcomeLine(name: string, op: CliOperation, afterCancel: boolean): string {
  const outcome = outcomeOf(op);
  const shown = oneLine(name);
  if (outcome === "FAILED") return `${shown}: FAILED: ${statusText(op.error)}`;
  if (outcome === "SUCCEEDED" && afterCancel) return `${shown}: SUCCEEDED (finished before the cancel took effect)`;
  return `${shown}: ${outcome}`;
}
