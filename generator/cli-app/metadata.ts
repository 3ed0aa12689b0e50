// An operation's `metadata` as the CLI prints it. Each package's spec types metadata its own way (and
// versions may differ), so the CLI reads it as unknown JSON through this one checked view: a field of
// the wrong type is left out, never printed as something it is not.

/** The metadata fields the CLI shows; each is present only with the type named. */
export interface MetadataView {
  state?: string;
  description?: string;
  type?: string;
  progress?: number;
  priority?: number;
  attempt?: number;
  createTime?: string;
  startTime?: string;
  updateTime?: string;
  endTime?: string;
  batchEecuUsageSeconds?: number;
  scriptUri?: string;
  destinationUris?: unknown[];
  /** Earth Engine's OperationStage list; each entry is read by task-details.ts. */
  stages?: unknown[];
  /** Earth Engine's OperationNotification list (WARNING, SEVERE); read by task-details.ts. */
  notifications?: unknown[];
}

const STRINGS = [
  "state",
  "description",
  "type",
  "createTime",
  "startTime",
  "updateTime",
  "endTime",
  "scriptUri",
] as const;
const NUMBERS = ["progress", "priority", "attempt", "batchEecuUsageSeconds"] as const;
const ARRAYS = ["destinationUris", "stages", "notifications"] as const;

/** The view of `metadata`: its own fields of the expected types; `{}` when it is not a JSON object. */
export function metadataView(metadata: unknown): MetadataView {
  if (metadata === null || typeof metadata !== "object" || Array.isArray(metadata)) return {};
  const own = (key: string): unknown =>
    Object.hasOwn(metadata, key) ? (metadata as Record<string, unknown>)[key] : undefined;
  const view: MetadataView = {};
  for (const key of STRINGS) {
    const value = own(key);
    if (typeof value === "string") view[key] = value;
  }
  for (const key of NUMBERS) {
    const value = own(key);
    if (typeof value === "number") view[key] = value;
  }
  for (const key of ARRAYS) {
    const value = own(key);
    if (Array.isArray(value)) view[key] = value;
  }
  return view;
}
