// `get`'s lines for Earth Engine's `stages` (OperationStage) and `notifications` (OperationNotification:
// the WARNING of an export, the SEVERE one of a failure). Entries are unknown JSON: one that is not an
// object is skipped, a field of the wrong type shown as `?`. By proto3's JSON mapping an absent work
// count or severity is its default (0, SEVERITY_UNSPECIFIED), so that is what is shown for it.
import { terminalText } from "./sanitize.js";

/** Entries shown of each list; the others are counted on one `… N more` line. */
export const MAX_LISTED = 20;

type Entry = Record<string, unknown>;

const isEntry = (value: unknown): value is Entry =>
  value !== null && typeof value === "object" && !Array.isArray(value);
const own = (entry: Entry, key: string): unknown => (Object.hasOwn(entry, key) ? entry[key] : undefined);
const text = (value: unknown, secrets: readonly string[]): string | undefined =>
  typeof value === "string" ? terminalText(value, secrets) || undefined : undefined;

/** An int64 work count: a JSON number, or the decimal string proto3 JSON writes for int64. */
function workUnits(value: unknown): string {
  if (value === undefined) return "0";
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return String(value);
  if (typeof value === "string" && /^\d{1,20}$/.test(value)) return value;
  return "?";
}

/** `Create Local Files: 3/10` (its description when it has no display name). */
export function stageLine(stage: Entry, secrets: readonly string[] = []): string {
  const label = text(own(stage, "displayName"), secrets) ?? text(own(stage, "description"), secrets) ?? "?";
  return `${label}: ${workUnits(own(stage, "completeWorkUnits"))}/${workUnits(own(stage, "totalWorkUnits"))}`;
}

/** `WARNING Export: Export region is large…` (`SEVERITY topic: detail`, the parts it has). */
export function notificationLine(notification: Entry, secrets: readonly string[] = []): string {
  const severity = own(notification, "severity");
  const shown = severity === undefined ? "SEVERITY_UNSPECIFIED" : (text(severity, secrets) ?? "?");
  const topic = text(own(notification, "topic"), secrets);
  const detail = text(own(notification, "detail"), secrets);
  return `${shown}${topic ? ` ${topic}` : ""}${detail ? `: ${detail}` : ""}`;
}

/**
 * `[key, line]` for each object of `entries` (at most MAX_LISTED), then `[key, "… N more"]` for the
 * rest: rows of `get`'s `key: value` output.
 */
export function listedRows(
  key: string,
  entries: readonly unknown[] | undefined,
  line: (entry: Entry) => string,
): [string, string][] {
  const objects = (entries ?? []).filter(isEntry);
  const rows = objects.slice(0, MAX_LISTED).map((entry): [string, string] => [key, line(entry)]);
  if (objects.length > MAX_LISTED) rows.push([key, `… ${objects.length - MAX_LISTED} more`]);
  return rows;
}
