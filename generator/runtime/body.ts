import { ResponseTooLargeError } from "./errors.js";

/** The default of the client option `maxResponseBytes`. */
export const DEFAULT_MAX_RESPONSE_BYTES: number = 32 * 1024 * 1024;

/**
 * Reads a response body as a stream, never holding more than `maxBytes` of it: past the limit (or when
 * Content-Length announces more) the stream is cancelled, which closes the connection, and the call
 * rejects with ResponseTooLargeError. The signal cancels the read at once, rejecting with its reason.
 */
export async function readBody(response: Response, maxBytes: number, signal?: AbortSignal): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    response.body?.cancel().catch(() => {});
    throw new ResponseTooLargeError(response.status, maxBytes);
  }
  const { bytes, complete } = await readUpTo(response, maxBytes, signal, true);
  if (!complete) throw new ResponseTooLargeError(response.status, maxBytes);
  return bytes;
}

/** readBody decoded as UTF-8 (a BOM is dropped, invalid sequences become U+FFFD). */
export async function readBodyText(response: Response, maxBytes: number, signal?: AbortSignal): Promise<string> {
  return new TextDecoder().decode(await readBody(response, maxBytes, signal));
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
  if (chunks.length === 1 && chunks[0]!.byteLength === length) return chunks[0]!;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    if (offset >= length) break;
    const part = chunk.subarray(0, length - offset);
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}
