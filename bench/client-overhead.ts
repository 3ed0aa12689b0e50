// Figure 4, client overhead without a network: an in-memory fetch answers every request with a fresh
// `{}` Response. Each client makes ITERATIONS sequential awaited cancels per round; one warm-up round,
// then RUNS rounds, clients rotated each round; a GC (when exposed) before each timed loop.
import {
  type Cancel,
  type Fetch,
  googleapisCommonClient,
  handClient,
  openapiFetchClient,
  oursClient,
  recordOne,
  type SeenRequest,
  timeCancels,
} from "./clients.js";
import { type Context, RUNS, rotate } from "./env.js";
import { pairedRatio, type Summary, scale, summarize } from "./stats.js";

export const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 20_000);

const memoryFetch: Fetch = async () =>
  new Response("{}", { status: 200, headers: { "content-type": "application/json" } });

type ClientName = "ours" | "oursNoTimeout" | "hand" | "openapiFetch" | "googleapisCommon";
const MAKERS: Record<ClientName, (fetch: Fetch) => Promise<Cancel> | Cancel> = {
  ours: (f) => oursClient(f),
  oursNoTimeout: (f) => oursClient(f, undefined, Infinity),
  hand: (f) => handClient(f),
  openapiFetch: (f) => openapiFetchClient(f),
  googleapisCommon: (f) => googleapisCommonClient(f),
};

export interface ClientOverheadResult {
  iterations: number;
  /** µs per call and calls per second, per client. */
  perCallUs: Record<ClientName, Summary>;
  callsPerSecond: Record<ClientName, Summary>;
  requests: Record<ClientName, SeenRequest>;
  oursOverOpenapiFetch: Summary;
  oursNoTimeoutOverOpenapiFetch: Summary;
  oursOverHand: Summary;
  googleapisCommonOverOurs: Summary;
}

export async function clientOverhead(ctx: Context): Promise<ClientOverheadResult> {
  const names = Object.keys(MAKERS) as ClientName[];
  const requests = {} as Record<ClientName, SeenRequest>;
  const clients = {} as Record<ClientName, Cancel>;
  for (const name of names) {
    requests[name] = await recordOne(MAKERS[name], memoryFetch);
    clients[name] = await MAKERS[name](memoryFetch);
  }
  const path = (url: string) => url.slice(new URL(url).origin.length); // the Discovery doc's rootUrl is a dummy host
  const expected = path(requests.hand.url);
  for (const name of names) {
    const r = requests[name];
    if (r.method !== "POST" || path(r.url) !== expected || r.authorization !== "Bearer t") {
      throw new Error(
        `client overhead: ${name} sent ${r.method} ${r.url} (authorization ${r.authorization}); expected POST …${expected} with Bearer t`,
      );
    }
  }
  const ms: Record<ClientName, number[]> = {
    ours: [],
    oursNoTimeout: [],
    hand: [],
    openapiFetch: [],
    googleapisCommon: [],
  };
  for (let round = 0; round <= RUNS; round++) {
    for (const name of rotate(names, round)) {
      const took = await timeCancels(clients[name], ITERATIONS);
      if (round > 0) ms[name].push(took);
    }
    ctx.log(`  client overhead round ${round}${round === 0 ? " (warm-up)" : ""} done`);
  }
  const us = (name: ClientName) => scale(summarize(ms[name]), (t) => (t * 1000) / ITERATIONS);
  const perSecond = (name: ClientName) => scale(summarize(ms[name]), (t) => ITERATIONS / (t / 1000));
  return {
    iterations: ITERATIONS,
    perCallUs: Object.fromEntries(names.map((n) => [n, us(n)])) as Record<ClientName, Summary>,
    callsPerSecond: Object.fromEntries(names.map((n) => [n, perSecond(n)])) as Record<ClientName, Summary>,
    requests,
    oursOverOpenapiFetch: pairedRatio(ms.ours, ms.openapiFetch),
    oursNoTimeoutOverOpenapiFetch: pairedRatio(ms.oursNoTimeout, ms.openapiFetch),
    oursOverHand: pairedRatio(ms.ours, ms.hand),
    googleapisCommonOverOurs: pairedRatio(ms.googleapisCommon, ms.ours),
  };
}
