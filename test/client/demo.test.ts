import { expect, it } from "vitest";
import { run } from "../helpers/run.js";

it("the README demo runs against the emulator and cancels an operation", async () => {
  const result = await run("node_modules/.bin/tsx", ["examples/demo.ts"], { timeoutMs: 30_000 });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(/^emulator listening on http:\/\/127\.0\.0\.1:\d+$/m);
  expect(result.stdout).toMatch(
    /cancelAndWait projects\/earthengine-legacy\/operations\/DEMOEXPORTIMAGE000000001 → CANCELLED \(state CANCELLED, error\.code 1\)/,
  );
  expect(result.stdout).toMatch(/^DEMOEXPORTTABLE000000002 +SUCCEEDED +EXPORT_TABLE +Field boundaries$/m);
  expect(result.stdout.trim().endsWith("emulator stopped")).toBe(true);
}, 30_000);
