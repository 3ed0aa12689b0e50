// List paging. A page token is opaque to clients: base64url JSON holding the position after the
// last returned item (its create time and name, so deletions between pages skip nothing) plus the
// project and filter it was issued for, so a token cannot be replayed against another query.

import { ApiError } from "./google-error.js";
import type { OperationRecord } from "./lifecycle.js";
import { compareForList } from "./store.js";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

interface TokenBody {
  p: string;
  f: string;
  c: number;
  n: string;
}

/** Absent or empty → default; above the maximum → the maximum; not a positive integer → 400. */
export function parsePageSize(raw: string | null): number {
  if (raw === null || raw === "") return DEFAULT_PAGE_SIZE;
  if (!/^[+-]?\d+$/.test(raw.trim()) || Number(raw) <= 0) {
    throw new ApiError("INVALID_ARGUMENT", `Invalid pageSize "${raw}": it must be a positive integer.`);
  }
  return Math.min(Number(raw), MAX_PAGE_SIZE);
}

export function encodePageToken(project: string, filter: string, last: OperationRecord): string {
  const body: TokenBody = { p: project, f: filter, c: last.createMs, n: last.name };
  return Buffer.from(JSON.stringify(body), "utf8").toString("base64url");
}

function decodePageToken(token: string, project: string, filter: string): TokenBody {
  const invalid = new ApiError("INVALID_ARGUMENT", `Invalid pageToken "${token}" for this list request.`);
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw invalid;
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  } catch {
    throw invalid;
  }
  if (typeof body !== "object" || body === null) throw invalid;
  const { p, f, c, n } = body as Partial<TokenBody>;
  if (p !== project || f !== filter || typeof c !== "number" || !Number.isFinite(c) || typeof n !== "string")
    throw invalid;
  return { p, f, c, n };
}

export interface Page {
  items: OperationRecord[];
  nextPageToken?: string;
}

/** One page of `sorted` (already filtered, in list order) after the token's position. */
export function paginate(
  sorted: OperationRecord[],
  project: string,
  filter: string,
  pageSize: number,
  pageToken: string | null,
): Page {
  let start = 0;
  if (pageToken) {
    const { c, n } = decodePageToken(pageToken, project, filter);
    const position = { createMs: c, name: n } as OperationRecord;
    start = sorted.findIndex((rec) => compareForList(rec, position) > 0);
    if (start < 0) start = sorted.length;
  }
  const items = sorted.slice(start, start + pageSize);
  const more = start + pageSize < sorted.length;
  return more ? { items, nextPageToken: encodePageToken(project, filter, items[items.length - 1]!) } : { items };
}
