// Figure 7, HTTP batch: 100 cancels from the generated client to the emulator, every HTTP request held
// DELAY_MS by a proxy (bench/apps/delayed-emulator.ts, its own process): cancelMany as HTTP batch vs
// `batch: false` (one call per name), both at concurrency 8. Fresh operations for every run; each run
// checks that all 100 cancels succeeded and counts the HTTP requests the client sent.
import { join } from "node:path";
import { createEarthEngineClient } from "ee-operations-client";
import { BENCH, type Context, RUNS, rotate } from "./env.js";
import { pairedRatio, type Summary, summarize } from "./stats.js";
import { startChild, stopChild, waitForOutput } from "./time-command.js";

export const DELAY_MS = 50;
export const CANCELS = 100;
const CONCURRENCY = 8;
const SERVER_LIFETIME_MS = 180_000;

export interface BatchResult {
  cancels: number;
  delayMs: number;
  concurrency: number;
  ms: { batch: Summary; single: Summary };
  httpRequests: { batch: number; single: number };
  singleOverBatch: Summary;
}

async function startServer(): Promise<{ proxy: string; emulator: string; stop: () => Promise<void> }> {
  const script = join(BENCH, "apps", "delayed-emulator.ts");
  const child = startChild(process.execPath, ["--import", "tsx", script, String(SERVER_LIFETIME_MS), String(DELAY_MS)]);
  const [, proxy, emulator] = await waitForOutput(child, /listening (\S+) (\S+)/, "delayed emulator", 20_000);
  return { proxy: proxy!, emulator: emulator!, stop: () => stopChild(child) };
}

/** Seeds `n` long-running operations through the emulator's admin route (not timed, no delay). */
async function seed(emulator: string, n: number): Promise<string[]> {
  const names: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${emulator}/__emulator/operations`, {
      method: "POST",
      body: JSON.stringify({ project: "bench", runMs: 3_600_000 }),
      signal: AbortSignal.timeout(10_000),
    });
    names.push(((await res.json()) as { name: string }).name);
  }
  return names;
}

export async function batchFigure(ctx: Context): Promise<BatchResult> {
  const server = await startServer();
  try {
    let sent = 0;
    const ee = createEarthEngineClient({
      version: "v1",
      baseUrl: server.proxy,
      accessToken: () => "t",
      fetch: (input, init) => {
        sent++;
        return fetch(input, init);
      },
    });
    const ms = { batch: [] as number[], single: [] as number[] };
    const httpRequests = { batch: 0, single: 0 };
    for (let round = 0; round <= RUNS; round++) {
      for (const mode of rotate(["batch", "single"] as const, round)) {
        const names = await seed(server.emulator, CANCELS);
        sent = 0;
        const t = performance.now();
        const results = await ee.cancelMany(names, { concurrency: CONCURRENCY, batch: mode === "batch" });
        const took = performance.now() - t;
        const failed = results.filter((r) => !r.ok).length;
        if (failed > 0) throw new Error(`${failed} of ${CANCELS} cancels failed (${mode})`);
        httpRequests[mode] = sent;
        if (round > 0) ms[mode].push(took);
      }
      ctx.log(`  batch round ${round}${round === 0 ? " (warm-up)" : ""} done`);
    }
    return {
      cancels: CANCELS,
      delayMs: DELAY_MS,
      concurrency: CONCURRENCY,
      ms: { batch: summarize(ms.batch), single: summarize(ms.single) },
      httpRequests,
      singleOverBatch: pairedRatio(ms.single, ms.batch),
    };
  } finally {
    await server.stop();
  }
}
