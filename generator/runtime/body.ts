import { ResponseTooLargeError } from "./errors.js";

// Stateless without { stream: true }, so one serves every call (error bodies too).
export const decoder: TextDecoder = new TextDecoder();

/** The default of the client option `maxResponseBytes`. */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 32 * 1024 * 1024;

/**
 * Reads a response body as a stream and decodes it as UTF-8 (a BOM is dropped, invalid sequences become
 * U+FFFD), never holding more than `maxBytes` of it: past the limit (or when Content-Length announces
 * more) the stream is cancelled, which closes the connection, and the call rejects with
 * ResponseTooLargeError (its message starting with `context`, e.g. the method id). The signal cancels
 * the read at once, rejecting with its reason.
 */
export async function readBodyText(
  response: Response,
  maxBytes: number,
  signal?: AbortSignal,
  context?: string,
): Promise<string> {
  // Number(null) is 0: no Content-Length, nothing announced.
  if (Number(response.headers.get("content-length")) > maxBytes) response.body?.cancel().catch(() => {});
  else {
    const { bytes, complete } = await readUpTo(response, maxBytes, signal, true);
    if (complete) return decoder.decode(bytes);
  }
  throw new ResponseTooLargeError(response.status, maxBytes, context);
}

/**
 * At most `limit` bytes of the body; `complete` is false when more followed (the rest is not read: the
 * stream is cancelled). With `strict`, a broken stream rejects; without, what arrived is returned.
 */
export async function readUpTo(
  response: Response,
  limit: number,
  signal: AbortSignal | undefined,
  strict: boolean,
): Promise<{ bytes: Uint8Array; complete: boolean }> {
  signal?.throwIfAborted();
  if (!response.body) return { bytes: new Uint8Array(0), complete: true };
  const reader = response.body.getReader();
  // A cancelled reader ends pending reads as "done"; the check after the loop tells that from a real end.
  const onAbort = () => reader.cancel(signal?.reason).catch(() => {});
  signal?.addEventListener("abort", onAbort, { once: true });
  const chunks: Uint8Array[] = [];
  let size = 0;
  let complete = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        complete = true;
        break;
      }
      chunks.push(value);
      size += value.byteLength;
      if (size > limit) break;
    }
  } catch (error) {
    if (strict || signal?.aborted) throw signal?.aborted ? signal.reason : error;
    // Lenient (error bodies): a body cut off mid-way still tells what arrived.
  } finally {
    signal?.removeEventListener("abort", onAbort);
    if (!complete) reader.cancel().catch(() => {});
    else reader.releaseLock();
  }
  signal?.throwIfAborted();
  return { bytes: concat(chunks, Math.min(size, limit)), complete: complete && size <= limit };
}

function concat(chunks: readonly Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1 && chunks[0]!.byteLength === length) return chunks[0]!; // most bodies: no copy
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk.subarray(0, length - offset), offset);
    offset += chunk.byteLength;
    if (offset >= length) break;
  }
  return bytes;
}
