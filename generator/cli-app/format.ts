// Human-readable renderings of operations: list rows, `get`'s fields, outcome lines. Every piece of
// server text goes through terminalText.
import { CANONICAL_CODES, outcomeOf } from "ee-operations-client";
import { metadataView } from "./metadata.js";
import { terminalText } from "./sanitize.js";
import { listedRows, notificationLine, stageLine } from "./task-details.js";
import type { CliOperation } from "./types.js";

/** The metadata's state, or one derived from `done` and `error` when the server sent none. */
export function stateOf(op: CliOperation): string {
  const state = metadataView(op.metadata).state;
  if (typeof state === "string" && state) return terminalText(state) || "UNKNOWN";
  return (op.done && outcomeOf(op)) || "UNKNOWN";
}

/** The part of the name after `/operations/` (the task id). */
export function shortId(name: string | undefined): string {
  if (!name) return "-";
  const at = name.indexOf("/operations/");
  return terminalText(at >= 0 ? name.slice(at + "/operations/".length) : name) || "-";
}

export function percent(progress: unknown): string {
  return typeof progress === "number" && Number.isFinite(progress)
    ? `${Math.floor(Math.min(Math.max(progress, 0), 1) * 100)}%`
    : "-";
}

/** `RUNNING 40%`: the state and progress of an operation, as the progress and Ctrl-C lines show them. */
export function stateAndProgress(op: CliOperation): string {
  return `${stateOf(op)} ${percent(metadataView(op.metadata).progress)}`;
}

/** RFC 3339 → `2026-01-02T03:04:05Z` (seconds, UTC); anything unparseable is shown as is, made safe. */
export function time(value: unknown): string {
  if (typeof value !== "string" || !value) return "-";
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? terminalText(value) || "-" : new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
}

/** `CODE_NAME: message` of a google.rpc.Status, secrets redacted. */
export function statusText(error: CliOperation["error"], secrets: readonly string[] = []): string {
  if (!error) return "";
  const code = error.code;
  const name = typeof code === "number" ? (CANONICAL_CODES[code] ?? `code ${code}`) : "UNKNOWN";
  const message = typeof error.message === "string" ? terminalText(error.message, secrets) : "";
  return message ? `${name}: ${message}` : name;
}

/** At most `max` characters, the last one `…` when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join("")}…` : text;
}

/** EECU-seconds with at most one decimal. */
export function eecu(value: unknown): string {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? String(Math.round(value * 10) / 10) : "-";
}

/** The first destination URI, and how many more there are. */
export function destinations(uris: unknown, secrets: readonly string[] = []): string {
  if (!Array.isArray(uris) || uris.length === 0) return "-";
  const first = typeof uris[0] === "string" ? terminalText(uris[0], secrets) : "";
  return `${first || "?"}${uris.length > 1 ? ` (+${uris.length - 1})` : ""}`;
}

/**
 * `get`'s output: one `field: value` line per field the operation has, then one `stage:` line per
 * stage and one `notification:` line per notification (each list capped, see task-details.ts).
 */
export function operationDetails(op: CliOperation, secrets: readonly string[] = []): string {
  const m = metadataView(op.metadata);
  const text = (v: unknown) => (typeof v === "string" ? terminalText(v, secrets) : undefined);
  const num = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? String(v) : undefined);
  const uris = Array.isArray(m.destinationUris) ? m.destinationUris.map((u) => text(u) ?? "?") : [];
  const fields: [string, string | undefined][] = [
    ["name", text(op.name)],
    ["state", stateOf(op)],
    ["done", String(op.done === true)],
    ["type", text(m.type)],
    ["description", text(m.description)],
    ["progress", m.progress === undefined ? undefined : percent(m.progress)],
    ["priority", num(m.priority)],
    ["attempt", num(m.attempt)],
    ["created", m.createTime && time(m.createTime)],
    ["started", m.startTime && time(m.startTime)],
    ["updated", m.updateTime && time(m.updateTime)],
    ["ended", m.endTime && time(m.endTime)],
    ["eecu-seconds", num(m.batchEecuUsageSeconds)],
    ["script", text(m.scriptUri)],
    ["destinations", uris.length ? uris.join(", ") : undefined],
    ["error", op.error ? statusText(op.error, secrets) : undefined],
    ...listedRows("stage", m.stages, (s) => stageLine(s, secrets)),
    ...listedRows("notification", m.notifications, (n) => notificationLine(n, secrets)),
  ];
  const shown = fields.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== "");
  const width = Math.max(...shown.map(([k]) => k.length)) + 1;
  return `${shown.map(([k, v]) => `${`${k}:`.padEnd(width)} ${v}`).join("\n")}\n`;
}

/** The line that tells how a waited-for operation ended. */
export function outcomeLine(
  name: string,
  op: CliOperation,
  afterCancel: boolean,
  secrets: readonly string[] = [],
): string {
  const outcome = outcomeOf(op) ?? "UNKNOWN";
  const shown = terminalText(name, secrets);
  if (outcome === "FAILED") return `${shown}: FAILED: ${statusText(op.error, secrets)}`;
  if (outcome === "SUCCEEDED" && afterCancel) return `${shown}: SUCCEEDED (finished before the cancel took effect)`;
  return `${shown}: ${outcome}`;
}

/** A string field as safe one-line text; `-` when absent or not a string. */
export function terminalTextOf(value: unknown, secrets: readonly string[] = []): string {
  return (typeof value === "string" && terminalText(value, secrets)) || "-";
}
