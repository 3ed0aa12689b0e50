import { expect, it } from "vitest";
import { run } from "../helpers/run.js";

it("redocly lint passes on every version's description (committed redocly.yaml)", async () => {
  const result = await run("node_modules/.bin/redocly", ["lint"], { timeoutMs: 60_000 });
  expect(result.stderr + result.stdout).toMatch(/Your API descriptions are valid/);
  expect(result.code).toBe(0);
}, 60_000);
