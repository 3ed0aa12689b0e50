// Figure 9, key scaling: the loader's time to parse and check one YAML mapping of 10k and of 40k keys
// (parseYaml: syntax, the duplicate-key and alias-size checks, values), in this process, interleaved
// rounds after a warm-up. Linear work gives a 40k / 10k ratio near 4; the old quadratic duplicate-key
// check gave about 16.
import { parseYaml } from "../generator/load/yaml-file.js";
import { RUNS } from "./env.js";
import { pairedRatio, type Summary, summarize } from "./stats.js";

export interface KeyScalingResult {
  keys10k: Summary;
  keys40k: Summary;
  ratio: Summary;
}

const mapping = (keys: number) => `${Array.from({ length: keys }, (_, i) => `key${i}: ${i}`).join("\n")}\n`;

export async function keyScaling(): Promise<KeyScalingResult> {
  const texts = [mapping(10_000), mapping(40_000)] as const;
  const times: [number[], number[]] = [[], []];
  for (let round = 0; round <= RUNS; round++) {
    for (const i of [0, 1] as const) {
      globalThis.gc?.();
      const t = performance.now();
      // A fresh name each time: the parse cache would otherwise answer.
      parseYaml(`bench-${i}-${round}.yaml`, texts[i]);
      if (round > 0) times[i].push(performance.now() - t);
    }
  }
  return { keys10k: summarize(times[0]), keys40k: summarize(times[1]), ratio: pairedRatio(times[1], times[0]) };
}
