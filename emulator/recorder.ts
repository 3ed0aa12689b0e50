// The request log behind `emulator.requests` and `GET /__emulator/requests`: a bounded queue (ring
// buffer) holding the newest requests only, by count and by total size, with credentials redacted
// and bodies cut, so a long run stays bounded.

import type { RecordedRequest } from "./types.js";

export const DEFAULT_MAX_RECORDED = 1000;
/** Recorded bodies are cut here (API bodies are tiny; this keeps the whole log bounded). */
export const MAX_RECORDED_BODY_CHARS = 64 * 1024;
export const REDACTED = "<redacted>";

/** Headers that carry credentials: never kept as sent. */
export const SECRET_HEADERS: ReadonlySet<string> = new Set([
  "authorization",
  "proxy-authorization",
  "cookie",
  "x-goog-api-key",
]);
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
  /** Records a request (redacted, body cut); drops the oldest past `capacity` or the byte budget. */
  add(request: RecordedRequest): void;
  /** The kept requests, oldest first (a copy). */
  list(): RecordedRequest[];
  /** Requests recorded since the start or the last clear, including dropped ones. */
  total(): number;
  clear(): void;
  readonly capacity: number;
}

/** Whatever the capacity, the kept entries' text stays under this many characters in all. */
const MAX_LOG_CHARS = 64 * 1024 * 1024;

function sizeOf(entry: RecordedRequest): number {
  let size = entry.method.length + entry.url.length + entry.body.length;
  for (const [key, value] of Object.entries(entry.headers))
    size += key.length + (Array.isArray(value) ? value.join("").length : (value?.length ?? 0));
  return size;
}

export function createRequestLog(
  capacity: number = DEFAULT_MAX_RECORDED,
  maxChars: number = MAX_LOG_CHARS,
): RequestLog {
  if (!Number.isSafeInteger(capacity) || capacity < 0)
    throw new RangeError(`maxRecordedRequests must be an integer >= 0, got ${capacity}`);
  // A queue: entries[head..] are kept; the dropped prefix is compacted away now and then.
  let entries: { request: RecordedRequest; size: number }[] = [];
  let head = 0;
  let chars = 0;
  let count = 0;
  const dropOldest = (): void => {
    chars -= entries[head]!.size;
    head++;
    if (head > 1024 && head * 2 > entries.length) {
      entries = entries.slice(head);
      head = 0;
    }
  };
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
      if (cut || request.bodyTruncated) entry.bodyTruncated = true;
      const size = sizeOf(entry);
      entries.push({ request: entry, size });
      chars += size;
      while (entries.length - head > capacity || (chars > maxChars && entries.length - head > 1)) dropOldest();
    },
    list: () => entries.slice(head).map((e) => e.request),
    total: () => count,
    clear() {
      entries = [];
      head = 0;
      chars = 0;
      count = 0;
    },
  };
}
