// Reading request bodies and writing JSON replies (whole, or deliberately cut short).

import type { IncomingMessage, ServerResponse } from "node:http";
import { CORS_HEADERS } from "./cors.js";
import { ApiError } from "./google-error.js";

export interface Reply {
  status: number;
  /** A JSON value, serialised on send... */
  body?: unknown;
  /** ...unless a raw body is given (injected faults). */
  raw?: string;
  headers?: Record<string, string>;
}

export const CONTENT_TYPE = "application/json; charset=UTF-8";

/** Requests to this API are tiny; anything larger is a client bug, not something to buffer. */
const MAX_BODY_BYTES = 1 << 20;

/**
 * The request body as text. Past MAX_BODY_BYTES it stops reading at once and rejects with
 * INVALID_ARGUMENT (the reply then closes the connection), so an endless body costs nothing.
 */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.off("data", onData);
      req.pause();
      reject(new ApiError("INVALID_ARGUMENT", `Request body larger than ${MAX_BODY_BYTES} bytes.`));
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

/** Parses a JSON request body; an empty body counts as `{}`. Throws INVALID_ARGUMENT otherwise. */
export function parseJsonObject(body: string): Record<string, unknown> {
  if (body.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new ApiError("INVALID_ARGUMENT", "Invalid JSON payload received.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ApiError("INVALID_ARGUMENT", "Invalid JSON payload received: expected an object.");
  }
  return value as Record<string, unknown>;
}

export function replyText(reply: Reply): string {
  return reply.raw ?? JSON.stringify(reply.body ?? {});
}

/**
 * Writes `reply`. With `cutMidBody`, sends the headers (announcing the full length) and about half
 * of the body, then destroys the socket, so the client sees a truncated body rather than a clean end.
 */
export function sendReply(res: ServerResponse, reply: Reply, cutMidBody = false): void {
  if (reply.status === 204) {
    res.writeHead(204, { ...CORS_HEADERS, ...reply.headers });
    res.end();
    return;
  }
  const payload = Buffer.from(replyText(reply), "utf8");
  const headers: Record<string, string> = { ...CORS_HEADERS, "content-type": CONTENT_TYPE };
  // Extra headers (from faults) may override the content type, e.g. to mimic a proxy's HTML page.
  for (const [key, value] of Object.entries(reply.headers ?? {})) headers[key.toLowerCase()] = value;
  headers["content-length"] = String(payload.length);
  res.writeHead(reply.status, headers);
  if (!cutMidBody) {
    res.end(payload);
    return;
  }
  const part = payload.subarray(0, Math.max(1, Math.floor(payload.length / 2)));
  res.flushHeaders();
  res.write(part, () => res.socket?.destroy());
}
