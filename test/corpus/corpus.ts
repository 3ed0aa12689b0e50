// The spec-evolution corpus (test/fixtures/corpus/<variant>/): each folder is a spec the way an author
// would change one, with expect.json saying what must happen. Shared by the corpus test and the bench.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { generate } from "../../generator/generate.js";

export const CORPUS = "test/fixtures/corpus";

export interface Call {
  version: string;
  method: string;
  request: Record<string, unknown>;
  requestLine: string;
  body: string;
  /** The server's JSON answer; `{}` by default. */
  reply?: string;
}

export interface Expect {
  /** A located error: `at` is `<file>:<line>:<col>` within the variant's folder, `says` part of the message. */
  error?: { at: string; says: string };
  /** Why the variant exists, for the reader. */
  note?: string;
  calls?: Call[];
  /** Whether the package has the long-running-operation helpers, and so runtime/operation-helpers and a bin. */
  helpers?: boolean;
  bin?: string | null;
  versions?: string[];
  package?: Record<string, string>;
  rootExports?: string[];
  /** A call made without baseUrl goes to this URL (the spec's servers[0].url). */
  defaultUrl?: string;
  defaultCall?: Omit<Call, "requestLine" | "body">;
  typesContain?: Record<string, string>;
  typesAbsent?: Record<string, string>;
  typesIn?: Record<string, string>;
  /** Runs of the package's CLI (dist/cli/main.js); `$SERVER` in args is the recording server's URL. */
  cliRuns?: CliRun[];
}

export interface CliRun {
  args: string[];
  code: number;
  stdoutContains?: string[];
  stderrContains?: string;
  /** The request lines the run sends, in order (none by default). */
  requests?: string[];
}

export interface Variant {
  name: string;
  specDir: string;
  expect: Expect;
}

export function variants(): Variant[] {
  return readdirSync(CORPUS)
    .sort()
    .map((name) => ({
      name,
      specDir: join(CORPUS, name),
      expect: JSON.parse(readFileSync(join(CORPUS, name, "expect.json"), "utf8")) as Expect,
    }));
}

export type Outcome = { ok: true; outDir: string } | { ok: false; error: Error };

/** Generates every variant into `outRoot/<name>` (in this process, one after another). */
export async function generateCorpus(outRoot: string, list = variants()): Promise<Map<string, Outcome>> {
  const outcomes = new Map<string, Outcome>();
  for (const v of list) {
    const outDir = join(outRoot, v.name);
    rmSync(outDir, { recursive: true, force: true });
    try {
      await generate({ specDir: v.specDir, outDir });
      outcomes.set(v.name, { ok: true, outDir });
    } catch (error) {
      outcomes.set(v.name, { ok: false, error: error as Error });
    }
  }
  return outcomes;
}
