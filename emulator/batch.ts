// Google's HTTP batch (`POST /batch`, multipart/mixed) as Earth Engine's JS client sends it: each part
// holds a whole HTTP/1.1 request, which is replayed through this same server over loopback, so every
// method, auth check, fault and recording applies to it exactly as to a direct call. The framing is
// parsed here rather than shared with the generated client, so that a parsing bug in one cannot hide
// the same bug in the other.

import { randomBytes } from "node:crypto";
import { Agent, request as httpRequest, type IncomingHttpHeaders, STATUS_CODES } from "node:http";
import { ApiError } from "./google-error.js";
import type { Reply } from "./http-io.js";
import { redactCredential, SECRET_HEADERS } from "./recorder.js";
import { ADMIN_PREFIX, BATCH_PATH } from "./routes.js";

/** Google's documented ceiling for one batch. */
export const MAX_BATCH_PARTS = 1000;
/** Inner calls replayed at once; a batch of 1000 must not open 1000 sockets. */
const INNER_CONCURRENCY = 16;
// Hop-by-hop and framing headers are the outer connection's business, not the inner call's.
const SKIP_HEADERS = new Set(["host", "connection", "keep-alive", "transfer-encoding", "content-length", "expect"]);
const SKIP_REPLY_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "date"]);
// CORS is about the outer HTTP response, which the browser reads; inner parts carry none of it.
const isCorsHeader = (name: string): boolean => name.startsWith("access-control-");

export interface InnerRequest {
  /** The part's Content-ID without its angle brackets. */
  id: string;
  method: string;
  target: string;
  headers: Record<string, string>;
  body: string;
}

interface InnerResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const malformed = (message: string) => new ApiError("INVALID_ARGUMENT", `Malformed batch request: ${message}`);

/** A header line naming one of the recorder's SECRET_HEADERS (names are letters and "-" only). */
const SECRET_HEADER_LINE = new RegExp(`^(${[...SECRET_HEADERS].join("|")})([ \\t]*:[ \\t]*)([^\\r\\n]*)`, "gim");

/** A batch body for the request log: each part's credential headers redacted like the outer ones. */
export function redactBatchBody(body: string): string {
  return body.replace(
    SECRET_HEADER_LINE,
    (_, name: string, colon: string, value: string) => `${name}${colon}${redactCredential(value)}`,
  );
}

/** The boundary of a `multipart/mixed` Content-Type (quoted or not). */
export function requestBoundary(contentType: string | undefined): string {
  const match = /^\s*multipart\/mixed\s*(;.*)?$/i.exec(contentType ?? "");
  const found = /;\s*boundary\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(match?.[1] ?? "");
  const boundary = found ? (found[1]?.replace(/\\(.)/g, "$1") ?? found[2]!) : "";
  if (!match || !/^[\x20-\x7e]{1,70}$/.test(boundary))
    throw malformed("Content-Type must be multipart/mixed with a boundary.");
  return boundary;
}

/** The raw text of each part; lines may end in CRLF or LF; the closing delimiter is required. */
export function splitParts(body: string, boundary: string): string[] {
  const parts: string[] = [];
  let current: string[] | undefined;
  // The line break before a delimiter belongs to the delimiter, so a part ends without one.
  const end = () => current && parts.push(current.join("\n").replace(/\r$/, ""));
  for (const raw of body.split("\n")) {
    const line = raw.replace(/\r$/, "").trimEnd();
    if (line === `--${boundary}--`) {
      end();
      return parts;
    }
    if (line === `--${boundary}`) {
      end();
      current = [];
    } else current?.push(raw);
  }
  throw malformed("the body ends without its closing boundary.");
}

/** Header lines up to the first blank line, and what follows (undefined when there is no blank line). */
function headerBlock(text: string): { first: string; rest: string | undefined; lines: string[] } {
  const match = /\r?\n\r?\n/.exec(text);
  const head = match ? text.slice(0, match.index) : text.replace(/\r?\n$/, "");
  const lines = head.split(/\r?\n/);
  return { first: lines[0] ?? "", rest: match ? text.slice(match.index + match[0].length) : undefined, lines };
}

function parseHeaderLines(lines: string[], where: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    if (colon <= 0 || !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(line.slice(0, colon).trim()))
      throw malformed(`a malformed header line in ${where}.`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** One part: its MIME headers, then a whole HTTP/1.1 request. */
export function parsePart(text: string, index: number): InnerRequest {
  const where = `part ${index + 1}`;
  const mime = headerBlock(text);
  if (mime.rest === undefined) throw malformed(`${where} has no blank line after its headers.`);
  const partHeaders = parseHeaderLines(mime.lines, where);
  const type = partHeaders["content-type"];
  if (type !== undefined && !/^application\/http\s*(;|$)/i.test(type))
    throw malformed(`${where} has Content-Type ${JSON.stringify(type)}, expected application/http.`);
  const contentId = partHeaders["content-id"];
  if (!contentId) throw malformed(`${where} has no Content-ID.`);
  const id = contentId.replace(/^<(.*)>$/, "$1");

  const http = headerBlock(mime.rest);
  const line = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) (\S+) HTTP\/1\.[01]$/.exec(http.first.trim());
  if (!line) throw malformed(`${where} does not hold an HTTP/1.1 request line.`);
  let target = line[2]!;
  if (/^https?:\/\//i.test(target)) {
    const url = new URL(target);
    target = url.pathname + url.search;
  }
  if (!target.startsWith("/")) throw malformed(`${where} has a request target that is not a path.`);
  return { id, method: line[1]!, target, headers: parseHeaderLines(http.lines.slice(1), where), body: http.rest ?? "" };
}

/** Every part of a batch body; INVALID_ARGUMENT for anything malformed, empty, too big or ambiguous. */
export function parseBatchRequest(contentType: string | undefined, body: string): InnerRequest[] {
  const texts = splitParts(body, requestBoundary(contentType));
  if (texts.length === 0) throw malformed("it has no parts.");
  if (texts.length > MAX_BATCH_PARTS)
    throw new ApiError("INVALID_ARGUMENT", `A batch may hold at most ${MAX_BATCH_PARTS} calls, got ${texts.length}.`);
  const parts = texts.map(parsePart);
  const seen = new Set<string>();
  for (const part of parts) {
    if (seen.has(part.id)) throw malformed(`Content-ID <${part.id.slice(0, 100)}> is used twice.`);
    seen.add(part.id);
  }
  return parts;
}

/** The multipart/mixed reply: one part per call, `Content-ID: <response-ID>`, a whole HTTP/1.1 response. */
function encodeBatchReply(answers: { id: string; response: InnerResponse }[], boundary: string): Reply {
  let raw = "";
  for (const { id, response } of answers) {
    raw += `--${boundary}\r\nContent-Type: application/http\r\nContent-ID: <response-${id}>\r\n\r\n`;
    raw += `HTTP/1.1 ${response.status} ${STATUS_CODES[response.status] ?? "Unknown"}\r\n`;
    for (const [name, value] of Object.entries(response.headers)) raw += `${name}: ${value}\r\n`;
    raw += `Content-Length: ${Buffer.byteLength(response.body)}\r\n\r\n${response.body}\r\n`;
  }
  raw += `--${boundary}--\r\n`;
  return { status: 200, raw, headers: { "content-type": `multipart/mixed; boundary=${boundary}` } };
}

/** Sends one inner request to this server over loopback and collects the whole answer. */
function replay(origin: { localPort?: number }, agent: Agent, inner: InnerRequest): Promise<InnerResponse> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(inner.headers)) if (!SKIP_HEADERS.has(name)) headers[name] = value;
  headers["content-length"] = String(Buffer.byteLength(inner.body));
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: "127.0.0.1", port: origin.localPort, method: inner.method, path: inner.target, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 500,
            headers: replyHeaders(res.headers),
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(inner.body);
  });
}

function replyHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers))
    if (value !== undefined && !SKIP_REPLY_HEADERS.has(name) && !isCorsHeader(name))
      out[name] = Array.isArray(value) ? value.join(", ") : value;
  return out;
}

const errorResponse = (error: ApiError): InnerResponse => ({
  status: error.httpStatus,
  headers: { "content-type": "application/json; charset=UTF-8" },
  body: JSON.stringify(error.toBody()),
});

/** What an inner call answers: a replay through the server, or an error for what a batch may not hold. */
async function answer(origin: { localPort?: number }, agent: Agent, inner: InnerRequest): Promise<InnerResponse> {
  const path = inner.target.split("?")[0]!;
  if (path === BATCH_PATH) return errorResponse(new ApiError("INVALID_ARGUMENT", "A batch cannot contain a batch."));
  if (path.startsWith(ADMIN_PREFIX))
    return errorResponse(new ApiError("NOT_FOUND", "Emulator admin routes cannot be called inside a batch."));
  try {
    return await replay(origin, agent, inner);
  } catch (err) {
    // The emulator is closing, or a fault reset the inner connection: the call failed, the batch did not.
    const why = err instanceof Error ? err.message : String(err);
    return errorResponse(new ApiError("UNAVAILABLE", `The inner call failed: ${why}`));
  }
}

/**
 * Answers a batch request: 400 INVALID_ARGUMENT for a malformed one, else 200 with one reply part per
 * call (inner calls succeed or fail independently).
 */
export async function handleBatch(
  origin: { localPort?: number },
  headers: IncomingHttpHeaders,
  body: string,
): Promise<Reply> {
  let parts: InnerRequest[];
  try {
    parts = parseBatchRequest(headers["content-type"], body);
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return { status: err.httpStatus, body: err.toBody() };
  }
  const agent = new Agent({ keepAlive: true, maxSockets: INNER_CONCURRENCY });
  try {
    const answers = new Array<{ id: string; response: InnerResponse }>(parts.length);
    let next = 0;
    const worker = async () => {
      while (next < parts.length) {
        const i = next++;
        answers[i] = { id: parts[i]!.id, response: await answer(origin, agent, parts[i]!) };
      }
    };
    await Promise.all(Array.from({ length: Math.min(INNER_CONCURRENCY, parts.length) }, worker));
    return encodeBatchReply(answers, `batch_${randomBytes(12).toString("hex")}`);
  } finally {
    agent.destroy();
  }
}
