import { describe, expect, it } from "vitest";
import { untilAborted } from "../../generator/runtime/abort.js";

/** A signal that counts the abort listeners added to it. */
function countingSignal(controller = new AbortController()) {
  const signal = controller.signal;
  const added = { count: 0 };
  const add = signal.addEventListener.bind(signal);
  signal.addEventListener = ((...args: Parameters<typeof add>) => {
    added.count++;
    add(...args);
  }) as typeof signal.addEventListener;
  return { controller, signal, added };
}

describe("untilAborted", () => {
  it.each([
    { given: "a plain value", work: () => "token", want: "token", listeners: 0 },
    { given: "undefined", work: () => undefined, want: undefined, listeners: 0 },
    { given: "a promise", work: () => Promise.resolve("token"), want: "token", listeners: 1 },
    {
      given: "a thenable",
      // biome-ignore lint/suspicious/noThenProperty: a thenable that is not a Promise is the case under test.
      work: () => ({ then: (ok: (v: string) => void) => ok("token") }),
      want: "token",
      listeners: 1,
    },
  ])("given $given, resolves to it with $listeners abort listener(s)", async ({ work, want, listeners }) => {
    const { signal, added } = countingSignal();
    await expect(untilAborted(work as () => unknown, signal)).resolves.toBe(want);
    expect(added.count).toBe(listeners);
  });

  it.each([
    {
      given: "a synchronous throw",
      work: () => {
        throw new Error("boom");
      },
    },
    {
      given: "a then getter that throws",
      work: () =>
        // biome-ignore lint/suspicious/noThenProperty: a hostile thenable is the case under test.
        Object.defineProperty({}, "then", {
          get() {
            throw new Error("boom");
          },
        }),
    },
    { given: "a rejected promise", work: () => Promise.reject(new Error("boom")) },
  ])("given $given, rejects with its error", async ({ work }) => {
    await expect(untilAborted(work as () => unknown, new AbortController().signal)).rejects.toThrow("boom");
  });

  it("an abort while the work hangs rejects with the signal's reason; an aborted signal never runs the work", async () => {
    const { controller, signal } = countingSignal();
    const pending = untilAborted(() => new Promise<never>(() => {}), signal);
    controller.abort(new Error("stop"));
    await expect(pending).rejects.toThrow("stop");
    let ran = false;
    await expect(
      untilAborted(() => {
        ran = true;
      }, signal),
    ).rejects.toThrow("stop");
    expect(ran).toBe(false);
  });
});
