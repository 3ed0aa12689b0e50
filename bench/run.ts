// npm run bench — runs the nine figures in turn, prints one table and writes bench/results.json,
// bench/RESULTS.md and bench/scaling.svg. Bounded: every child process has a timeout, the scaling figure
// has a time budget, and a hard deadline (BENCH_DEADLINE_S, default 900 s) ends the run whatever
// happens. Network: loopback only (127.0.0.1); the in-memory figures make no connection at all.
import { loadavg } from "node:os";
import { join } from "node:path";
import { batchFigure } from "./batch.js";
import { checkAndWatch } from "./check-watch.js";
import { clientOverhead } from "./client-overhead.js";
import { coldGenerate } from "./cold-generate.js";
import { corpus } from "./corpus.js";
import { BENCH, copySpec, createContext, RUNS, removeContext } from "./env.js";
import { keyScaling } from "./key-scaling.js";
import { loopback } from "./loopback.js";
import { FIGURES, mergeWithPrevious, type Note, provenanceOf } from "./provenance.js";
import { machine, writeReport, writeScalingChart } from "./report.js";
import { buildRows, type Results } from "./rows.js";
import { scaling } from "./scaling.js";
import { sizeAndStartup } from "./size-startup.js";
import { textTable } from "./table.js";
import { killAll } from "./time-command.js";

const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_S ?? 900) * 1000;
/**
 * BENCH_ONLY=4,5 runs just those figures and writes nothing; with BENCH_MERGE=1 too, they replace the
 * same figures in bench/results.json, RESULTS.md and scaling.svg, each figure keeping its own run's
 * date and tool versions (bench/provenance.ts).
 */
const ONLY = process.env.BENCH_ONLY?.split(",").map((f) => f.trim());
const started = performance.now();
const log = (line: string) => process.stderr.write(`${line}\n`);
const ctx = createContext(log);
const deadline = setTimeout(() => {
  log(`bench: the ${DEADLINE_MS / 1000} s deadline passed; stopping`);
  killAll();
  removeContext(ctx);
  process.exit(2);
}, DEADLINE_MS);
deadline.unref();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    killAll();
    removeContext(ctx);
    process.exit(130);
  });
}

const m = machine();
log(
  `bench: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}; ${RUNS} runs per figure after a warm-up; load average ${m.loadAverageAtStart.join(", ")}`,
);
if (!globalThis.gc) log("bench: run with --expose-gc (npm run bench does) for a GC before each timed loop");

const results: Results = {};
const notes: Note[] = [];
const spec = copySpec(ctx, "spec");

/** Runs one figure unless BENCH_ONLY leaves it out; its number comes from provenance.ts's FIGURES. */
async function figure<K extends keyof Results>(
  key: K,
  name: string,
  run: () => Promise<NonNullable<Results[K]>>,
): Promise<void> {
  const { number } = FIGURES[key];
  if (ONLY && !ONLY.includes(number)) return;
  const title = `${number} ${name}`;
  const t = performance.now();
  const load = loadavg()[0]!.toFixed(2);
  log(`[${title}] (load average ${load})`);
  try {
    results[key] = await run();
    log(`[${title}] ${((performance.now() - t) / 1000).toFixed(1)} s`);
  } catch (error) {
    const message = (error as Error).message.split("\n")[0];
    notes.push({ figure: key, text: `${title} failed: ${message}` });
    log(`[${title}] FAILED: ${(error as Error).message}`);
  }
}

try {
  await figure("coldGenerate", "cold generate", () => coldGenerate(ctx, spec));
  await figure("checkWatch", "check and watch", () => checkAndWatch(ctx, spec));
  await figure("scaling", "scaling", () => scaling(ctx));
  await figure("clientOverhead", "client overhead", () => clientOverhead(ctx));
  await figure("loopback", "loopback", () => loopback(ctx));
  await figure("sizeStartup", "size and start-up", () => sizeAndStartup(ctx));
  await figure("batch", "HTTP batch", () => batchFigure(ctx));
  await figure("corpus", "corpus", () => corpus(ctx));
  await figure("keyScaling", "key scaling", () => keyScaling());
} finally {
  killAll();
  removeContext(ctx);
}

for (const p of results.scaling?.points ?? []) {
  if (p.note) notes.push({ figure: "scaling", text: `Scaling, ${p.operations} operations: ${p.note}.` });
}
if (results.scaling) {
  notes.push({
    figure: "scaling",
    text: `Scaling used ${Math.round(results.scaling.spentMs / 1000)} s of its ${Math.round(results.scaling.budgetMs / 1000)} s budget.`,
  });
}
const z = results.sizeStartup;
if (z) {
  const top = z.bundles.ours.topInputs.map((i) => `${i.path} ${i.bytes} B`).join(", ");
  notes.push({
    figure: "sizeStartup",
    text: `Largest inputs of the generated-client bundle (minified bytes): ${top}.`,
  });
}
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(", ");
const ran = Object.keys(results) as (keyof Results)[];
notes.push(
  ...ran.map((figure) => ({
    figure,
    text: `Load average (1, 5, 15 min) at start ${m.loadAverageAtStart.join(", ")}, at end ${load} on ${m.cores} cores (run of ${m.date}): other work on the machine during the run shows up as noise.`,
  })),
);

const totalMs = performance.now() - started;
const rows = buildRows(results);
const partial = process.env.BENCH_ONLY !== undefined;
const merge = partial && process.env.BENCH_MERGE === "1";
if (!partial) {
  writeScalingChart(results);
  writeReport(m, results, rows, totalMs, notes, provenanceOf(m, results));
} else if (merge) {
  const merged = mergeWithPrevious(join(BENCH, "results.json"), m, results, notes);
  writeScalingChart(merged.results);
  writeReport(m, merged.results, buildRows(merged.results), totalMs, merged.notes, merged.provenance);
}
process.stdout.write(`\n${textTable(rows)}\n\n`);
for (const text of new Set(notes.map((n) => n.text))) process.stdout.write(`note: ${text}\n`);
process.stdout.write(
  partial && !merge
    ? `\nBENCH_ONLY: wrote nothing (${(totalMs / 1000).toFixed(1)} s)\n`
    : `\nwrote bench/results.json, bench/RESULTS.md, bench/scaling.svg in ${(totalMs / 1000).toFixed(1)} s\n`,
);
clearTimeout(deadline);
process.exit(notes.some((n) => n.text.includes(" failed: ")) ? 1 : 0);
