import { ProtocolError } from "./errors.js";

// Google's HTTP batch (multipart/mixed, one `application/http` part per call), as Earth Engine's
// own JS client sends it and Google's batch endpoints answer. Pure functions: strings in, strings out.

/** One call inside a batch request. */
export interface BatchRequestPart {
  /** Sent as `Content-ID: <id>`; the reply part for it carries `<response-id>`. */
  readonly id: string;
  readonly method: string;
  /** The request target, e.g. `/v1/projects/p/operations/X:cancel` (already percent-encoded). */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Omitted: no body (and no Content-Type unless `headers` has one). */
  readonly body?: string;
}

/** One inner response of a batch reply. */
export interface BatchResponsePart {
  readonly status: number;
  readonly statusText: string;
  /** Header names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

const CRLF = "\r\n";
// RFC 2046 bchars, without the space (a trailing space would be dropped by some parsers).
const BOUNDARY = /^[0-9A-Za-z'()+_,\-./:=?]{1,70}$/;
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\uffff]*$/;

/** A boundary no JSON body or percent-encoded path can contain by chance. */
export function batchBoundary(random: () => number = Math.random): string {
  let tail = "";
  for (let i = 0; i < 24; i++) tail += Math.floor(random() * 36).toString(36);
  return `batch_${tail}`;
}

/**
 * The body of a batch request. Throws TypeError for a value that would break the framing (CR or LF
 * in a header, a boundary inside a body, a bad method or path), so nothing malformed is sent.
 */
export function encodeBatch(parts: readonly BatchRequestPart[], boundary: string): string {
  if (!BOUNDARY.test(boundary)) throw new TypeError(`Invalid multipart boundary ${JSON.stringify(boundary)}`);
  if (parts.length === 0) throw new TypeError("A batch needs at least one part");
  const delimiter = `--${boundary}`;
  let out = "";
  for (const part of parts) {
    if (!FIELD_VALUE.test(part.id) || /[<>]/.test(part.id))
      throw new TypeError(`Invalid batch part id ${JSON.stringify(part.id)}`);
    if (!TOKEN.test(part.method)) throw new TypeError(`Invalid HTTP method ${JSON.stringify(part.method)}`);
    if (!/^\/[\x21-\x7e]*$/.test(part.path)) throw new TypeError(`Invalid request path ${JSON.stringify(part.path)}`);
    if (part.body?.includes(delimiter)) throw new TypeError("A batch part's body contains the boundary");
    out += `${delimiter}${CRLF}`;
    out += `Content-Type: application/http${CRLF}`;
    out += `Content-Transfer-Encoding: binary${CRLF}`;
    out += `MIME-Version: 1.0${CRLF}`;
    out += `Content-ID: <${part.id}>${CRLF}${CRLF}`;
    out += `${part.method} ${part.path} HTTP/1.1${CRLF}`;
    for (const [name, value] of Object.entries(part.headers)) {
      // Checked without quoting the value: it may be an Authorization header.
      if (!TOKEN.test(name) || !FIELD_VALUE.test(value))
        throw new TypeError(`Invalid value for header ${JSON.stringify(name)} in a batch part`);
      out += `${name}: ${value}${CRLF}`;
    }
    out += CRLF;
    if (part.body !== undefined) out += part.body;
    out += CRLF;
  }
  return `${out}${delimiter}--${CRLF}`;
}

/** The `boundary` parameter of a `multipart/mixed` Content-Type; ProtocolError for anything else. */
export function replyBoundary(contentType: string | null): string {
  const match = /^\s*multipart\/mixed\s*(;.*)?$/i.exec(contentType ?? "");
  const params = match?.[1] ?? "";
  const found = /;\s*boundary\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/i.exec(params);
  const boundary = found ? (found[1]?.replace(/\\(.)/g, "$1") ?? found[2]!) : undefined;
  if (!match || boundary === undefined || !/^[\x20-\x7e]{1,70}$/.test(boundary)) {
    throw new ProtocolError(
      `The batch reply is not multipart/mixed with a boundary (Content-Type ${JSON.stringify((contentType ?? "").slice(0, 100))})`,
    );
  }
  return boundary;
}

/**
 * Splits a multipart body into its parts' raw text. Lines may end in CRLF or LF. Throws
 * ProtocolError when the closing delimiter is missing (a truncated body).
 */
export function splitMultipart(body: string, boundary: string): string[] {
  const delimiter = `--${boundary}`;
  const parts: string[] = [];
  let start = -1;
  let from = 0;
  for (;;) {
    const at = body.indexOf(delimiter, from);
    if (at < 0) break;
    from = at + delimiter.length;
    // A delimiter starts a line; elsewhere the string is content.
    if (at > 0 && body[at - 1] !== "\n") continue;
    const close = body.startsWith("--", from);
    const lineEnd = body.indexOf("\n", from);
    const rest = body.slice(close ? from + 2 : from, lineEnd < 0 ? body.length : lineEnd);
    if (rest.trim() !== "") continue; // `--boundaryX…` is not our delimiter
    if (start >= 0) parts.push(body.slice(start, at > 0 && body[at - 2] === "\r" ? at - 2 : at - 1));
    if (close) return parts;
    if (lineEnd < 0) break;
    start = lineEnd + 1;
    from = start;
  }
  throw new ProtocolError(`The batch reply ends without its closing boundary (${parts.length} parts read)`);
}

/**
 * A header block up to the first blank line, and what follows it. The inner response's block starts
 * with its status line and may end without a blank line when there is no body.
 */
function splitHeaders(text: string, inner: boolean): { first: string; headers: Record<string, string>; rest: string } {
  const match = /\r?\n\r?\n/.exec(text);
  if (!match && !inner) throw new ProtocolError("A batch reply part has no blank line after its headers");
  const lines = text.slice(0, match ? match.index : text.replace(/\r?\n$/, "").length).split(/\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of inner ? lines.slice(1) : lines) {
    const colon = line.indexOf(":");
    if (colon <= 0) throw new ProtocolError("A batch reply part has a malformed header line");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { first: lines[0]!, headers, rest: match ? text.slice(match.index + match[0].length) : "" };
}

/** `<response-X>` (or `response-<X>`, `<X>`) → X. */
export function responseId(contentId: string): string {
  let id = contentId.trim();
  if (id.startsWith("<") && id.endsWith(">")) id = id.slice(1, -1);
  if (id.startsWith("response-")) id = id.slice("response-".length);
  if (id.startsWith("<") && id.endsWith(">")) id = id.slice(1, -1);
  return id;
}

/** One reply part: its Content-ID's request id and the inner HTTP response. */
export function parseReplyPart(text: string): { id: string; response: BatchResponsePart } {
  const outer = splitHeaders(text, false);
  const contentId = outer.headers["content-id"];
  if (contentId === undefined) throw new ProtocolError("A batch reply part has no Content-ID");
  const inner = splitHeaders(outer.rest, true);
  const status = /^HTTP\/\d(?:\.\d)? (\d{3})(?: (.*))?$/.exec(inner.first.trim());
  if (!status || Number(status[1]) < 200 || Number(status[1]) > 599) {
    throw new ProtocolError(
      `A batch reply part has a malformed status line ${JSON.stringify(inner.first.slice(0, 60))}`,
    );
  }
  return {
    id: responseId(contentId),
    response: { status: Number(status[1]), statusText: status[2] ?? "", headers: inner.headers, body: inner.rest },
  };
}

/**
 * A batch reply, keyed by request id (parts may come in any order). Throws ProtocolError for a reply
 * that is not a well-formed multipart/mixed body or repeats an id.
 */
export function parseBatchReply(contentType: string | null, body: string): Map<string, BatchResponsePart> {
  const boundary = replyBoundary(contentType);
  const replies = new Map<string, BatchResponsePart>();
  for (const text of splitMultipart(body, boundary)) {
    const { id, response } = parseReplyPart(text);
    if (replies.has(id)) throw new ProtocolError(`The batch reply answers ${JSON.stringify(id.slice(0, 60))} twice`);
    replies.set(id, response);
  }
  return replies;
}
