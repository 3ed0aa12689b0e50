// The parts of OperationMetadata that make the emulator look like a real Earth Engine task:
// `stages` that progress with the operation, `scriptUri`, `destinationUris` once it succeeded, and
// `notifications` (a seeded WARNING; a SEVERE one when it failed). Defaults follow the task type.

import { createHash } from "node:crypto";
import type { OperationRecord, Snapshot } from "./lifecycle.js";

/** Work units of the first stage; int64 in the proto, hence a string in its JSON. */
const FIRST_STAGE_UNITS = 10;
/** Share of the progress the first stage stands for. */
const FIRST_STAGE_SHARE = 0.8;

export const isExport = (type: string): boolean => type.startsWith("EXPORT_");
const isIngest = (type: string): boolean => type.startsWith("INGEST_");

const STAGES = {
  export: [
    ["Create Local Files", "Computation and writing of temporary files."],
    ["Write Files to Destination", "Uploading of files to the export destination."],
  ],
  ingest: [
    ["Ingest Files", "Reading and processing of the source files."],
    ["Create Asset", "Writing of the ingested data to the asset."],
  ],
  other: [
    ["Run", "Running the operation."],
    ["Finish", "Writing the results."],
  ],
} as const;

const digest = (text: string): string => createHash("sha256").update(text).digest("hex");

/** The Code Editor script an export was started from (ingestions have none). */
export function defaultScriptUri(name: string, type: string): string | undefined {
  return isExport(type) ? `https://code.earthengine.google.com/${digest(`script:${name}`).slice(0, 32)}` : undefined;
}

/** Where the results land: Drive or Cloud Storage for exports, the asset for ingestions. */
export function defaultDestinationUris(name: string, project: string, type: string): string[] {
  const id = name.slice(name.lastIndexOf("/") + 1);
  if (type === "EXPORT_TABLE" || type === "EXPORT_MAP")
    return [`https://console.developers.google.com/storage/browser/ee-exports/${encodeURIComponent(id)}/`];
  if (isExport(type)) return [`https://drive.google.com/#folders/${digest(`drive:${name}`).slice(0, 33)}`];
  if (isIngest(type))
    return [`https://code.earthengine.google.com/?asset=projects/${project}/assets/${encodeURIComponent(id)}`];
  return [];
}

export function renderStages(type: string, progress: number): Record<string, unknown>[] {
  const [first, second] = STAGES[isExport(type) ? "export" : isIngest(type) ? "ingest" : "other"];
  const firstDone = Math.min(FIRST_STAGE_UNITS, Math.floor((progress / FIRST_STAGE_SHARE) * FIRST_STAGE_UNITS));
  return [
    {
      displayName: first[0],
      completeWorkUnits: firstDone,
      totalWorkUnits: String(FIRST_STAGE_UNITS),
      description: first[1],
    },
    { displayName: second[0], completeWorkUnits: progress >= 1 ? 1 : 0, totalWorkUnits: "1", description: second[1] },
  ];
}

/** Adds stages, scriptUri, destinationUris and notifications to `metadata` for snapshot `s`. */
export function addTaskMetadata(
  metadata: Record<string, unknown>,
  rec: OperationRecord,
  s: Snapshot,
  errorMessage: string | undefined,
): void {
  if (s.startMs !== undefined) metadata.stages = renderStages(rec.type, s.progress);
  if (rec.scriptUri !== undefined) metadata.scriptUri = rec.scriptUri;
  if (s.state === "SUCCEEDED" && rec.destinationUris.length > 0) metadata.destinationUris = [...rec.destinationUris];
  const notifications: Record<string, unknown>[] = [];
  if (rec.warning !== undefined && s.startMs !== undefined) {
    notifications.push({
      topic: isIngest(rec.type) ? "Ingestion" : "Export",
      detail: rec.warning,
      severity: "WARNING",
    });
  }
  if (s.state === "FAILED" && errorMessage !== undefined)
    notifications.push({ topic: "Failure", detail: errorMessage, severity: "SEVERE" });
  if (notifications.length > 0) metadata.notifications = notifications;
}
