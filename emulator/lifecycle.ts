// The operation state machine. A record holds only its timeline; the state at any instant is
// computed from the clock, so no timer is needed to move an operation along.
//
//   PENDING ──startMs──▶ RUNNING ──endMs──▶ SUCCEEDED | FAILED
//      └──────────┬────────┘
//           cancel at k ──▶ CANCELLING ──k + cancelMs──▶ CANCELLED

import { rpcCodeNumber } from "./google-error.js";
import { addTaskMetadata } from "./metadata.js";
import type { OperationState, Version } from "./types.js";

export interface OperationRecord {
  readonly name: string;
  readonly project: string;
  readonly type: string;
  readonly description: string;
  readonly createMs: number;
  /** RUNNING from here on. */
  readonly startMs: number;
  /** The natural end, where `outcome` is reached. */
  readonly endMs: number;
  readonly outcome: "SUCCEEDED" | "FAILED";
  readonly cancelMs: number;
  readonly scriptUri?: string;
  /** Reported once the operation has succeeded. */
  readonly destinationUris: readonly string[];
  /** Detail of a WARNING notification reported once the operation runs. */
  readonly warning?: string;
  /** When cancel was accepted; only ever set while the operation was not done. */
  cancelAtMs?: number;
}

export interface Snapshot {
  state: OperationState;
  done: boolean;
  progress: number;
  updateMs: number;
  startMs?: number;
  endMs?: number;
}

const DONE_STATES: ReadonlySet<OperationState> = new Set(["SUCCEEDED", "FAILED", "CANCELLED"]);

function naturalState(rec: OperationRecord, t: number): OperationState {
  if (t < rec.startMs) return "PENDING";
  if (t < rec.endMs) return "RUNNING";
  return rec.outcome;
}

function naturalProgress(rec: OperationRecord, t: number): number {
  if (t < rec.startMs) return 0;
  if (t >= rec.endMs) return 1;
  return (t - rec.startMs) / (rec.endMs - rec.startMs);
}

/** The instant the operation becomes done (may lie in the past). */
export function doneAtMs(rec: OperationRecord): number {
  return rec.cancelAtMs === undefined ? rec.endMs : rec.cancelAtMs + rec.cancelMs;
}

export function snapshot(rec: OperationRecord, t: number): Snapshot {
  const k = rec.cancelAtMs;
  // Natural progress stops at the cancel request.
  const horizon = k === undefined ? t : Math.min(t, k);
  const started = rec.startMs <= horizon;
  const transitions = [rec.createMs];
  // While it runs, progress, EECU-seconds and stages change at every instant up to the horizon (and
  // stop at the natural end or the cancel request); updateTime follows them, like Earth Engine's.
  if (started) transitions.push(rec.startMs, Math.min(horizon, rec.endMs));

  let state: OperationState;
  let endMs: number | undefined;
  if (k !== undefined && t >= k) {
    const cancelledMs = k + rec.cancelMs;
    state = t >= cancelledMs ? "CANCELLED" : "CANCELLING";
    transitions.push(k);
    if (state === "CANCELLED") {
      transitions.push(cancelledMs);
      endMs = cancelledMs;
    }
  } else {
    state = naturalState(rec, t);
    if (DONE_STATES.has(state)) {
      transitions.push(rec.endMs);
      endMs = rec.endMs;
    }
  }
  return {
    state,
    done: DONE_STATES.has(state),
    progress: naturalProgress(rec, horizon),
    updateMs: Math.max(...transitions),
    startMs: started ? rec.startMs : undefined,
    endMs,
  };
}

/** Accepts a cancel at `t` unless the operation is done or already cancelling. */
export function requestCancel(rec: OperationRecord, t: number): boolean {
  if (rec.cancelAtMs !== undefined || snapshot(rec, t).done) return false;
  rec.cancelAtMs = t;
  return true;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** Earth Engine's default batch task priority. */
const DEFAULT_PRIORITY = 100;

/** The Operation resource as the given API version would return it at instant `t`. */
export function renderOperation(rec: OperationRecord, version: Version, t: number): Record<string, unknown> {
  const s = snapshot(rec, t);
  const metadata: Record<string, unknown> = {
    "@type": `type.googleapis.com/google.earthengine.${version}.OperationMetadata`,
    state: s.state,
    description: rec.description,
    type: rec.type,
    priority: DEFAULT_PRIORITY,
    createTime: iso(rec.createMs),
    updateTime: iso(s.updateMs),
  };
  if (s.startMs !== undefined) metadata.startTime = iso(s.startMs);
  if (s.endMs !== undefined) metadata.endTime = iso(s.endMs);
  metadata.progress = s.progress;
  metadata.attempt = 1;
  if (s.startMs !== undefined) {
    // One EECU-second per second of running, to give consumers a plausible, growing number.
    const runningUntil = Math.min(t, rec.endMs, rec.cancelAtMs ?? Infinity);
    metadata.batchEecuUsageSeconds = Math.max(0, runningUntil - s.startMs) / 1000;
  }

  const failure = s.state === "FAILED" ? `Operation ${rec.name} failed (emulated failure).` : undefined;
  addTaskMetadata(metadata, rec, s, failure);

  const op: Record<string, unknown> = { name: rec.name, metadata, done: s.done };
  if (s.state === "SUCCEEDED") op.response = { "@type": "type.googleapis.com/google.protobuf.Empty" };
  if (failure !== undefined) op.error = { code: rpcCodeNumber("INTERNAL"), message: failure };
  if (s.state === "CANCELLED") op.error = { code: rpcCodeNumber("CANCELLED"), message: "Cancelled." };
  return op;
}
