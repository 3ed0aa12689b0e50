// The progress display: one live line on a terminal, plain lines elsewhere.
import { describe, expect, it } from "vitest";
import { createProgress } from "../../generator/cli-app/progress.js";
import type { CliOperation } from "../../generator/cli-app/types.js";

const op = (state: string, progress: number, done = false) => ({ metadata: { state, progress }, done }) as CliOperation;
const states = (entries: [string, ReturnType<typeof op>][]) => new Map(entries);

describe("on a terminal", () => {
  it("rewrites one line with \\r, fits the width, and erases it at the end", () => {
    const writes: string[] = [];
    let t = 0;
    const progress = createProgress({ isTTY: true, columns: 40, write: (s: string) => writes.push(s) }, () => t);
    progress.show(states([["projects/p/operations/T", op("RUNNING", 0.25)]]));
    t = 2_000;
    progress.show(states([["projects/p/operations/T", op("CANCELLING", 0.3)]]));
    progress.clear();
    expect(writes).toEqual([
      "\rwaiting 0s: T RUNNING 25%\u001b[K",
      "\rwaiting 2s: T CANCELLING 30%\u001b[K",
      "\r\u001b[K",
    ]);
    progress.show(states([["projects/p/operations/LONGLONGLONGLONGLONGLONGLONG", op("RUNNING", 0.5)]]));
    expect(writes.at(-1)!.replace(/^\r|\u001b\[K$/g, "")).toHaveLength(39);
  });

  it("counts operations by state when there are more than three", () => {
    const writes: string[] = [];
    const progress = createProgress({ isTTY: true, columns: 200, write: (s: string) => writes.push(s) }, () => 0);
    const many = states([
      ...Array.from({ length: 297 }, (_, i): [string, ReturnType<typeof op>] => [
        `projects/p/operations/R${i}`,
        op("RUNNING", 0.1),
      ]),
      ["projects/p/operations/C1", op("CANCELLED", 0.1, true)],
      ["projects/p/operations/C2", op("CANCELLED", 0.1, true)],
      ["projects/p/operations/P1", op("PENDING", 0)],
    ]);
    progress.show(many);
    expect(writes).toEqual(["\rwaiting 0s: 2 of 300 done · RUNNING 297 · CANCELLED 2 · PENDING 1\u001b[K"]);
  });

  it("clear writes nothing when nothing was shown", () => {
    const writes: string[] = [];
    createProgress({ isTTY: true, write: (s: string) => writes.push(s) }).clear();
    expect(writes).toEqual([]);
  });
});

describe("elsewhere", () => {
  it("prints a plain line per change of state or per 10 % of progress, never \\r", () => {
    const writes: string[] = [];
    const progress = createProgress({ isTTY: false, write: (s: string) => writes.push(s) });
    for (const [state, p] of [
      ["RUNNING", 0.01],
      ["RUNNING", 0.05],
      ["RUNNING", 0.12],
      ["CANCELLING", 0.12],
      ["CANCELLED", 0.12],
    ] as const) {
      progress.show(states([["projects/p/operations/T", op(state, p)]]));
    }
    progress.clear();
    expect(writes.join("")).toBe(
      "projects/p/operations/T: RUNNING 1%\nprojects/p/operations/T: RUNNING 12%\n" +
        "projects/p/operations/T: CANCELLING 12%\nprojects/p/operations/T: CANCELLED 12%\n",
    );
  });
});
