// Which run each figure comes from, with the versions of the tools it compares against, so that a
// partial re-run (BENCH_ONLY=… BENCH_MERGE=1) can replace some figures and keep the others honest.
import { existsSync, readFileSync } from "node:fs";
import type { Machine } from "./report.js";
import type { Results } from "./rows.js";

export type FigureKey = keyof Results;

/** The figure numbers (run.ts numbers its figures from here), and the packages each figure measures besides ours. */
export const FIGURES: Record<FigureKey, { number: string; tools: string[] }> = {
  coldGenerate: { number: "1", tools: ["openapi-typescript", "@hey-api/openapi-ts"] },
  checkWatch: { number: "2", tools: ["openapi-typescript"] },
  scaling: { number: "3", tools: ["@hey-api/openapi-ts"] },
  clientOverhead: { number: "4", tools: ["openapi-fetch", "googleapis-common", "gaxios (googleapis-common's)"] },
  loopback: { number: "5", tools: [] },
  sizeStartup: { number: "6", tools: ["openapi-fetch", "googleapis-common", "esbuild"] },
  batch: { number: "7", tools: [] },
  corpus: { number: "8", tools: [] },
  keyScaling: { number: "9", tools: ["yaml"] },
};

export interface FigureProvenance {
  date: string;
  node: string;
  loadAverageAtStart: number[];
  /** Versions of FIGURES[key].tools in that run. */
  tools: Record<string, string>;
}

export type Provenance = Partial<Record<FigureKey, FigureProvenance>>;

/** A note in results.json, tagged with the figure it is about when it is about one. */
export interface Note {
  figure?: FigureKey;
  text: string;
}

export function provenanceOf(m: Machine, results: Results): Provenance {
  const out: Provenance = {};
  for (const key of Object.keys(results) as FigureKey[]) {
    out[key] = {
      date: m.date,
      node: m.node,
      loadAverageAtStart: m.loadAverageAtStart,
      tools: Object.fromEntries(FIGURES[key].tools.map((t) => [t, m.tools[t] ?? "not installed"])),
    };
  }
  return out;
}

interface PreviousRun {
  machine: Machine;
  results: Results;
  provenance?: Provenance;
  notes?: (string | Note)[];
}

/** Older results.json files have no provenance: every figure in them comes from their one run. */
function readPrevious(file: string): PreviousRun | undefined {
  if (!existsSync(file)) return undefined;
  const previous = JSON.parse(readFileSync(file, "utf8")) as PreviousRun;
  return { ...previous, provenance: previous.provenance ?? provenanceOf(previous.machine, previous.results) };
}

/** Old notes of the figures kept (not re-run); notes that name no figure (older files' strings) are dropped. */
function keptNotes(previous: PreviousRun, fresh: Results): Note[] {
  return (previous.notes ?? []).filter(
    (n): n is Note => typeof n !== "string" && n.figure !== undefined && fresh[n.figure] === undefined,
  );
}

/** The previous results.json with the figures of `fresh` replaced; provenance and notes follow. */
export function mergeWithPrevious(
  file: string,
  m: Machine,
  fresh: Results,
  freshNotes: Note[],
): { results: Results; provenance: Provenance; notes: Note[] } {
  const previous = readPrevious(file);
  const results = { ...(previous?.results ?? {}), ...fresh } as Results;
  const provenance = { ...(previous?.provenance ?? {}), ...provenanceOf(m, fresh) };
  const notes = [...freshNotes, ...(previous ? keptNotes(previous, fresh) : [])];
  return { results, provenance, notes };
}

/** Markdown rows: figure, date, Node, load average, versions of the tools it compares against. */
export function provenanceTable(provenance: Provenance): string {
  const rows = (Object.keys(FIGURES) as FigureKey[])
    .filter((key) => provenance[key])
    .map((key) => {
      const p = provenance[key]!;
      const tools = Object.entries(p.tools)
        .map(([t, v]) => `${t} ${v}`)
        .join(", ");
      return `| ${FIGURES[key].number} | ${p.date} | ${p.node} | ${p.loadAverageAtStart.join(", ")} | ${tools || "—"} |`;
    });
  return ["| fig | measured | Node | load average at start | baselines |", "|---|---|---|---|---|", ...rows].join("\n");
}
