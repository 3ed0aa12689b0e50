// `npm run demo` shows the CLI against the emulator, and the README's Quick start shows exactly what
// the demo prints (up to the port and the times, which differ from run to run).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { run } from "../helpers/run.js";
import { ROOT } from "./run-cli.js";

const normalise = (text: string) =>
  text
    .replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:PORT")
    .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/g, "TIME")
    .trimEnd();

it("the demo runs the CLI against the emulator, and the README's Quick start sample is its output", async () => {
  const result = await run("node_modules/.bin/tsx", ["examples/demo.ts"], { timeoutMs: 30_000 });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  expect(result.stdout).toMatch(
    /^\$ EE_ACCESS_TOKEN=demo-token ee-operations list --endpoint http:\/\/127\.0\.0\.1:\d+$/m,
  );
  expect(result.stdout).toMatch(/^DEMOINGESTIMAGE000000003 +PENDING +INGEST_IMAGE +Drone mosaic +0% +\S+Z$/m);
  expect(result.stdout).toMatch(/^projects\/earthengine-legacy\/operations\/DEMOINGESTIMAGE000000003: CANCELLED$/m);
  expect(result.stdout).not.toContain("(exit");

  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const quickStart = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("## Using the client"));
  const sample = /It prints[^\n]*\n\n```\n([\s\S]*?)```/.exec(quickStart)?.[1];
  expect(sample).toBeDefined();
  expect(normalise(sample!)).toBe(normalise(result.stdout));
}, 40_000);
