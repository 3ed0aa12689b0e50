// Figure 1, cold generate: each tool as a fresh process, one warm-up round then RUNS rounds, the three
// tools interleaved (rotated each round) so they share the machine's state.
//   ours        node generator/run.mjs --spec <copy of spec/> --out <fresh dir>   (all three versions)
//   ours, empty cache   the same with EE_OPERATIONS_CACHE_DIR=<fresh dir>: the first run after an install,
//               which bundles the generator and writes V8's code caches (node_modules/.cache/ee-operations)
//   oats        openapi-typescript <copy>/v1.yaml -o <fresh dir>/x.ts            (one version, types only)
//   hey-api     openapi-ts -i <copy>/v1.yaml -o <fresh dir> -p client-fetch sdk typescript  (one version)
import { basename, join } from "node:path";
import {
  CHILD_TIMEOUT_MS,
  CLI,
  type Context,
  freshDir,
  HEY_API,
  HEY_PLUGINS,
  NODE,
  OATS,
  ROOT,
  RUNS,
  rotate,
} from "./env.js";
import { pairedRatio, type Summary, summarize } from "./stats.js";
import { timeCommand } from "./time-command.js";

export interface ColdGenerateResult {
  ours: Summary;
  oursEmptyCache: Summary;
  oats: Summary;
  heyApi: Summary;
  oursOverOats: Summary;
  oursEmptyCacheOverOats: Summary;
  oursOverHeyApi: Summary;
}

export type Tool = "ours" | "oursEmptyCache" | "oats" | "heyApi";

/** One cold run of a tool on a spec folder (v1.yaml for the baselines), returning wall ms. */
export async function runTool(
  ctx: Context,
  tool: Tool,
  specDir: string,
  out: string,
  timeoutMs = CHILD_TIMEOUT_MS,
): Promise<number> {
  const options = { cwd: ROOT, timeoutMs };
  switch (tool) {
    case "ours":
      return (await timeCommand(NODE, [CLI, "generate", "--spec", specDir, "--out", out], options)).ms;
    case "oursEmptyCache":
      return (
        await timeCommand(NODE, [CLI, "generate", "--spec", specDir, "--out", out], {
          ...options,
          env: { EE_OPERATIONS_CACHE_DIR: freshDir(ctx, "cache", basename(out)) },
        })
      ).ms;
    case "oats":
      return (
        await timeCommand(
          OATS,
          [join(specDir, "v1.yaml"), "-o", join(out, "x.ts"), "--redocly", ctx.redoclyConfig],
          options,
        )
      ).ms;
    case "heyApi":
      return (await timeCommand(HEY_API, ["-i", join(specDir, "v1.yaml"), "-o", out, ...HEY_PLUGINS], options)).ms;
  }
}

export async function coldGenerate(ctx: Context, specDir: string): Promise<ColdGenerateResult> {
  const samples: Record<Tool, number[]> = { ours: [], oursEmptyCache: [], oats: [], heyApi: [] };
  const last: Record<Tool, number> = { ours: NaN, oursEmptyCache: NaN, oats: NaN, heyApi: NaN };
  for (let round = 0; round <= RUNS; round++) {
    for (const tool of rotate<Tool>(["ours", "oursEmptyCache", "oats", "heyApi"], round)) {
      const took = await runTool(ctx, tool, specDir, freshDir(ctx, "cold", `${tool}-${round}`));
      last[tool] = took;
      if (round > 0) samples[tool].push(took); // round 0 is the warm-up (disk cache, compile caches)
    }
    ctx.log(
      `  cold generate round ${round}${round === 0 ? " (warm-up)" : ""}: ours ${ms(last.ours)} (empty cache ${ms(last.oursEmptyCache)}), oats ${ms(last.oats)}, hey-api ${ms(last.heyApi)}`,
    );
  }
  return {
    ours: summarize(samples.ours),
    oursEmptyCache: summarize(samples.oursEmptyCache),
    oats: summarize(samples.oats),
    heyApi: summarize(samples.heyApi),
    oursOverOats: pairedRatio(samples.ours, samples.oats),
    oursEmptyCacheOverOats: pairedRatio(samples.oursEmptyCache, samples.oats),
    oursOverHeyApi: pairedRatio(samples.ours, samples.heyApi),
  };
}

export const ms = (x: number) => `${Math.round(x)} ms`;
