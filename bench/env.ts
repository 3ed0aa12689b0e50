// Shared settings of the benchmark: where things are, how many runs, and the scratch folder.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));
export const BENCH = join(ROOT, "bench");
const bin = (name: string) => join(ROOT, "node_modules", ".bin", name);
export const OATS = bin("openapi-typescript");
export const HEY_API = bin("openapi-ts");
/** The generator as `npm run generate` runs it (npm itself left out, as for the baselines). */
export const NODE = process.execPath;
export const CLI = "generator/run.mjs";
export const HEY_PLUGINS = ["-p", "@hey-api/client-fetch", "@hey-api/sdk", "@hey-api/typescript"];

/** Runs of each figure after the warm-up; BENCH_RUNS overrides (at least 5 unless you want less). */
export const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
/** Timeout of one child process. */
export const CHILD_TIMEOUT_MS = 180_000;

export interface Context {
  /** A fresh scratch folder, removed at the end. */
  tmp: string;
  /** A minimal Redocly config outside the repo (see redoclyFlag). */
  redoclyConfig: string;
  log: (line: string) => void;
}

export function createContext(log: (line: string) => void): Context {
  const tmp = mkdtempSync(join(tmpdir(), "ee-bench-"));
  // openapi-typescript's CLI reads the repo's redocly.yaml (it lists three apis with no
  // x-openapi-ts.output) and then refuses the CLI input; point it at a neutral config instead.
  const redoclyConfig = join(tmp, "redocly.yaml");
  writeFileSync(redoclyConfig, "extends:\n  - minimal\n");
  return { tmp, redoclyConfig, log };
}

export function removeContext(ctx: Context): void {
  rmSync(ctx.tmp, { recursive: true, force: true });
}

/** A new empty folder under the scratch folder. */
export function freshDir(ctx: Context, ...parts: string[]): string {
  const dir = join(ctx.tmp, ...parts);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A private copy of spec/, so other people's edits to spec/ cannot change what a figure measures. */
export function copySpec(ctx: Context, name: string): string {
  const dir = freshDir(ctx, name);
  cpSync(join(ROOT, "spec"), dir, { recursive: true });
  return dir;
}

/** Rotates `items` by `round`, so no tool always runs first (or right after another one). */
export function rotate<T>(items: readonly T[], round: number): T[] {
  const k = round % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}
