// Writes bench/results.json, bench/RESULTS.md and bench/scaling.svg from one run's results.
import { readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { lineChart } from "./chart.js";
import { BENCH, ROOT } from "./env.js";
import { FIGURES, type Note, type Provenance, provenanceTable } from "./provenance.js";
import type { Results } from "./rows.js";
import { roundSummary, type Summary } from "./stats.js";
import { markdownTable, type Row, status } from "./table.js";

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  date: string;
  loadAverageAtStart: number[];
  tools: Record<string, string>;
}

const version = (pkg: string) => {
  try {
    return (JSON.parse(readFileSync(join(ROOT, "node_modules", pkg, "package.json"), "utf8")) as { version: string })
      .version;
  } catch {
    return "not installed";
  }
};

export function machine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
    tools: {
      "openapi-typescript": version("openapi-typescript"),
      "@hey-api/openapi-ts": version("@hey-api/openapi-ts"),
      "openapi-fetch": version("openapi-fetch"),
      "googleapis-common": version("googleapis-common"),
      "gaxios (googleapis-common's)": version("googleapis-common/node_modules/gaxios"),
      esbuild: version("esbuild"),
      tsx: version("tsx"),
    },
  };
}

/** JSON.stringify replacer rounding every Summary. */
const rounding = (_key: string, value: unknown) =>
  value && typeof value === "object" && "median" in value && "samples" in value
    ? roundSummary(value as Summary)
    : value;

export function writeScalingChart(results: Results): string | undefined {
  const points = results.scaling?.points;
  if (!points?.length) return undefined;
  const series = (tool: "ours" | "heyApi", label: string, color: string) => ({
    label,
    color,
    points: points.map((p) => ({
      x: p.operations,
      median: p[tool].median / 1000,
      min: p[tool].min / 1000,
      max: p[tool].max / 1000,
      note: p.timedOut.includes(tool) ? "timed out: lower bound" : `${p[tool].runs} runs`,
    })),
  });
  const svg = lineChart(
    [series("ours", "ee-operations generator", "#1f6feb"), series("heyApi", "@hey-api/openapi-ts", "#d9480f")],
    {
      title: "Generate time vs spec size (median, min–max)",
      xLabel: "operations in the spec (log scale)",
      yLabel: "seconds (log scale)",
    },
  );
  const file = join(BENCH, "scaling.svg");
  writeFileSync(file, svg);
  return file;
}

export function writeReport(
  m: Machine,
  results: Results,
  rows: Row[],
  totalMs: number,
  notes: Note[],
  provenance: Provenance,
): void {
  const targets = rows
    .filter((r) => r.target)
    .map((r) => ({
      measurement: r.label,
      median: r.value.median,
      target: r.target,
      lowerBound: r.lowerBound ?? false,
      status: status(r),
    }));
  const json = {
    machine: m,
    totalSeconds: Math.round(totalMs / 100) / 10,
    loadAverageAtEnd: loadavg().map((x) => Math.round(x * 100) / 100),
    targets,
    results,
    provenance,
    notes,
  };
  writeFileSync(join(BENCH, "results.json"), `${JSON.stringify(json, rounding, 2)}\n`);

  const met = targets.filter((t) => t.status === "met").length;
  const runFigures = Object.entries(provenance)
    .filter(([, p]) => p?.date === m.date)
    .map(([key]) => FIGURES[key as keyof typeof FIGURES].number)
    .join(", ");
  const md = `# Benchmark results

\`npm run bench\` (bench/run.ts). Raw numbers: [results.json](results.json). The last run took ${json.totalSeconds} s
and measured figure(s) ${runFigures}; a figure re-run alone (\`BENCH_ONLY=<figures> BENCH_MERGE=1 npm run bench\`)
replaces only itself. Which run each figure comes from, with the versions of the tools it compares against:

${provenanceTable(provenance)}

| machine of the last run | |
|---|---|
| CPU | ${m.cpu} |
| cores | ${m.cores} |
| memory | ${m.memoryGiB} GiB |
| Node | ${m.node} (${m.platform}) |
| date | ${m.date} |
| load average (1, 5, 15 min) | at start ${m.loadAverageAtStart.join(", ")}; at end ${json.loadAverageAtEnd.join(", ")} |
| baselines | ${Object.entries(m.tools)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ")} |

Targets met: ${met} of ${targets.length}.

${markdownTable(rows)}

![Generate time vs spec size](scaling.svg)

## How each figure is measured

Every figure is the median of its runs, with min and max, after a warm-up run or round. Tools being
compared run interleaved (their order rotated each round), and each ratio is taken run by run (run *i*
of one over run *i* of the other, measured in the same round), then summarized as median, min and max.
Child processes are fresh (\`node_modules/.bin/…\`), timed from spawn to exit, each with a timeout.

1. **Cold generate** — \`node generator/run.mjs generate --spec <copy of spec/> --out <empty dir>\` (all three
   versions) vs \`openapi-typescript <copy>/v1.yaml -o <dir>/x.ts\` (types for one version) vs
   \`openapi-ts -i <copy>/v1.yaml -o <dir> -p @hey-api/client-fetch @hey-api/sdk @hey-api/typescript\` (one
   version). spec/ is copied once at the start so that concurrent edits cannot change what is measured.
   Ours runs twice a round: as every run after the first one (the bundle of the generator and V8's code
   caches for the two TypeScript copies sit in node_modules/.cache/ee-operations), and with an empty
   cache folder (\`EE_OPERATIONS_CACHE_DIR\`), as the first run after an install.
   openapi-typescript runs with \`--redocly <neutral config>\`: on its own it picks up the repo's
   redocly.yaml, whose \`apis\` have no \`x-openapi-ts.output\`, and exits with an error. hey-api follows
   the \`shared/components.yaml\` refs itself, so no bundling step was needed.
2. **No-op check** — \`node generator/run.mjs check\` on the copy and its up-to-date output (exit 0), vs the
   openapi-typescript CLI in the same rounds. **Watch** — \`generate --watch\` on another copy; each edit
   rewrites the cancel description in v1.yaml; time from the end of the write to the arrival of the
   \`regenerated in N ms\` line; N (which the tool measures from the first change event it sees,
   debounce included) is recorded too. One warm-up edit.
3. **Scaling** — bench/synthetic-spec.ts writes single-file specs (v1.yaml) of 10, 100, 1,000 and 5,000
   operations (resources of cancel/get/delete/wait/list, flat paths, x-google-http-template and
   x-google-template-fields, oauth2 scopes, \`earthengine.projects.resourceN.method\`). One warm-up round
   at 10 operations. The figure has a time budget (BENCH_SCALING_BUDGET_S, ${Math.round((results.scaling?.budgetMs ?? 0) / 1000)} s here) so that the
   whole run stays bounded; the largest size is planned for at most 3 runs; a size gets fewer runs when
   the next would not fit, and a run that passes its timeout is a lower bound (marked ≥).
4. **Client overhead** — an in-memory fetch returning \`new Response("{}", …)\`; ${results.clientOverhead?.iterations ?? "?"} sequential awaited
   cancels per client per round. Before timing, each client's request is recorded and checked (POST,
   same path, \`Authorization: Bearer t\`). googleapis-common's Discovery client is built with
   \`new Discovery({}).discoverAPI("bench/discovery-earthengine-v1.json")\` and given
   \`{ fetchImplementation, headers }\` as endpoint options: gaxios (its transport) calls
   \`fetchImplementation\` instead of fetch. The generated client runs twice: as made by default, and
   with \`timeoutMs: Infinity\`, which shows the cost of the AbortSignal that the default 120 s limit
   puts on each request.
5. **Loopback** — a node:http server in its own process on 127.0.0.1 answering \`{}\`; ${results.loopback?.calls ?? "?"} sequential
   cancels per round; generated client (default options, and with \`timeoutMs: Infinity\`) vs a
   hand-written call on the global fetch.
6. **Size** — esbuild (bundle, minify, platform node, ESM, target node20) of bench/apps/cancel-*.mjs,
   gzip level 9 (node:zlib); each bundle is run once against a loopback server and must print \`{}\`.
   4.0 KB is taken as 4,000 bytes (6 KB as 6,000). cancel-ours imports \`createClient\` from the package
   root, cancel-ours-v1 from \`ee-operations-client/v1\` (one version alone). **Start-up** —
   \`node --input-type=module -e\` timing \`await import(…)\` inside a fresh process.
7. **HTTP batch** — the emulator behind a loopback proxy that holds every HTTP request for ${results.batch?.delayMs ?? "?"} ms (both in
   their own process, bench/apps/delayed-emulator.ts); ${results.batch?.cancels ?? "?"} fresh operations cancelled per run with
   \`cancelMany\` at concurrency ${results.batch?.concurrency ?? "?"}, as one HTTP batch and with \`batch: false\` (one call per name); each
   run checks every result and counts the HTTP requests the client sent.
8. **Corpus** — every variant of test/fixtures/corpus (spec folders that generate a package or fail
   with a located error) generated one after another by \`generate()\` in one fresh process per round
   (tsx's start-up outside the timing); one warm-up round, then the runs.
9. **Key scaling** — in this process, the loader's parseYaml (syntax, duplicate-key and alias-size checks,
   values) of one mapping of 10,000 and of 40,000 \`keyN: N\` lines, interleaved, a fresh file name each
   run so that the parse cache does not answer. Linear work gives a ratio near 4.

## Notes from the runs above

${notes.length ? [...new Set(notes.map((n) => n.text))].map((n) => `- ${n}`).join("\n") : "- none"}
`;
  writeFileSync(join(BENCH, "RESULTS.md"), md);
}
