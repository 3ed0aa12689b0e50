// Figure 5, loopback: CALLS sequential cancels against a minimal node:http server on 127.0.0.1 (its
// own process, so client and server each have a core), generated client vs plain fetch (both on
// Node's global fetch, keep-alive). One warm-up round, then RUNS rounds, alternating which goes first.
import { join } from "node:path";
import { type Cancel, handClient, oursClient, timeCancels } from "./clients.js";
import { BENCH, type Context, RUNS, rotate } from "./env.js";
import { pairedRatio, type Summary, scale, summarize } from "./stats.js";
import { startChild, stopChild, waitForOutput } from "./time-command.js";

export const CALLS = Number(process.env.BENCH_LOOPBACK_CALLS ?? 5_000);
const SERVER_LIFETIME_MS = 180_000;

export interface LoopbackResult {
  calls: number;
  perCallUs: { ours: Summary; oursNoTimeout: Summary; fetch: Summary };
  oursOverFetch: Summary;
  oursNoTimeoutOverFetch: Summary;
}

async function startServer(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = startChild(process.execPath, [join(BENCH, "apps", "loopback-server.mjs"), String(SERVER_LIFETIME_MS)]);
  const port = Number((await waitForOutput(child, /listening (\d+)/, "loopback server", 10_000))[1]);
  return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

export async function loopback(ctx: Context): Promise<LoopbackResult> {
  const server = await startServer();
  try {
    const clients: Record<"ours" | "oursNoTimeout" | "fetch", Cancel> = {
      ours: oursClient(globalThis.fetch, server.url),
      oursNoTimeout: oursClient(globalThis.fetch, server.url, Infinity),
      fetch: handClient(globalThis.fetch, server.url),
    };
    const ms = { ours: [] as number[], oursNoTimeout: [] as number[], fetch: [] as number[] };
    for (let round = 0; round <= RUNS; round++) {
      for (const name of rotate(["ours", "oursNoTimeout", "fetch"] as const, round)) {
        const took = await timeCancels(clients[name], round === 0 ? Math.min(CALLS, 1000) : CALLS);
        if (round > 0) ms[name].push(took);
      }
      ctx.log(`  loopback round ${round}${round === 0 ? " (warm-up, 1000 calls each)" : ""} done`);
    }
    const us = (xs: number[]) => scale(summarize(xs), (t) => (t * 1000) / CALLS);
    return {
      calls: CALLS,
      perCallUs: { ours: us(ms.ours), oursNoTimeout: us(ms.oursNoTimeout), fetch: us(ms.fetch) },
      oursOverFetch: pairedRatio(ms.ours, ms.fetch),
      oursNoTimeoutOverFetch: pairedRatio(ms.oursNoTimeout, ms.fetch),
    };
  } finally {
    await server.stop();
  }
}
