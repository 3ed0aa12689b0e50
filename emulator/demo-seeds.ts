// The operations `--seed N` creates: varied kinds and durations, a few pending, every fifth one
// failing, every third export carrying a WARNING notification.

import { isExport } from "./metadata.js";
import type { SeedOperation } from "./types.js";

const DEMO_KINDS: readonly Required<Pick<SeedOperation, "type" | "description">>[] = [
  { type: "EXPORT_IMAGE", description: "Sentinel-2 median composite to Drive" },
  { type: "EXPORT_TABLE", description: "Field boundaries to Cloud Storage" },
  { type: "EXPORT_VIDEO", description: "Landsat timelapse 1984-2024" },
  { type: "INGEST_IMAGE", description: "Upload of elevation GeoTIFF" },
  { type: "EXPORT_MAP", description: "NDVI map tiles" },
  { type: "INGEST_TABLE", description: "Upload of sample points CSV" },
];

const WARNING = "Export region is large; the output will be split into several files.";

/** `count` demo seeds in `project`; `runForMs` (Infinity: until cancelled) overrides the varied run times. */
export function demoSeeds(count: number, project: string, runForMs?: number): SeedOperation[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = DEMO_KINDS[i % DEMO_KINDS.length]!;
    const seed: SeedOperation = {
      ...kind,
      project,
      description: `${kind.description} #${i + 1}`,
      pendingMs: i % 3 === 0 ? 2_000 : 0,
      runMs: runForMs ?? 5_000 + ((i * 7_919) % 55_000),
      outcome: i % 5 === 4 ? "FAILED" : "SUCCEEDED",
    };
    if (isExport(kind.type) && i % 3 === 2) seed.warning = WARNING;
    return seed;
  });
}
