#!/usr/bin/env node
// The `ee-operations-emulator` bin (and `npm run emulator`): runs the emulator on the real clock,
// prints its URL and the seeded operations, then serves until SIGINT/SIGTERM.

import { readFileSync } from "node:fs";
import { type CliOptions, parseCliArgs, USAGE } from "./cli-args.js";
import { demoSeeds } from "./demo-seeds.js";
import { startEmulator } from "./index.js";

/** The package version: beside this file in the sources, one folder up in the built dist/. */
function packageVersion(): string {
  for (const candidate of ["./package.json", "../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(candidate, import.meta.url), "utf8")) as Record<string, unknown>;
      if (pkg.name === "ee-operations-emulator" && typeof pkg.version === "string") return pkg.version;
    } catch {
      // not this one
    }
  }
  return "unknown";
}

function describeRun(options: CliOptions): string {
  if (options.runForMs === undefined) return "";
  if (options.runForMs === Number.POSITIVE_INFINITY) return " (running until cancelled)";
  return ` (each running ${options.runForMs / 1000} s once started)`;
}

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    console.error(`ee-operations-emulator: ${err instanceof Error ? err.message : String(err)}`);
    console.error("Run ee-operations-emulator --help for usage.");
    process.exit(2);
  }
  if (options.help) return void console.log(USAGE);
  if (options.version) return void console.log(packageVersion());

  const emulator = await startEmulator({
    port: options.port,
    clock: "real",
    auth: options.auth,
    maxRecordedRequests: options.maxRecorded,
  });
  const seeded = demoSeeds(options.seed, options.project, options.runForMs).map((seed) => ({
    seed,
    name: emulator.seed(seed).name,
  }));
  const lines = [`Earth Engine operations emulator listening on ${emulator.url}`];
  if (seeded.length > 0) lines.push(`Seeded ${seeded.length} operations${describeRun(options)}:`);
  for (const { seed, name } of seeded) lines.push(`  ${name}  ${seed.type}  ${seed.description}`);
  lines.push(
    options.auth
      ? 'Requests need "Authorization: Bearer <any token>"; --no-auth accepts requests without one.'
      : "Authentication is off (--no-auth): requests need no Authorization header.",
  );
  console.log(lines.join("\n"));

  const stop = (): void => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  console.error(`ee-operations-emulator: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
