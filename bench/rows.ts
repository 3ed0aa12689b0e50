// Turns the figures' results into the rows of the one table, with the targets they are held to.
import type { BatchResult } from "./batch.js";
import type { CheckWatchResult } from "./check-watch.js";
import type { ClientOverheadResult } from "./client-overhead.js";
import type { ColdGenerateResult } from "./cold-generate.js";
import type { CorpusResult } from "./corpus.js";
import type { KeyScalingResult } from "./key-scaling.js";
import type { LoopbackResult } from "./loopback.js";
import { FIGURES } from "./provenance.js";
import type { ScalingResult } from "./scaling.js";
import type { SizeStartupResult } from "./size-startup.js";
import { pairedRatio, type Summary, summarize } from "./stats.js";
import type { Row } from "./table.js";

export interface Results {
  coldGenerate?: ColdGenerateResult;
  checkWatch?: CheckWatchResult;
  scaling?: ScalingResult;
  clientOverhead?: ClientOverheadResult;
  loopback?: LoopbackResult;
  sizeStartup?: SizeStartupResult;
  batch?: BatchResult;
  corpus?: CorpusResult;
  keyScaling?: KeyScalingResult;
}

const one = (x: number): Summary => summarize([x]);

export function buildRows(r: Results): Row[] {
  const rows: Row[] = [];
  const c = r.coldGenerate;
  if (c) {
    const figure = FIGURES.coldGenerate.number;
    rows.push({ figure, label: "cold generate: ours, 3 versions", unit: "ms", value: c.ours });
    rows.push({
      figure,
      label: "cold generate: ours, empty cache (first run after install)",
      unit: "ms",
      value: c.oursEmptyCache,
    });
    rows.push({ figure, label: "cold generate: openapi-typescript CLI, v1", unit: "ms", value: c.oats });
    rows.push({ figure, label: "cold generate: hey-api SDK, v1", unit: "ms", value: c.heyApi });
    rows.push({
      figure,
      label: "ratio ours / openapi-typescript",
      unit: "×",
      value: c.oursOverOats,
      target: { op: "<=", value: 1 },
    });
    rows.push({
      figure,
      label: "ratio ours, empty cache / openapi-typescript",
      unit: "×",
      value: c.oursEmptyCacheOverOats,
    });
    rows.push({ figure, label: "ratio ours / hey-api", unit: "×", value: c.oursOverHeyApi });
  }
  const w = r.checkWatch;
  if (w) {
    const figure = FIGURES.checkWatch.number;
    rows.push({ figure, label: "no-op check: ours", unit: "ms", value: w.check });
    rows.push({ figure, label: "openapi-typescript CLI, v1 (same rounds)", unit: "ms", value: w.oats });
    rows.push({
      figure,
      label: "ratio check / openapi-typescript",
      unit: "×",
      value: w.checkOverOats,
      target: { op: "<=", value: 0.5 },
    });
    rows.push({
      figure,
      label: "watch: spec write → `regenerated` line",
      unit: "ms",
      value: w.watch.latency,
      target: { op: "<=", value: 150 },
    });
    rows.push({ figure, label: "watch: N ms the tool reports", unit: "ms", value: w.watch.reported });
  }
  const s = r.scaling;
  if (s) {
    const figure = FIGURES.scaling.number;
    for (const p of s.points) {
      const cut = (tool: "ours" | "heyApi") => p.timedOut.includes(tool);
      const note = (tool: "ours" | "heyApi") =>
        cut(tool) ? "timed out" : p[tool].runs === 0 ? "not run: over the budget, see notes" : undefined;
      rows.push({
        figure,
        label: `${p.operations} ops: ours`,
        unit: "ms",
        value: p.ours,
        note: note("ours"),
        lowerBound: cut("ours"),
      });
      rows.push({
        figure,
        label: `${p.operations} ops: hey-api`,
        unit: "ms",
        value: p.heyApi,
        note: note("heyApi"),
        lowerBound: cut("heyApi"),
      });
      rows.push({
        figure,
        label: `${p.operations} ops: ours per operation`,
        unit: "ms/op",
        value: p.oursPerOpMs,
        lowerBound: cut("ours"),
      });
      rows.push({
        figure,
        label: `${p.operations} ops: hey-api per operation`,
        unit: "ms/op",
        value: p.heyApiPerOpMs,
        lowerBound: cut("heyApi"),
      });
      if (p.operations === 1000) {
        const ratio: Row = {
          figure,
          label: "ratio ours / hey-api @ 1000 ops",
          unit: "×",
          value: p.oursOverHeyApi,
          target: { op: "<=", value: 0.5 },
        };
        if (cut("ours") || cut("heyApi")) ratio.note = "a run timed out";
        rows.push(ratio);
      }
    }
    const at = (n: number) => s.points.find((p) => p.operations === n);
    const [p100, p5000] = [at(100), at(5000)];
    if (p100 && p5000) {
      const value = pairedRatio(p5000.oursPerOpMs.samples, p100.oursPerOpMs.samples);
      const lowerBound = p5000.timedOut.includes("ours");
      rows.push({
        figure,
        label: "ours per-op time 5000 / 100",
        unit: "×",
        value,
        target: { op: "<=", value: 1.5 },
        lowerBound,
      });
    }
  }
  const o = r.clientOverhead;
  if (o) {
    const figure = FIGURES.clientOverhead.number;
    const names = {
      ours: "generated client",
      oursNoTimeout: "generated client, timeoutMs: Infinity",
      hand: "hand-written fetch",
      openapiFetch: "openapi-fetch direct",
      googleapisCommon: "googleapis-common",
    } as const;
    for (const [key, label] of Object.entries(names) as [keyof typeof names, string][]) {
      rows.push({ figure, label: `in-memory cancel: ${label}`, unit: "calls/s", value: o.callsPerSecond[key] });
    }
    for (const [key, label] of Object.entries(names) as [keyof typeof names, string][]) {
      rows.push({ figure, label: `in-memory cancel: ${label}, per call`, unit: "µs", value: o.perCallUs[key] });
    }
    rows.push({
      figure,
      label: "ratio ours / openapi-fetch direct (time per call)",
      unit: "×",
      value: o.oursOverOpenapiFetch,
      target: { op: "<=", value: 1.25 },
    });
    rows.push({
      figure,
      label: "ratio ours, timeoutMs: Infinity / openapi-fetch direct",
      unit: "×",
      value: o.oursNoTimeoutOverOpenapiFetch,
    });
    rows.push({
      figure,
      label: "ratio ours / hand-written fetch (time per call)",
      unit: "×",
      value: o.oursOverHand,
    });
    rows.push({
      figure,
      label: "ratio googleapis-common / ours (time per call)",
      unit: "×",
      value: o.googleapisCommonOverOurs,
      target: { op: ">=", value: 3 },
    });
  }
  const l = r.loopback;
  if (l) {
    const figure = FIGURES.loopback.number;
    rows.push({
      figure,
      label: `loopback ${l.calls} sequential cancels: ours, per call`,
      unit: "µs",
      value: l.perCallUs.ours,
    });
    rows.push({
      figure,
      label: `loopback ${l.calls} sequential cancels: ours, timeoutMs: Infinity, per call`,
      unit: "µs",
      value: l.perCallUs.oursNoTimeout,
    });
    rows.push({
      figure,
      label: `loopback ${l.calls} sequential cancels: plain fetch, per call`,
      unit: "µs",
      value: l.perCallUs.fetch,
    });
    rows.push({
      figure,
      label: "ratio ours / plain fetch",
      unit: "×",
      value: l.oursOverFetch,
      target: { op: "<=", value: 1.05 },
    });
    rows.push({
      figure,
      label: "ratio ours, timeoutMs: Infinity / plain fetch",
      unit: "×",
      value: l.oursNoTimeoutOverFetch,
    });
  }
  const z = r.sizeStartup;
  if (z) {
    const figure = FIGURES.sizeStartup.number;
    const apps = {
      ours: "generated client",
      oursV1: "generated client, v1 entry point",
      openapiFetch: "openapi-fetch alone",
      googleapisCommon: "googleapis-common",
    } as const;
    /** Size budgets (minified + gzip bytes) of the generated client's apps. */
    const gzipBudget: Partial<Record<keyof typeof apps, number>> = { ours: 4000, oursV1: 6000 };
    for (const [key, label] of Object.entries(apps) as [keyof typeof apps, string][]) {
      rows.push({
        figure,
        label: `cancel-only app, ${label}: minified`,
        unit: "B",
        value: one(z.bundles[key].minified),
      });
      const budget = gzipBudget[key];
      const target = budget === undefined ? undefined : ({ op: "<=", value: budget } as const);
      rows.push({
        figure,
        label: `cancel-only app, ${label}: minified + gzip`,
        unit: "B",
        value: one(z.bundles[key].gzip),
        target,
      });
    }
    rows.push({
      figure,
      label: "cold import() of ee-operations-client, fresh node",
      unit: "ms",
      value: z.importMs.ours,
    });
    rows.push({
      figure,
      label: "cold import() of openapi-fetch (context)",
      unit: "ms",
      value: z.importMs.openapiFetch,
    });
    rows.push({
      figure,
      label: "cold import() of googleapis-common (context)",
      unit: "ms",
      value: z.importMs.googleapisCommon,
    });
    rows.push({
      figure,
      label: "node process importing ee-operations-client, wall",
      unit: "ms",
      value: z.processMs.ours,
    });
  }
  const b = r.batch;
  if (b) {
    const figure = FIGURES.batch.number;
    const what = `${b.cancels} cancels, ${b.delayMs} ms per HTTP request, concurrency ${b.concurrency}`;
    rows.push({ figure, label: `${what}: cancelMany, HTTP batch`, unit: "ms", value: b.ms.batch });
    rows.push({ figure, label: `${what}: cancelMany, batch: false`, unit: "ms", value: b.ms.single });
    rows.push({
      figure,
      label: `ratio batch: false / HTTP batch (${b.httpRequests.single} vs ${b.httpRequests.batch} HTTP requests)`,
      unit: "×",
      value: b.singleOverBatch,
      target: { op: ">=", value: 5 },
    });
  }
  const k = r.corpus;
  if (k) {
    const figure = FIGURES.corpus.number;
    rows.push({
      figure,
      label: `corpus: generate all ${k.variants} variants (${k.generated} packages), one process`,
      unit: "ms",
      value: k.totalMs,
    });
  }
  const ks = r.keyScaling;
  if (ks) {
    const figure = FIGURES.keyScaling.number;
    rows.push({ figure, label: "load a 10k-key mapping", unit: "ms", value: ks.keys10k });
    rows.push({ figure, label: "load a 40k-key mapping", unit: "ms", value: ks.keys40k });
    rows.push({
      figure,
      label: "ratio 40k-key mapping / 10k-key mapping (linear ≈ 4×)",
      unit: "×",
      value: ks.ratio,
      target: { op: "<=", value: 6 },
    });
  }
  return rows;
}
