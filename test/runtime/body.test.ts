import { describe, expect, it } from "vitest";
import { readBodyText, readUpTo } from "../../generator/runtime/body.js";
import { ResponseTooLargeError } from "../../generator/runtime/errors.js";

/** A body of `chunks` chunks of `size` bytes (endless when chunks is Infinity), counting pulls and cancels. */
function streamed(chunks: number, size: number, headers?: Record<string, string>) {
  const seen = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (seen.pulled++ >= chunks) return controller.close();
      controller.enqueue(new Uint8Array(size).fill(0x7b));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { response: new Response(body, { headers }), seen };
}

describe("readBodyText", () => {
  it.each([
    { given: { chunks: 0, size: 1, max: 10 }, want: 0 },
    { given: { chunks: 3, size: 4, max: 12 }, want: 12 },
    { given: { chunks: 1, size: 10, max: 10 }, want: 10 },
  ])("given $given, want $want bytes", async ({ given, want }) => {
    const { response } = streamed(given.chunks, given.size);
    expect((await readBodyText(response, given.max)).length).toBe(want);
  });

  it("an endless body: ResponseTooLargeError after the limit, the stream cancelled", async () => {
    const { response, seen } = streamed(Infinity, 1024);
    const error = await readBodyText(response, 8 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ name: "ResponseTooLargeError", maxBytes: 8192, httpStatus: 200 });
    expect(seen.pulled).toBeLessThanOrEqual(12);
    expect(seen.cancelled).toBe(true);
  });

  it("a Content-Length above the limit is refused without reading", async () => {
    const { response, seen } = streamed(Infinity, 1024, { "content-length": "100000" });
    await expect(readBodyText(response, 1000)).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(seen.pulled).toBeLessThanOrEqual(1);
  });

  it("an aborted signal rejects with its reason, also mid-body", async () => {
    const { response } = streamed(Infinity, 1);
    await expect(readBodyText(response, 10, AbortSignal.abort(new Error("before")))).rejects.toThrow("before");
    const stalled = new Response(new ReadableStream({ pull: () => new Promise(() => {}) }));
    const controller = new AbortController();
    const pending = readBodyText(stalled, 10, controller.signal);
    controller.abort(new Error("during"));
    await expect(pending).rejects.toThrow("during");
  });

  it("readBodyText decodes UTF-8", async () => {
    await expect(readBodyText(new Response('{"a":"é"}'), 100)).resolves.toBe('{"a":"é"}');
  });

  it("readUpTo, lenient: a broken stream gives what arrived", async () => {
    let n = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (n++ === 0) controller.enqueue(new TextEncoder().encode("abc"));
        else controller.error(new TypeError("terminated"));
      },
    });
    const { bytes, complete } = await readUpTo(new Response(body), 100, undefined, false);
    expect(new TextDecoder().decode(bytes)).toBe("abc");
    expect(complete).toBe(false);
  });
});
