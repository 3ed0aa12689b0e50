import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the generator CLI as `npm run generate` does (`node generator/run.mjs`), as a child process. */
export function runGenerator(args: string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  return run(process.execPath, [join(process.cwd(), "generator/run.mjs"), ...args], options);
}

/** The project's TypeScript compiler (node_modules/.bin/tsc), by absolute path. */
export const TSC: string = resolve("node_modules/.bin/tsc");

export function run(
  command: string,
  args: string[],
  options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      {
        cwd: options.cwd ?? process.cwd(),
        timeout: options.timeoutMs ?? 60_000,
        env: options.env ?? process.env,
        maxBuffer: 16 << 20,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** One hash over every file's path and bytes under `dir` (node_modules aside). */
export function hashTree(dir: string): string {
  const hash = createHash("sha256");
  const visit = (rel: string) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      if (name === "node_modules") continue;
      const path = rel ? `${rel}/${name}` : name;
      if (statSync(join(dir, path)).isDirectory()) visit(path);
      else
        hash
          .update(`${path}\0`)
          .update(readFileSync(join(dir, path)))
          .update("\0");
    }
  };
  visit("");
  return hash.digest("hex");
}

/** A copy of the committed generated/ at `to`, node_modules aside: an output folder of an earlier run. */
export function copyGenerated(to: string): void {
  cpSync("generated", to, { recursive: true, filter: (p) => !p.includes("node_modules") });
}
