// The in-memory collection of operations. Mutations (seed, cancel, delete) notify listeners so
// pending `wait` requests can re-evaluate; the passage of time itself is handled by the clock.

import { ApiError } from "./google-error.js";
import { type OperationRecord, requestCancel } from "./lifecycle.js";
import { recordFromSeed } from "./seed.js";
import type { SeedOperation } from "./types.js";

export interface Store {
  /** Throws an ApiError on invalid input (INVALID_ARGUMENT) or an existing name (ALREADY_EXISTS). */
  seed(seed: SeedOperation | unknown, nowMs: number): OperationRecord;
  get(name: string): OperationRecord | undefined;
  delete(name: string): boolean;
  /** Returns undefined for an unknown name; otherwise the record, cancelled if it was not done. */
  cancel(name: string, nowMs: number): OperationRecord | undefined;
  /** The project's operations, newest created first, ties by name. */
  list(project: string): OperationRecord[];
  /** Called after every mutation; returns an unsubscribe function. */
  onChange(listener: () => void): () => void;
}

/** Default cap on stored operations: seeding is untrusted input kept in memory. */
export const MAX_OPERATIONS = 100_000;

export function compareForList(a: OperationRecord, b: OperationRecord): number {
  if (a.createMs !== b.createMs) return b.createMs - a.createMs;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

export function createStore(maxOperations: number = MAX_OPERATIONS): Store {
  const byName = new Map<string, OperationRecord>();
  const listeners = new Set<() => void>();
  const changed = (): void => {
    for (const listener of [...listeners]) listener();
  };

  return {
    seed(seed, nowMs) {
      const rec = recordFromSeed(seed, nowMs);
      if (byName.has(rec.name)) throw new ApiError("ALREADY_EXISTS", `Operation ${rec.name} already exists.`);
      if (byName.size >= maxOperations)
        throw new ApiError(
          "RESOURCE_EXHAUSTED",
          `At most ${maxOperations} operations can be seeded; delete some first.`,
        );
      byName.set(rec.name, rec);
      changed();
      return rec;
    },
    get: (name) => byName.get(name),
    delete(name) {
      const existed = byName.delete(name);
      if (existed) changed();
      return existed;
    },
    cancel(name, nowMs) {
      const rec = byName.get(name);
      if (rec && requestCancel(rec, nowMs)) changed();
      return rec;
    },
    list: (project) => [...byName.values()].filter((r) => r.project === project).sort(compareForList),
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
