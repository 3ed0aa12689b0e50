// Figure 2: the no-op check and the watch loop.
//   check  node generator/run.mjs check --spec <copy> --out <its up-to-date output>, fresh process,
//          interleaved with the openapi-typescript CLI on v1.yaml (warm-up round, then RUNS rounds)
//   watch  node generator/run.mjs generate --watch on another copy of spec/; each edit rewrites the
//          cancel description of v1.yaml and times the file write → the `regenerated in N ms` line
//          (N, the tool's own figure, is recorded too)
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runTool } from "./cold-generate.js";
import { CHILD_TIMEOUT_MS, CLI, type Context, copySpec, freshDir, NODE, ROOT, RUNS, rotate } from "./env.js";
import { pairedRatio, type Summary, summarize } from "./stats.js";
import { startChild, stopChild, timeCommand } from "./time-command.js";

export interface CheckWatchResult {
  check: Summary;
  oats: Summary;
  checkOverOats: Summary;
  watch: { edits: number; latency: Summary; reported: Summary };
}

const WATCH_EDITS = Math.max(5, RUNS * 2);
const EDIT_MARKER = "Starts asynchronous cancellation on a long-running operation.";

export async function checkAndWatch(ctx: Context, specDir: string): Promise<CheckWatchResult> {
  const out = freshDir(ctx, "check-out");
  await timeCommand(NODE, [CLI, "generate", "--spec", specDir, "--out", out], {
    cwd: ROOT,
    timeoutMs: CHILD_TIMEOUT_MS,
  });
  const samples = { check: [] as number[], oats: [] as number[] };
  for (let round = 0; round <= RUNS; round++) {
    for (const tool of rotate(["check", "oats"] as const, round)) {
      const ms =
        tool === "check"
          ? (
              await timeCommand(NODE, [CLI, "check", "--spec", specDir, "--out", out], {
                cwd: ROOT,
                timeoutMs: CHILD_TIMEOUT_MS,
              })
            ).ms
          : await runTool(ctx, "oats", specDir, freshDir(ctx, "check-oats"));
      if (round > 0) samples[tool].push(ms);
    }
    ctx.log(`  check round ${round}${round === 0 ? " (warm-up)" : ""} done`);
  }
  return {
    check: summarize(samples.check),
    oats: summarize(samples.oats),
    checkOverOats: pairedRatio(samples.check, samples.oats),
    watch: await watchLatency(ctx),
  };
}

/** Lines of a stream, awaited one pattern at a time, each stamped with its arrival time. */
function lineReader(stream: NodeJS.ReadableStream) {
  const lines: { text: string; at: number }[] = [];
  let wake: (() => void) | undefined;
  let buffer = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk: string) => {
    const at = performance.now();
    buffer += chunk;
    let nl: number;
    while ((nl = buffer.indexOf("\n")) >= 0) {
      lines.push({ text: buffer.slice(0, nl), at });
      buffer = buffer.slice(nl + 1);
    }
    wake?.();
  });
  return async function next(
    pattern: RegExp,
    timeoutMs: number,
  ): Promise<{ text: string; at: number; match: RegExpMatchArray }> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      while (lines.length) {
        const line = lines.shift()!;
        const match = line.text.match(pattern);
        if (match) return { ...line, match };
        if (/^(error:|no output changed)/.test(line.text)) throw new Error(`watch reported: ${line.text}`);
      }
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`watch: no line matching ${pattern} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  };
}

async function watchLatency(ctx: Context): Promise<CheckWatchResult["watch"]> {
  const specDir = copySpec(ctx, "watch-spec");
  const out = freshDir(ctx, "watch-out");
  const file = join(specDir, "v1.yaml");
  const original = readFileSync(file, "utf8");
  if (!original.includes(EDIT_MARKER)) throw new Error(`watch: ${file} no longer contains "${EDIT_MARKER}"`);
  const child = startChild(NODE, [CLI, "generate", "--watch", "--spec", specDir, "--out", out], { cwd: ROOT });
  const next = lineReader(child.stdout!);
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const latency: number[] = [];
  const reported: number[] = [];
  try {
    await next(/^generate: .*watching/, 60_000);
    await sleep(500); // let the watchers settle before the first edit
    for (let edit = 0; edit <= WATCH_EDITS; edit++) {
      const edited = original.replace(
        EDIT_MARKER,
        `Starts asynchronous cancellation on a long-running operation (bench edit ${edit}).`,
      );
      const wrote = performance.now(); // before the write: its truncation may already wake the watcher
      writeFileSync(file, edited);
      const line = await next(/^regenerated in (\d+) ms after the change/, 30_000);
      if (edit > 0) {
        latency.push(line.at - wrote);
        reported.push(Number(line.match[1]));
      }
      await sleep(300);
    }
  } catch (error) {
    throw new Error(`${(error as Error).message}${stderr ? `\nstderr: ${stderr.trim().slice(-1000)}` : ""}`);
  } finally {
    await stopChild(child);
  }
  ctx.log(`  watch: ${WATCH_EDITS} edits after one warm-up edit`);
  return { edits: WATCH_EDITS, latency: summarize(latency), reported: summarize(reported) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
