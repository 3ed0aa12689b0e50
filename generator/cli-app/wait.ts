// `wait NAME… | all`, and the waiting half of `cancel --wait`: one loop for every name (poll.ts), then one
// line per operation; Ctrl-C prints each operation's last known state and exits 130.
import { outcomeOf, stateFilter } from "ee-operations-client";
import { EXIT } from "./errors.js";
import { outcomeLine } from "./format.js";
import { CANCEL_REQUESTED, LEFT_RUNNING, reportInterrupted } from "./interrupted.js";
import { type CommandContext, errorJson, fail, parentOf, printJson, worst } from "./output.js";
import { pollUntilDone } from "./poll.js";
import { createProgress } from "./progress.js";
import { terminalText } from "./sanitize.js";
import type { CliOperation } from "./types.js";

type Outcome = NonNullable<ReturnType<typeof outcomeOf>>;
const WAIT_EXIT: Record<Outcome, number> = { SUCCEEDED: EXIT.OK, FAILED: EXIT.FAILED, CANCELLED: EXIT.CANCELLED };
const CANCEL_WAIT_EXIT: Record<Outcome, number> = { SUCCEEDED: EXIT.OK, FAILED: EXIT.FAILED, CANCELLED: EXIT.OK };

export async function wait(ctx: CommandContext): Promise<number> {
  let names = ctx.names;
  const known = new Map<string, CliOperation>();
  if (ctx.invocation.all) {
    try {
      for await (const op of ctx.ee.listOperations(parentOf(ctx), {
        filter: stateFilter("PENDING", "RUNNING", "CANCELLING"),
        signal: ctx.io.interrupt,
      })) {
        if (op.done !== true && op.name) known.set(op.name, op);
      }
    } catch (error) {
      return fail(ctx, error).exit;
    }
    names = [...known.keys()];
    if (names.length === 0) {
      if (ctx.invocation.json) printJson(ctx, []);
      else ctx.io.out(`No operations to wait for in ${terminalText(parentOf(ctx))}.\n`);
      return EXIT.OK;
    }
  }
  // One name keeps the shape `wait NAME --json` always had: the operation itself. Several names that
  // are one operation still give an array, as their count typed promises.
  const single = !ctx.invocation.all && ctx.invocation.targets.length === 1;
  return waitAndReport(ctx, names, { known, afterCancel: false, single });
}

/** A name's result decided before waiting: its exit code and JSON result (its message is printed). */
export interface Earlier {
  code: number;
  json: unknown;
}

export interface WaitReportOptions {
  /** States already read (shown in the progress until the first poll). */
  known: ReadonlyMap<string, CliOperation>;
  /** `cancel --wait`: CANCELLED is success, and an early SUCCEEDED is explained. */
  afterCancel: boolean;
  /** --json prints the operation alone instead of an array of results. */
  single: boolean;
  /** Names already reported (cancel's failures): their exit code and JSON result, merged in. */
  earlier?: ReadonlyMap<string, Earlier>;
  /** The order of the results (every name given to the command); default `names`. */
  order?: readonly string[];
}

/** Waits for every name (one loop), prints how each ended, and returns the exit code. */
export async function waitAndReport(
  ctx: CommandContext,
  names: readonly string[],
  options: WaitReportOptions,
): Promise<number> {
  const { json, timeoutMs } = ctx.invocation;
  const secrets = ctx.io.secrets;
  const progress = createProgress(json ? undefined : ctx.io.progress);
  const { settled, latest, interrupted } = await pollUntilDone(ctx.ee, names, {
    timeoutMs,
    signal: ctx.io.interrupt,
    progress,
    known: options.known,
  });
  progress.clear();

  const exits = options.afterCancel ? CANCEL_WAIT_EXIT : WAIT_EXIT;
  const codes: number[] = [];
  const results: unknown[] = [];
  for (const name of options.order ?? names) {
    const earlier = options.earlier?.get(name);
    if (earlier !== undefined) {
      codes.push(earlier.code);
      results.push(earlier.json);
      continue;
    }
    const entry = settled.get(name);
    if (entry === undefined) continue;
    if (entry.operation) {
      const op = entry.operation;
      const outcome = outcomeOf(op) ?? "FAILED";
      codes.push(exits[outcome]);
      if (options.single && json) results.push(op);
      else results.push({ name, outcome, operation: op });
      if (!json) ctx.io.out(`${outcomeLine(name, op, options.afterCancel, secrets)}\n`);
    } else {
      const report = fail(ctx, entry.error, name);
      codes.push(report.exit);
      results.push({ name, error: errorJson(report) });
    }
  }
  if (interrupted) {
    const pending = names.filter((name) => !settled.has(name));
    results.push(...reportInterrupted(ctx.io, pending, latest, options.afterCancel ? CANCEL_REQUESTED : LEFT_RUNNING));
    codes.push(EXIT.INTERRUPTED);
  }
  if (json) printJson(ctx, options.single && results.length === 1 ? results[0] : results);
  return worst(codes);
}

/** `NAME: already SUCCEEDED` (or CANCELLED, or `FAILED: <error>`) for an operation done before the command. */
export function alreadyLine(name: string, op: CliOperation, secrets: readonly string[]): string {
  const line = outcomeLine(name, op, false, secrets);
  const shown = terminalText(name, secrets);
  return `${shown}: already ${line.slice(shown.length + 2)}`;
}
