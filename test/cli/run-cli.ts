// Runs the built CLI (generated/dist/cli/main.js) as a child process, with a clean
// environment: no Google credentials of the machine, EE_ACCESS_TOKEN only when given, and
// EARTHENGINE_PROJECT=earthengine-legacy unless told otherwise (so that no "using project" note is
// printed; `env: { EARTHENGINE_PROJECT: undefined }` unsets it).
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, onTestFinished } from "vitest";

export const ROOT: string = fileURLToPath(new URL("../../", import.meta.url));
export const MAIN: string = join(ROOT, "generated/dist/cli/main.js");
export const TOKEN = "ya29.cli-test-SECRET-7f3a9c";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

// A home without gcloud's well-known ADC file, so nothing falls back to the machine's credentials.
const HOME = mkdtempSync(join(tmpdir(), "ee-cli-home-"));
afterAll(() => rmSync(HOME, { recursive: true, force: true }));

export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME,
    NO_COLOR: "1",
    EARTHENGINE_PROJECT: "earthengine-legacy",
  };
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** `node <main> ...args`; `token: undefined` runs without EE_ACCESS_TOKEN. */
export function cli(
  args: string[],
  options: {
    token?: string | undefined;
    env?: Record<string, string | undefined>;
    main?: string;
    timeoutMs?: number;
  } = {},
): Promise<CliResult> {
  const token = "token" in options ? options.token : TOKEN;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [options.main ?? MAIN, ...args],
      {
        cwd: ROOT,
        env: cliEnv({ EE_ACCESS_TOKEN: token, ...options.env }),
        timeout: options.timeoutMs ?? 15_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Neither stream shows a stack trace or the token. */
export function clean(result: CliResult, token: string = TOKEN): boolean {
  const all = result.stdout + result.stderr;
  return !all.includes(token) && !/\n\s+at /.test(all) && !/\.(js|ts):\d+/.test(all);
}

/**
 * The package as an app would install it: dist + package.json (no dependencies, so no
 * google-auth-library) under a temporary node_modules removed after the test. Returns its CLI's main.js.
 */
export function packageAloneMain(): string {
  const dir = mkdtempSync(join(tmpdir(), "ee-cli-no-google-auth-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  const pkg = join(dir, "node_modules/ee-operations-client");
  mkdirSync(pkg, { recursive: true });
  cpSync(join(ROOT, "generated/dist"), join(pkg, "dist"), { recursive: true });
  cpSync(join(ROOT, "generated/package.json"), join(pkg, "package.json"));
  return join(pkg, "dist/cli/main.js");
}
