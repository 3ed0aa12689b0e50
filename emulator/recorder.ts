// The request log behind `emulator.requests` and `GET /__emulator/requests`: a ring buffer holding
// the newest requests only, with credentials redacted and bodies cut, so a long run stays bounded.

import type { RecordedRequest } from "./types.js";

export const DEFAULT_MAX_RECORDED = 1000;
/** Recorded bodies are cut here (API bodies are tiny; this keeps the whole log bounded). */
export const MAX_RECORDED_BODY_CHARS = 64 * 1024;
export const REDACTED = "<redacted>";

/** Headers that carry credentials: never kept as sent. */
const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie", "x-goog-api-key"]);
/** Query parameters that carry credentials (Google accepts `access_token` and `key`). */
const SECRET_PARAMS = new Set(["access_token", "key"]);

/** `Bearer abc` → `Bearer <redacted>`: the scheme stays visible, the credential does not. */
export function redactCredential(value: string): string {
  const scheme = /^\s*([A-Za-z][A-Za-z0-9._~+-]*)\s+\S/.exec(value)?.[1];
  return scheme ? `${scheme} ${REDACTED}` : REDACTED;
}

export function redactHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const [key, value] of Object.entries(headers)) {
    if (!SECRET_HEADERS.has(key.toLowerCase()) || value === undefined) out[key] = value;
    else out[key] = Array.isArray(value) ? value.map(redactCredential) : redactCredential(value);
  }
  return out;
}

/** The request target with secret query values replaced; the rest is kept byte for byte. */
export function redactUrl(target: string): string {
  const q = target.indexOf("?");
  if (q < 0) return target;
  const pairs = target
    .slice(q + 1)
    .split("&")
    .map((pair) => {
      const eq = pair.indexOf("=");
      const rawKey = eq < 0 ? pair : pair.slice(0, eq);
      let key: string;
      try {
        key = decodeURIComponent(rawKey.replace(/\+/g, " "));
      } catch {
        key = rawKey;
      }
      return SECRET_PARAMS.has(key) && eq >= 0 ? `${rawKey}=${encodeURIComponent(REDACTED)}` : pair;
    });
  return `${target.slice(0, q)}?${pairs.join("&")}`;
}

export interface RequestLog {
  /** Records a request (redacted, body cut); drops the oldest once `capacity` is reached. */
  add(request: RecordedRequest): void;
  /** The kept requests, oldest first (a copy). */
  list(): RecordedRequest[];
  /** Requests recorded since the start or the last clear, including dropped ones. */
  total(): number;
  clear(): void;
  readonly capacity: number;
}

export function createRequestLog(capacity: number = DEFAULT_MAX_RECORDED): RequestLog {
  if (!Number.isSafeInteger(capacity) || capacity < 0)
    throw new RangeError(`maxRecordedRequests must be an integer >= 0, got ${capacity}`);
  let ring: RecordedRequest[] = [];
  let next = 0; // where the next entry goes once the ring is full
  let count = 0;
  return {
    capacity,
    add(request) {
      count++;
      if (capacity === 0) return;
      const cut = request.body.length > MAX_RECORDED_BODY_CHARS;
      const entry: RecordedRequest = {
        method: request.method,
        url: redactUrl(request.url),
        headers: redactHeaders(request.headers),
        body: cut ? request.body.slice(0, MAX_RECORDED_BODY_CHARS) : request.body,
      };
      if (cut) entry.bodyTruncated = true;
      if (ring.length < capacity) ring.push(entry);
      else {
        ring[next] = entry;
        next = (next + 1) % capacity;
      }
    },
    list: () => [...ring.slice(next), ...ring.slice(0, next)],
    total: () => count,
    clear() {
      ring = [];
      next = 0;
      count = 0;
    },
  };
}
