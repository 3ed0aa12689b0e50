// The one results table: rows of figures (median, min, max, runs) and the targets they are held to.
import type { Summary } from "./stats.js";

export type Unit = "ms" | "s" | "µs" | "calls/s" | "×" | "B" | "ms/op";

export interface Target {
  op: "<=" | ">=";
  value: number;
}

export interface Row {
  figure: string;
  label: string;
  unit: Unit;
  value: Summary;
  target?: Target;
  note?: string;
  /** The median is only a lower bound (a run passed its timeout). */
  lowerBound?: boolean;
}

export type Status = "met" | "missed" | "n/a";

export function status(row: Row): Status | "" {
  if (!row.target) return "";
  const v = row.value.median;
  if (!Number.isFinite(v)) return "n/a";
  const ok = row.target.op === "<=" ? v <= row.target.value : v >= row.target.value;
  // A lower bound proves "missed" for an upper target and "met" for a lower one, nothing else.
  if (row.lowerBound) return row.target.op === "<=" ? (ok ? "n/a" : "missed") : ok ? "met" : "n/a";
  return ok ? "met" : "missed";
}

export function fmt(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return "-";
  switch (unit) {
    case "×":
      return `${value.toFixed(2)}×`;
    case "B":
      return `${Math.round(value).toLocaleString("en-US")} B`;
    case "calls/s":
      return `${Math.round(value).toLocaleString("en-US")}/s`;
    case "s":
      return `${value.toFixed(1)} s`;
    default: {
      const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
      return `${value.toFixed(digits)} ${unit}`;
    }
  }
}

function targetText(row: Row): string {
  if (!row.target) return "";
  return `${row.target.op === "<=" ? "≤" : "≥"} ${fmt(row.target.value, row.unit)}`;
}

const HEAD = ["fig", "measurement", "median", "min", "max", "runs", "target", "status"];

function cells(row: Row): string[] {
  const single = row.value.runs <= 1;
  return [
    row.figure,
    row.note ? `${row.label} (${row.note})` : row.label,
    `${row.lowerBound ? "≥ " : ""}${fmt(row.value.median, row.unit)}`,
    single ? "" : fmt(row.value.min, row.unit),
    single ? "" : fmt(row.value.max, row.unit),
    String(row.value.runs),
    targetText(row),
    status(row),
  ];
}

/** The table as aligned plain text, for the terminal. */
export function textTable(rows: Row[]): string {
  const body = rows.map(cells);
  const widths = HEAD.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const right = new Set([2, 3, 4, 5]);
  const line = (r: string[]) =>
    r
      .map((c, i) => (right.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const out = [line(HEAD), widths.map((w) => "-".repeat(w)).join("  ")];
  let last = "";
  for (let i = 0; i < rows.length; i++) {
    if (last && rows[i]!.figure !== last) out.push("");
    last = rows[i]!.figure;
    out.push(line(body[i]!));
  }
  return out.join("\n");
}

/** The table as GitHub Markdown. */
export function markdownTable(rows: Row[]): string {
  const esc = (c: string) => c.replace(/\|/g, "\\|");
  const out = [`| ${HEAD.join(" | ")} |`, `|${HEAD.map((_, i) => (i >= 2 && i <= 5 ? "---:" : "---")).join("|")}|`];
  for (const row of rows) out.push(`| ${cells(row).map(esc).join(" | ")} |`);
  return out.join("\n");
}
