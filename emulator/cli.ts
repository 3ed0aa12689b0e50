// Runs the emulator as a standalone process on the real clock:
//   tsx emulator/cli.ts [--port 8080] [--seed N]
// Prints one line with the URL, then serves until SIGINT/SIGTERM.

import { parseArgs } from "node:util";
import { startEmulator } from "./index.js";
import type { Emulator, SeedOperation } from "./types.js";

const DEMO_KINDS: readonly Pick<SeedOperation, "type" | "description">[] = [
  { type: "EXPORT_IMAGE", description: "Sentinel-2 median composite to Drive" },
  { type: "EXPORT_TABLE", description: "Field boundaries to Cloud Storage" },
  { type: "EXPORT_VIDEO", description: "Landsat timelapse 1984-2024" },
  { type: "INGEST_IMAGE", description: "Upload of elevation GeoTIFF" },
  { type: "EXPORT_MAP", description: "NDVI map tiles" },
  { type: "INGEST_TABLE", description: "Upload of sample points CSV" },
];

/** N demo operations: varied kinds and durations, a few pending, every fifth one failing. */
function demoSeeds(count: number): SeedOperation[] {
  return Array.from({ length: count }, (_, i) => {
    const kind = DEMO_KINDS[i % DEMO_KINDS.length]!;
    return {
      ...kind,
      description: `${kind.description} #${i + 1}`,
      pendingMs: i % 3 === 0 ? 2_000 : 0,
      runMs: 5_000 + ((i * 7_919) % 55_000),
      outcome: i % 5 === 4 ? "FAILED" : "SUCCEEDED",
    };
  });
}

function nonNegativeInt(flag: string, raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n))
    throw new Error(`--${flag} needs a non-negative integer, got "${raw}"`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: "string", default: "8080" }, seed: { type: "string", default: "0" } },
    strict: true,
  });
  const port = nonNegativeInt("port", values.port);
  const seeds = nonNegativeInt("seed", values.seed);

  const emulator: Emulator = await startEmulator({ port, clock: "real" });
  for (const seed of demoSeeds(seeds)) emulator.seed(seed);
  console.log(`Earth Engine operations emulator listening on ${emulator.url}`);

  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
