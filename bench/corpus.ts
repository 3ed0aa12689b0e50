// Figure 8, corpus: the total time to generate every variant of test/fixtures/corpus (33 spec folders,
// most generating a package, some failing with a located error), one after another in one fresh
// process per round (so no round reuses another's memo caches); one warm-up round, then RUNS rounds.
import { join } from "node:path";
import { CHILD_TIMEOUT_MS, type Context, freshDir, NODE, ROOT, RUNS } from "./env.js";
import { type Summary, summarize } from "./stats.js";
import { timeCommand } from "./time-command.js";

export interface CorpusResult {
  totalMs: Summary;
  variants: number;
  generated: number;
}

export async function corpus(ctx: Context): Promise<CorpusResult> {
  const samples: number[] = [];
  let last = { generated: 0, failed: 0 };
  for (let round = 0; round <= RUNS; round++) {
    // Inside the repo's tree is not needed: nothing is imported from the outputs.
    const out = freshDir(ctx, "corpus", String(round));
    const r = await timeCommand(NODE, ["--import", "tsx", join(ROOT, "bench/corpus-child.ts"), out], {
      cwd: ROOT,
      timeoutMs: CHILD_TIMEOUT_MS,
    });
    const parsed = JSON.parse(r.stdout) as { ms: number; generated: number; failed: number };
    last = parsed;
    if (round > 0) samples.push(parsed.ms);
  }
  ctx.log(`  corpus: ${last.generated} generated, ${last.failed} located errors, ${RUNS} rounds after a warm-up`);
  return { totalMs: summarize(samples), variants: last.generated + last.failed, generated: last.generated };
}
