// Interim until the package's getMany (HTTP batch) is merged: the client's getMany when it has one,
// else one `get` after the other (never more than one request in flight).
import type { CallOptions } from "ee-operations-client";
import type { CliClient, CliOperation } from "./types.js";

export type ReadResult =
  | { name: string; ok: true; operation: CliOperation }
  | { name: string; ok: false; error: unknown };

type WithGetMany = CliClient & {
  getMany?: (names: readonly string[], options?: CallOptions) => Promise<ReadResult[]>;
};

export async function readMany(ee: CliClient, names: readonly string[], options: CallOptions): Promise<ReadResult[]> {
  const bulk = (ee as WithGetMany).getMany;
  if (typeof bulk === "function") return bulk(names, options);
  const results: ReadResult[] = [];
  for (const name of names) {
    try {
      results.push({ name, ok: true, operation: await ee.projects.operations.get({ name }, options) });
    } catch (error) {
      if (options.signal?.aborted) throw error;
      results.push({ name, ok: false, error });
    }
  }
  return results;
}
