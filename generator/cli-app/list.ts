// `list`: rows are printed as pages arrive, and no page is fetched once --limit rows are out, so an
// endless listing with --limit 5 prints 5 rows and ends, in bounded memory.
import { stateFilter } from "ee-operations-client";
import { EXIT } from "./errors.js";
import { type CommandContext, fail, parentOf } from "./output.js";
import { jsonText, terminalText } from "./sanitize.js";
import { operationsTable } from "./table.js";

/** Largest page asked for when --limit is small enough to fit in one. */
const MAX_PAGE = 500;

export async function list(ctx: CommandContext): Promise<number> {
  const { filter, states, limit, long, json } = ctx.invocation;
  const parent = parentOf(ctx);
  const query = states ? stateFilter(...states) : filter;
  const pageSize = limit !== undefined && limit <= MAX_PAGE ? limit : undefined;
  const table = operationsTable(long, ctx.io.secrets);
  const indent = (text: string) => text.replace(/^/gm, "  ");
  let count = 0;
  let failure: number | undefined;
  try {
    for await (const op of ctx.ee.listOperations(parent, { filter: query, pageSize, signal: ctx.io.interrupt })) {
      if (json) ctx.io.out(`${count === 0 ? "[\n" : ",\n"}${indent(jsonText(op, ctx.io.secrets))}`);
      else ctx.io.out(`${count === 0 ? table.header : ""}${table.row(op)}`);
      count++;
      if (limit !== undefined && count >= limit) break;
      await ctx.io.drained();
    }
  } catch (error) {
    failure = fail(ctx, error).exit;
  }
  // What was printed stays a whole table or a valid JSON array, even after an error.
  if (json) ctx.io.out(count === 0 ? "[]\n" : "\n]\n");
  else if (count === 0 && failure === undefined) {
    const matching = query ? ` matching ${terminalText(query)}` : "";
    ctx.io.out(`No operations in ${terminalText(parent)}${matching}.\n`);
  }
  return failure ?? EXIT.OK;
}
