// The operation names a command line refers to, checked before any request: full names as given,
// bare task ids expanded with the project. A name that is neither is a usage error worded for the
// CLI (the package's InvalidNameError names its own parameter and template).
import { InvalidNameError, operationName } from "ee-operations-client";
import type { Invocation } from "./args.js";
import { UsageError } from "./errors.js";
import { truncate } from "./format.js";

type Targets = Pick<Invocation, "command" | "targets" | "all">;

/**
 * Whether the command refers to the project: `list`, `all`, or a bare task id (what operationName
 * expands: a target without `/`). A full name such as projects/other/operations/X does not.
 */
export function usesProject(invocation: Targets): boolean {
  return invocation.all || invocation.command === "list" || invocation.targets.some((t) => !t.includes("/"));
}

/**
 * Each distinct operation the targets name, as a full name, in the order first given: a name typed
 * twice, or as both a task id and its full name, is one operation, read, cancelled and reported once
 * (as `earthengine task` does, without a word about it). Throws UsageError for a target of neither form.
 */
export function operationNames(invocation: Targets, project: string): string[] {
  const names = invocation.targets.map((target) => {
    try {
      return operationName(target, project);
    } catch (error) {
      if (!(error instanceof InvalidNameError)) throw error;
      throw new UsageError(
        `"${truncate(target, 60)}" is neither a task id nor an operation name (projects/<project>/operations/<id>)`,
        invocation.command,
      );
    }
  });
  return [...new Set(names)];
}
