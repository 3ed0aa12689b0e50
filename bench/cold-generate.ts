// Figure 1, cold generate: each tool as a fresh process, one warm-up round then RUNS rounds, the three
// tools interleaved (rotated each round) so they share the machine's state.
//   ours        node generator/run.mjs --spec <copy of spec/> --out <fresh dir>   (all three versions)
//   oats        openapi-typescript <copy>/v1.yaml -o <fresh dir>/x.ts            (one version, types only)
//   hey-api     openapi-ts -i <copy>/v1.yaml -o <fresh dir> -p client-fetch sdk typescript  (one version)
import { join } from "node:path";
import { CHILD_TIMEOUT_MS, CLI, HEY_API, HEY_PLUGINS, NODE, OATS, ROOT, RUNS, freshDir, rotate, type Context } from "./env.ts";
import { pairedRatio, summarize, type Summary } from "./stats.ts";
import { timeCommand } from "./time-command.ts";

export interface ColdGenerateResult {
  ours: Summary;
  oats: Summary;
  heyApi: Summary;
  oursOverOats: Summary;
  oursOverHeyApi: Summary;
}

export type Tool = "ours" | "oats" | "heyApi";

/** One cold run of a tool on a spec folder (v1.yaml for the baselines), returning wall ms. */
export async function runTool(ctx: Context, tool: Tool, specDir: string, out: string, timeoutMs = CHILD_TIMEOUT_MS): Promise<number> {
  const options = { cwd: ROOT, timeoutMs };
  switch (tool) {
    case "ours":
      return (await timeCommand(NODE, [CLI, "generate", "--spec", specDir, "--out", out], options)).ms;
    case "oats":
      return (await timeCommand(OATS, [join(specDir, "v1.yaml"), "-o", join(out, "x.ts"), "--redocly", ctx.redoclyConfig], options)).ms;
    case "heyApi":
      return (await timeCommand(HEY_API, ["-i", join(specDir, "v1.yaml"), "-o", out, ...HEY_PLUGINS], options)).ms;
  }
}

export async function coldGenerate(ctx: Context, specDir: string): Promise<ColdGenerateResult> {
  const samples: Record<Tool, number[]> = { ours: [], oats: [], heyApi: [] };
  const last: Record<Tool, number> = { ours: NaN, oats: NaN, heyApi: NaN };
  for (let round = 0; round <= RUNS; round++) {
    for (const tool of rotate<Tool>(["ours", "oats", "heyApi"], round)) {
      const took = await runTool(ctx, tool, specDir, freshDir(ctx, "cold", `${tool}-${round}`));
      last[tool] = took;
      if (round > 0) samples[tool].push(took); // round 0 is the warm-up (disk cache, compile caches)
    }
    ctx.log(`  cold generate round ${round}${round === 0 ? " (warm-up)" : ""}: ours ${ms(last.ours)}, oats ${ms(last.oats)}, hey-api ${ms(last.heyApi)}`);
  }
  return {
    ours: summarize(samples.ours),
    oats: summarize(samples.oats),
    heyApi: summarize(samples.heyApi),
    oursOverOats: pairedRatio(samples.ours, samples.oats),
    oursOverHeyApi: pairedRatio(samples.ours, samples.heyApi),
  };
}

export const ms = (x: number) => `${Math.round(x)} ms`;
