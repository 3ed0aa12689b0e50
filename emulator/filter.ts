// The small subset of AIP-160 list filters the emulator understands:
//   metadata.state = RUNNING        (value quoted or not)
//   done = true | false
//   term OR term OR ...
// Anything else is rejected rather than silently matching everything.

import { ApiError } from "./google-error.js";
import type { OperationState } from "./types.js";

export interface Filterable {
  state: OperationState;
  done: boolean;
}

export type Predicate = (op: Filterable) => boolean;

const STATES: ReadonlySet<string> = new Set(["PENDING", "RUNNING", "CANCELLING", "SUCCEEDED", "CANCELLED", "FAILED"]);
const TERM = /^\s*(metadata\.state|done)\s*=\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z_]+))\s*$/;

function parseTerm(term: string, filter: string): Predicate {
  const m = TERM.exec(term);
  const field = m?.[1];
  const value = m?.[2] ?? m?.[3] ?? m?.[4];
  if (field === "metadata.state" && value !== undefined && STATES.has(value)) return (op) => op.state === value;
  if (field === "done" && (value === "true" || value === "false")) return (op) => op.done === (value === "true");
  throw new ApiError(
    "INVALID_ARGUMENT",
    `Invalid filter "${filter}": supported terms are metadata.state = <STATE> and done = true|false, joined by OR.`,
  );
}

/** Parses a list filter; an empty or blank filter matches every operation. */
export function parseFilter(filter: string): Predicate {
  if (filter.trim() === "") return () => true;
  const terms = filter.split(/\s+OR\s+/).map((term) => parseTerm(term, filter));
  return (op) => terms.some((matches) => matches(op));
}
