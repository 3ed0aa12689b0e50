// The bin's command line, parsed into plain options (no I/O), so it can be tested as a table.

import { parseArgs } from "node:util";
import { projectProblem, quoteForMessage } from "./resource-id.js";

export interface CliOptions {
  help: boolean;
  version: boolean;
  port: number;
  seed: number;
  /** How long seeded operations run, in ms; Infinity: until cancelled; undefined: varied demo times. */
  runForMs?: number;
  project: string;
  auth: boolean;
  maxRecorded: number;
}

export const USAGE = `usage: ee-operations-emulator [options]

A local, in-memory Earth Engine operations server (projects.operations: list, get, cancel, wait,
delete) for v1, v1beta and v1alpha on http://127.0.0.1:<port>.

options:
  --port N            port to listen on (default 8080; 0 picks a free one)
  --seed N            seed N demo operations and print their names (default 0)
  --run-for DURATION  how long seeded operations run: 90s, 30m, 1h, 2d, or "forever"
                      (RUNNING until cancelled); default between 5 and 60 s each
  --project ID        project of the seeded operations (default earthengine-legacy)
  --no-auth           accept requests without "Authorization: Bearer <token>"
                      (by default any non-empty bearer token is accepted, none is refused with 401)
  --max-recorded N    requests kept at GET /__emulator/requests (default 1000; 0 keeps none)
  -h, --help          print this help
  --version           print the version

Operations are seeded over HTTP with POST /__emulator/operations; see the package README.`;

const UNITS_MS: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
/** Longer runs than this are "forever" for any test; the cap keeps every date representable. */
const MAX_RUN_FOR_MS = 366 * 86_400_000;

/** `90s`, `1.5h`, `forever` → ms. Throws an Error whose message starts with the flag. */
export function parseRunFor(raw: string): number {
  if (raw === "forever") return Number.POSITIVE_INFINITY;
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/.exec(raw);
  const ms = m ? Number(m[1]) * UNITS_MS[m[2]!]! : Number.NaN;
  if (!(ms > 0) || ms > MAX_RUN_FOR_MS)
    throw new Error(`--run-for needs a duration such as 90s, 30m, 1h or 2d (at most 366d), or "forever"; got "${raw}"`);
  return Math.round(ms);
}

function nonNegativeInt(flag: string, raw: string, max: number): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > max) throw new Error(`--${flag} needs an integer from 0 to ${max}, got "${raw}"`);
  return n;
}

/** Parses argv (without node and the script). Throws an Error with a one-line message on bad input. */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      help: { type: "boolean", short: "h", default: false },
      version: { type: "boolean", default: false },
      port: { type: "string", default: "8080" },
      seed: { type: "string", default: "0" },
      "run-for": { type: "string" },
      project: { type: "string", default: "earthengine-legacy" },
      "no-auth": { type: "boolean", default: false },
      "max-recorded": { type: "string", default: "1000" },
    },
    strict: true,
    allowPositionals: false,
  });
  // The seeding rules (resource-id.ts), checked here so a bad project is a usage error, not a crash.
  const badProject = projectProblem(values.project);
  if (badProject)
    throw new Error(
      `--project needs one path segment a client accepts: it ${badProject}; got ${quoteForMessage(values.project)}`,
    );
  return {
    help: values.help,
    version: values.version,
    port: nonNegativeInt("port", values.port, 65_535),
    seed: nonNegativeInt("seed", values.seed, 10_000),
    runForMs: values["run-for"] === undefined ? undefined : parseRunFor(values["run-for"]),
    project: values.project,
    auth: !values["no-auth"],
    maxRecorded: nonNegativeInt("max-recorded", values["max-recorded"], 1_000_000),
  };
}
