// The commands. Each prints its results and returns its exit code; errors of one name are reported
// and the others still run.
import { cancel } from "./cancel.js";
import { EXIT, UsageError } from "./errors.js";
import { operationDetails } from "./format.js";
import { list } from "./list.js";
import { type CommandContext, errorJson, fail, printJson, worst } from "./output.js";
import { terminalText } from "./sanitize.js";
import { wait } from "./wait.js";

export function runCommand(ctx: CommandContext): Promise<number> {
  switch (ctx.invocation.command) {
    case "get":
      return get(ctx);
    case "list":
      return list(ctx);
    case "wait":
      return wait(ctx);
    case "cancel":
      return cancel(ctx);
    case "delete":
      return remove(ctx);
  }
}

/**
 * `get`/`info NAME…`. One name: one `get` call, the operation printed alone (--json: the operation).
 * Several: one `getMany` (HTTP batch), each operation printed once in the order given, a blank line
 * between them as `earthengine task info` does (--json: `{name, ok, operation}` or `{name, ok, error}`
 * each); a name that could not be read is reported on stderr and the others still printed. The shape
 * follows what was typed: several names that are one operation still give an array (of one).
 */
async function get(ctx: CommandContext): Promise<number> {
  const { json } = ctx.invocation;
  if (ctx.invocation.targets.length === 1) {
    const name = ctx.names[0]!;
    try {
      const op = await ctx.ee.operations.get({ name }, { signal: ctx.io.interrupt });
      if (json) printJson(ctx, op);
      else ctx.io.out(operationDetails(op, ctx.io.secrets));
      return EXIT.OK;
    } catch (error) {
      return fail(ctx, error).exit;
    }
  }
  let reads: Awaited<ReturnType<CommandContext["ee"]["getMany"]>>;
  try {
    reads = await ctx.ee.getMany(ctx.names, { signal: ctx.io.interrupt });
  } catch (error) {
    return fail(ctx, error).exit;
  }
  const codes: number[] = [];
  const out: unknown[] = [];
  let printed = 0;
  for (const read of reads) {
    if (read.ok) {
      codes.push(EXIT.OK);
      out.push({ name: read.name, ok: true, operation: read.operation });
      if (!json) ctx.io.out(`${printed++ === 0 ? "" : "\n"}${operationDetails(read.operation, ctx.io.secrets)}`);
    } else {
      const report = fail(ctx, read.error, read.name);
      codes.push(report.exit);
      out.push({ name: read.name, ok: false, error: errorJson(report) });
    }
  }
  if (json) printJson(ctx, out);
  return worst(codes);
}

/** One name after the other: deleting many records at once is rare, and this keeps one request in flight. */
async function remove(ctx: CommandContext): Promise<number> {
  const remove = ctx.ee.operations.delete;
  // Before any request: some services' operations resource has no delete.
  if (remove === undefined)
    throw new UsageError("delete: this service's operations resource has no delete method", "delete");
  const codes: number[] = [];
  const out: unknown[] = [];
  // Ctrl-C: the names not yet deleted are left alone (and not listed).
  let cut = false;
  for (const name of ctx.names) {
    cut = ctx.io.interrupt.aborted;
    if (cut) break;
    try {
      await remove({ name }, { signal: ctx.io.interrupt });
      codes.push(EXIT.OK);
      out.push({ name, ok: true });
      if (!ctx.invocation.json) ctx.io.out(`${terminalText(name, ctx.io.secrets)}: deleted\n`);
    } catch (error) {
      if (ctx.io.interrupt.aborted) {
        // Sent, so the record may be gone already.
        ctx.io.err(`${terminalText(name, ctx.io.secrets)}: interrupted; its delete may already have been requested\n`);
        out.push({ name, interrupted: true });
        cut = true;
        break;
      }
      const report = fail(ctx, error, name);
      codes.push(report.exit);
      out.push({ name, ok: false, error: errorJson(report) });
    }
  }
  if (cut) codes.push(EXIT.INTERRUPTED);
  if (ctx.invocation.json) printJson(ctx, out);
  return worst(codes);
}
