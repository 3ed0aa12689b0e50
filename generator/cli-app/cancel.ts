// `cancel NAME… | all [--wait]`. Each operation's state is read first (one getMany, or the listing for
// `all`), so that one already done is reported as "already <STATE>" instead of "cancel requested";
// the others are cancelled with one cancelMany (HTTP batch).
import { ApiError, InvalidNameError, outcomeOf } from "ee-operations-client";
import { EXIT } from "./errors.js";
import { stateOf } from "./format.js";
import { CANCEL_MAYBE_SENT, CANCEL_REQUESTED, reportInterrupted } from "./interrupted.js";
import { type CommandContext, errorJson, fail, parentOf, printJson, worst } from "./output.js";
import { terminalText } from "./sanitize.js";
import type { CliClient, CliOperation } from "./types.js";
import { alreadyLine, type Earlier, waitAndReport } from "./wait.js";

// States in which a cancel has nothing left to do.
const NOTHING_TO_CANCEL = new Set(["CANCELLING", "SUCCEEDED", "CANCELLED", "FAILED"]);

export async function cancel(ctx: CommandContext): Promise<number> {
  const { json, wait } = ctx.invocation;
  const secrets = ctx.io.secrets;
  const known = new Map<string, CliOperation>();
  // Names whose result is already decided (a failed read or cancel), reported where it happened.
  const failed = new Map<string, Earlier>();
  const failedWith = (name: string, error: unknown) => {
    const report = fail(ctx, error, name);
    failed.set(name, { code: report.exit, json: { name, ok: false, error: errorJson(report) } });
  };

  let names: string[];
  try {
    names = ctx.invocation.all ? await listAll(ctx, known) : await readStates(ctx, known, failedWith);
  } catch (error) {
    if (!ctx.io.interrupt.aborted) return fail(ctx, error).exit;
    ctx.io.err("interrupted before any cancel was sent\n");
    return EXIT.INTERRUPTED;
  }
  if (ctx.invocation.all && names.length === 0) {
    if (json) printJson(ctx, []);
    else ctx.io.out(`No operations in ${terminalText(parentOf(ctx))}.\n`);
    return EXIT.OK;
  }

  const toCancel = names.filter((name) => !failed.has(name) && !nothingToCancel(known.get(name)));
  let outcomes: Awaited<ReturnType<CliClient["cancelMany"]>> = [];
  // Ctrl-C while the cancels are in flight: they were sent, and the server may have acted on them.
  let cut = false;
  try {
    if (toCancel.length) outcomes = await ctx.ee.cancelMany(toCancel, { signal: ctx.io.interrupt });
  } catch (error) {
    if (!ctx.io.interrupt.aborted) throw error;
    cut = true;
  }
  const requested = new Set<string>();
  for (const result of outcomes) {
    if (result.ok) requested.add(result.name);
    else failedWith(result.name, result.error);
  }

  // Results known now: failures (printed where they happened) and operations already done or
  // cancelling, which count as success: the cancel has nothing left to do.
  const decided = new Map(failed);
  for (const name of names) {
    const op = known.get(name);
    if (decided.has(name) || requested.has(name) || op === undefined || !nothingToCancel(op)) continue;
    if (wait && op.done !== true) continue; // still cancelling: waited for below
    if (!json) ctx.io.out(`${alreadyText(name, op, secrets)}\n`);
    const result = wait
      ? { name, outcome: outcomeOf(op), already: true, operation: op }
      : { name, ok: true, already: stateOf(op) };
    decided.set(name, { code: EXIT.OK, json: result });
  }
  if (wait && !cut) {
    const waited = names.filter((name) => !decided.has(name));
    return waitAndReport(ctx, waited, { known, afterCancel: true, single: false, earlier: decided, order: names });
  }
  const sent = new Set(toCancel);
  const codes: number[] = [];
  const results: unknown[] = [];
  for (const name of names) {
    const earlier = decided.get(name);
    if (earlier !== undefined) {
      codes.push(earlier.code);
      results.push(earlier.json);
    } else if (cut) {
      // Its last known state, and that its cancel may have been requested (or was, if already cancelling).
      const note = sent.has(name) ? CANCEL_MAYBE_SENT : CANCEL_REQUESTED;
      results.push(...reportInterrupted(ctx.io, [name], known, note));
    } else if (requested.has(name)) {
      codes.push(EXIT.OK);
      results.push({ name, ok: true });
      if (!json) ctx.io.out(`${terminalText(name, secrets)}: cancel requested\n`);
    }
  }
  if (json) printJson(ctx, results);
  if (ctx.io.interrupt.aborted) codes.push(EXIT.INTERRUPTED);
  return worst(codes);
}

function nothingToCancel(op: CliOperation | undefined): boolean {
  return op !== undefined && (op.done === true || NOTHING_TO_CANCEL.has(stateOf(op)));
}

function alreadyText(name: string, op: CliOperation, secrets: readonly string[]): string {
  return op.done === true ? alreadyLine(name, op, secrets) : `${terminalText(name, secrets)}: already ${stateOf(op)}`;
}

/** `cancel all`: every operation of the project, its state remembered. */
async function listAll(ctx: CommandContext, known: Map<string, CliOperation>): Promise<string[]> {
  for await (const op of ctx.ee.listOperations(parentOf(ctx), { signal: ctx.io.interrupt })) {
    if (op.name) known.set(op.name, op);
  }
  return [...known.keys()];
}

/**
 * Every named operation's state (one getMany). A name that cannot be read for good (NOT_FOUND,
 * PERMISSION_DENIED, …) is reported and not cancelled; one whose read failed for a passing reason
 * is still cancelled, since the cancel itself will tell.
 */
async function readStates(
  ctx: CommandContext,
  known: Map<string, CliOperation>,
  failedWith: (name: string, error: unknown) => void,
): Promise<string[]> {
  const reads = await ctx.ee.getMany(ctx.names, { signal: ctx.io.interrupt });
  for (const read of reads) {
    if (read.ok) {
      if (read.operation) known.set(read.name, read.operation);
    } else if (isFinal(read.error)) {
      failedWith(read.name, read.error);
    }
  }
  return reads.map((read) => read.name);
}

const isFinal = (error: unknown): boolean =>
  error instanceof InvalidNameError ||
  (error instanceof ApiError && error.httpStatus >= 400 && error.httpStatus < 500 && error.httpStatus !== 429);
