// The five commands. Each prints its results and returns its exit code; errors of one name are
// reported and the others still run.
import type { Invocation } from "./args.js";
import { type ErrorReport, EXIT, errorLine, oneLine, redact, reportOf } from "./errors.js";
import { type Outcome, operationDetails, operationsTable, outcomeLine, outcomeOf } from "./format.js";
import { createProgress, watchOperation } from "./progress.js";
import type { CliClient, CliOperation, Io } from "./types.js";

export interface CommandContext {
  ee: CliClient;
  invocation: Invocation;
  /** The full operation names (targets expanded with the project). */
  names: string[];
  io: Io;
}

const CONCURRENCY = 8;

export function runCommand(ctx: CommandContext): Promise<number> {
  switch (ctx.invocation.command) {
    case "get":
      return get(ctx);
    case "list":
      return list(ctx);
    case "wait":
      return wait(ctx);
    case "cancel":
      return ctx.invocation.wait ? cancelAndWait(ctx) : cancel(ctx);
    case "delete":
      return remove(ctx);
  }
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
const worst = (codes: readonly number[]): number => Math.max(EXIT.OK, ...codes);

function fail(ctx: CommandContext, error: unknown, name?: string): ErrorReport {
  const report = reportOf(error);
  ctx.io.err(`${errorLine(report, ctx.io.secrets, name)}\n`);
  return report;
}

const errorJson = (ctx: CommandContext, report: ErrorReport) => ({
  status: report.status,
  message: redact(oneLine(report.message), ctx.io.secrets),
});

async function get(ctx: CommandContext): Promise<number> {
  const name = ctx.names[0]!;
  try {
    const op = await ctx.ee.projects.operations.get({ name });
    ctx.io.out(ctx.invocation.json ? json(op) : operationDetails(op));
    return EXIT.OK;
  } catch (error) {
    return fail(ctx, error).exit;
  }
}

async function list(ctx: CommandContext): Promise<number> {
  const { project, filter, limit } = ctx.invocation;
  const parent = `projects/${project}`;
  const ops: CliOperation[] = [];
  try {
    const pageSize = limit !== undefined && limit <= 500 ? limit : undefined;
    for await (const op of ctx.ee.listOperations(parent, { filter, pageSize })) {
      ops.push(op);
      if (limit !== undefined && ops.length >= limit) break;
    }
  } catch (error) {
    return fail(ctx, error).exit;
  }
  if (ctx.invocation.json) ctx.io.out(json(ops));
  else
    ctx.io.out(
      ops.length ? operationsTable(ops) : `No operations in ${parent}${filter ? ` matching ${filter}` : ""}.\n`,
    );
  return EXIT.OK;
}

const WAIT_EXIT: Record<Outcome, number> = { SUCCEEDED: EXIT.OK, FAILED: EXIT.FAILED, CANCELLED: EXIT.CANCELLED };
const CANCEL_WAIT_EXIT: Record<Outcome, number> = { SUCCEEDED: EXIT.OK, FAILED: EXIT.FAILED, CANCELLED: EXIT.OK };

async function wait(ctx: CommandContext): Promise<number> {
  const name = ctx.names[0]!;
  const progress = createProgress(ctx.invocation.json ? undefined : ctx.io.progress);
  let op: CliOperation;
  try {
    op = await watchOperation(ctx.ee, name, { timeoutMs: ctx.invocation.timeoutMs, progress });
  } catch (error) {
    progress.clear();
    return fail(ctx, error, name).exit;
  }
  progress.clear();
  ctx.io.out(ctx.invocation.json ? json(op) : `${outcomeLine(name, op, false)}\n`);
  return WAIT_EXIT[outcomeOf(op)];
}

async function cancel(ctx: CommandContext): Promise<number> {
  const results = await ctx.ee.cancelMany(ctx.names, { concurrency: CONCURRENCY });
  const codes: number[] = [];
  const out: unknown[] = [];
  for (const result of results) {
    if (result.ok) {
      codes.push(EXIT.OK);
      out.push({ name: result.name, ok: true });
      if (!ctx.invocation.json) ctx.io.out(`${result.name}: cancel requested\n`);
    } else {
      const report = fail(ctx, result.error, result.name);
      codes.push(report.exit);
      out.push({ name: result.name, ok: false, error: errorJson(ctx, report) });
    }
  }
  if (ctx.invocation.json) ctx.io.out(json(out));
  return worst(codes);
}

async function cancelAndWait(ctx: CommandContext): Promise<number> {
  const { json: asJson, timeoutMs } = ctx.invocation;
  const cancelled = await ctx.ee.cancelMany(ctx.names, { concurrency: CONCURRENCY });
  const progress = createProgress(asJson ? undefined : ctx.io.progress);
  // Each cancel that was accepted is waited for; a failed cancel is reported as it is.
  const settled = await Promise.all(
    cancelled.map(async (result) => {
      if (!result.ok) return { name: result.name, error: result.error };
      try {
        return { name: result.name, op: await watchOperation(ctx.ee, result.name, { timeoutMs, progress }) };
      } catch (error) {
        return { name: result.name, error };
      }
    }),
  );
  progress.clear();
  const codes: number[] = [];
  const out: unknown[] = [];
  for (const entry of settled) {
    if (entry.op) {
      const outcome = outcomeOf(entry.op);
      codes.push(CANCEL_WAIT_EXIT[outcome]);
      out.push({ name: entry.name, outcome, operation: entry.op });
      if (!asJson) ctx.io.out(`${outcomeLine(entry.name, entry.op, true)}\n`);
    } else {
      const report = fail(ctx, entry.error, entry.name);
      codes.push(report.exit);
      out.push({ name: entry.name, error: errorJson(ctx, report) });
    }
  }
  if (asJson) ctx.io.out(json(out));
  return worst(codes);
}

async function remove(ctx: CommandContext): Promise<number> {
  const results = await mapLimit(ctx.names, CONCURRENCY, async (name) => {
    try {
      await ctx.ee.projects.operations.delete({ name });
      return { name, error: undefined };
    } catch (error) {
      return { name, error: error ?? new Error("delete failed") };
    }
  });
  const codes: number[] = [];
  const out: unknown[] = [];
  for (const { name, error } of results) {
    if (error === undefined) {
      codes.push(EXIT.OK);
      out.push({ name, ok: true });
      if (!ctx.invocation.json) ctx.io.out(`${name}: deleted\n`);
    } else {
      const report = fail(ctx, error, name);
      codes.push(report.exit);
      out.push({ name, ok: false, error: errorJson(ctx, report) });
    }
  }
  if (ctx.invocation.json) ctx.io.out(json(out));
  return worst(codes);
}

/** `fn` over `items`, at most `limit` at a time; results in input order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
