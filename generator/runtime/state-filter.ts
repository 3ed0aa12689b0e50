/** The states of an Earth Engine operation (`metadata.state`), as the spec's OperationMetadata enum lists them (a test keeps them equal). */
export const OPERATION_STATES = [
  "STATE_UNSPECIFIED",
  "PENDING",
  "RUNNING",
  "CANCELLING",
  "SUCCEEDED",
  "CANCELLED",
  "FAILED",
] as const;

export type OperationState = (typeof OPERATION_STATES)[number];

/**
 * A `list` filter matching operations in any of `states`, in Earth Engine's filter syntax:
 * `stateFilter("RUNNING", "PENDING")` → `metadata.state = "RUNNING" OR metadata.state = "PENDING"`.
 * States are typed, so a misspelt one does not compile; at run time an unknown one is a TypeError.
 */
export function stateFilter(...states: [OperationState, ...OperationState[]]): string {
  if (states.length === 0) throw new TypeError("stateFilter needs at least one state");
  for (const state of states) {
    if (!(OPERATION_STATES as readonly unknown[]).includes(state))
      throw new TypeError(`stateFilter: unknown state (expected one of ${OPERATION_STATES.join(", ")})`);
  }
  return [...new Set(states)].map((state) => `metadata.state = "${state}"`).join(" OR ");
}
