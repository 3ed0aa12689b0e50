// The CLI's pieces on their own, from the built package: durations, the table, the progress line.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { parseDuration } from "../../generated/dist/runtime/cli/args.js";
import { operationsTable } from "../../generated/dist/runtime/cli/format.js";
import { createProgress } from "../../generated/dist/runtime/cli/progress.js";
import { useEmulators } from "../emulator/harness.js";
import { cliEnv, MAIN, TOKEN } from "./run-cli.js";

const emulators = useEmulators();

describe("--timeout durations", () => {
  it.each([
    ["30s", 30_000],
    ["2m", 120_000],
    ["500ms", 500],
    ["45", 45_000],
    ["1.5", 1_500],
    ["1h", 3_600_000],
  ])("%s is %i ms", (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(["", "s", "-1s", "0", "0.0001s", "1d", "2 m", "30sec", "1e3", "999999999s"])("%j is refused", (text) => {
    expect(() => parseDuration(text)).toThrow(/--timeout must be a duration/);
  });
});

describe("list table", () => {
  it("shows the task id, flattens control characters and shortens long descriptions", () => {
    const text = operationsTable([
      {
        name: "projects/p/operations/A1",
        metadata: {
          state: "RUNNING",
          type: "EXPORT_IMAGE",
          description: "evil\u001b[2Jname\nsecond",
          progress: 0.426,
          createTime: "2026-01-02T03:04:05.678Z",
        },
      },
      { name: "projects/p/operations/B2", done: true, error: { code: 1 }, metadata: { description: "x".repeat(60) } },
    ]);
    const lines = text.trimEnd().split("\n");
    expect(text.replace(/\n/g, "")).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
    expect(lines[1]!.split(/ {2,}/)).toEqual([
      "A1",
      "RUNNING",
      "EXPORT_IMAGE",
      "evil [2Jname second",
      "42%",
      "2026-01-02T03:04:05Z",
    ]);
    expect(lines[2]!.split(/ {2,}/)).toEqual(["B2", "CANCELLED", "-", `${"x".repeat(39)}…`, "-", "-"]);
  });
});

describe("progress", () => {
  const op = (state: string, progress: number) => ({ name: "projects/p/operations/T", metadata: { state, progress } });

  it("on a terminal rewrites one line with \\r, fits the width, and erases it at the end", () => {
    const writes: string[] = [];
    let t = 0;
    const progress = createProgress({ isTTY: true, columns: 40, write: (s: string) => writes.push(s) }, () => t);
    progress.update("projects/p/operations/T", op("RUNNING", 0.25));
    t = 2_000;
    progress.update("projects/p/operations/T", op("CANCELLING", 0.3));
    progress.clear();
    expect(writes).toEqual([
      "\rwaiting 0s: T RUNNING 25%\u001b[K",
      "\rwaiting 2s: T CANCELLING 30%\u001b[K",
      "\r\u001b[K",
    ]);
    progress.update("projects/p/operations/LONGLONGLONGLONGLONGLONGLONG", op("RUNNING", 0.5));
    expect(writes.at(-1)!.replace(/^\r|\u001b\[K$/g, "")).toHaveLength(39);
  });

  it("elsewhere prints a plain line per change of state or per 10 % of progress", () => {
    const writes: string[] = [];
    const progress = createProgress({ isTTY: false, write: (s: string) => writes.push(s) });
    for (const [state, p] of [
      ["RUNNING", 0.01],
      ["RUNNING", 0.05],
      ["RUNNING", 0.12],
      ["CANCELLING", 0.12],
      ["CANCELLED", 0.12],
    ] as const) {
      progress.update("projects/p/operations/T", op(state, p));
    }
    progress.clear();
    expect(writes.join("")).toBe(
      "projects/p/operations/T: RUNNING 1%\nprojects/p/operations/T: RUNNING 12%\n" +
        "projects/p/operations/T: CANCELLING 12%\nprojects/p/operations/T: CANCELLED 12%\n",
    );
  });
});

const hasScript = (() => {
  try {
    execFileSync("script", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

describe("on a real terminal", () => {
  it.skipIf(!hasScript)(
    "cancel --wait shows the live progress line (util-linux script gives the CLI a pty)",
    async () => {
      const emu = await emulators.start({ clock: "real" });
      const { name } = emu.seed({ id: "PTYTASK", runMs: 60_000, cancelMs: 1_200 });
      const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(MAIN)} cancel PTYTASK --wait --endpoint ${emu.url}`;
      const output = await new Promise<string>((resolve, reject) => {
        import("node:child_process").then(({ execFile }) =>
          execFile(
            "script",
            ["-qec", command, "/dev/null"],
            { env: cliEnv({ EE_ACCESS_TOKEN: TOKEN }), timeout: 15_000 },
            (error, stdout) => (error ? reject(error) : resolve(stdout)),
          ),
        );
      });
      expect(output).toMatch(/\rwaiting \d+s: PTYTASK CANCELLING \d+%\u001b\[K/);
      expect(output).toContain("\r\u001b[K");
      expect(output).toContain(`${name}: CANCELLED`);
      expect(output).not.toContain(TOKEN);
    },
  );
});
