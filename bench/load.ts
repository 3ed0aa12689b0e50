// npm run bench:load — 10,000 cancels at concurrency 64 from the generated client against the emulator
// on 127.0.0.1. Bounded: every call has a 10 s timeout and the whole run stops after 60 s.
import { createEarthEngineClient } from "ee-operations-client";
import { startEmulator } from "../emulator/index.js";

const TOTAL = Number(process.env.LOAD_TOTAL ?? 10_000);
const CONCURRENCY = Number(process.env.LOAD_CONCURRENCY ?? 64);
const RUN_LIMIT_MS = 60_000;

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
function memory() {
  globalThis.gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  return `rss ${mb(rss)}, heap ${mb(heapUsed)}`;
}

const emulator = await startEmulator({ clock: "real", recordRequests: false });
const names = Array.from(
  { length: TOTAL },
  (_, i) => emulator.seed({ id: `LOAD${String(i).padStart(20, "0")}`, runMs: 3_600_000 }).name,
);
const ee = createEarthEngineClient({
  version: "v1",
  baseUrl: emulator.url,
  accessToken: () => "load-token",
  timeoutMs: 10_000,
  retry: false,
});
const stop = AbortSignal.timeout(RUN_LIMIT_MS);

await ee.projects.operations.get({ name: names[0]! }); // warm up the connection and the JIT
const memoryBefore = memory();
const latencies: number[] = [];
let errors = 0;
let firstError: unknown;
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < TOTAL && !stop.aborted) {
      const name = names[next++]!;
      const t = performance.now();
      try {
        await ee.projects.operations.cancel({ name }, { signal: stop });
        latencies.push(performance.now() - t);
      } catch (error) {
        errors++;
        firstError ??= error;
      }
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
const memoryAfter = memory();
const { peak } = emulator.connections();
await emulator.close();

latencies.sort((a, b) => a - b);
const pct = (p: number) =>
  latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]! : NaN;
const done = latencies.length + errors;
console.log(
  `cancels            ${done} of ${TOTAL} at concurrency ${CONCURRENCY}${stop.aborted ? " (stopped at the 60 s limit)" : ""}`,
);
console.log(`throughput         ${(done / seconds).toFixed(0)} req/s over ${seconds.toFixed(2)} s`);
console.log(
  `latency            p50 ${pct(50).toFixed(2)} ms, p99 ${pct(99).toFixed(2)} ms, max ${pct(100).toFixed(2)} ms`,
);
console.log(
  `errors             ${errors}${firstError ? ` (first: ${(firstError as Error).name}: ${(firstError as Error).message})` : ""}`,
);
console.log(`peak open sockets  ${peak}`);
console.log(`memory             before ${memoryBefore}; after ${memoryAfter}`);
if (errors > 0 || done < TOTAL) process.exitCode = 1;
