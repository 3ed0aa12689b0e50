#!/usr/bin/env node
// `ee-operations`: cancel, watch and clean up Earth Engine operations from the shell. See --help.
import { once } from "node:events";
import { readFile } from "node:fs/promises";
import { type Invocation, parseCommandLine } from "./args.js";
import { tokenSource } from "./auth.js";
import { runCommand } from "./commands.js";
import { readEarthengineCredentials } from "./earthengine-credentials.js";
import { EXIT, errorLine, InterruptedError, reportOf, UsageError } from "./errors.js";
import { commandHelp, HELP, usageHint } from "./help.js";
import { credentialsProject, type ResolvedProject, resolveProject } from "./project.js";
import { redact } from "./sanitize.js";
import { cliClient } from "./service.js";
import { operationNames, usesProject } from "./targets.js";
import type { Env, Io } from "./types.js";

async function main(argv: readonly string[], env: Env, interrupt: AbortSignal): Promise<number> {
  // Earth Engine's own order: EE_ACCESS_TOKEN, else `earthengine authenticate`'s file, else ADC.
  const stored = env.EE_ACCESS_TOKEN?.trim() ? undefined : await readEarthengineCredentials(env);
  const { provider, secrets, fromEnv } = tokenSource(env, undefined, stored);
  // Every human line is redacted once more as it is written, for server text that reached it without
  // terminalText's secrets (an operation's name or state). --json is redacted value by value instead:
  // a token holding `"` or `\` would not match its own escaped form, and replacing it in the text could
  // break the JSON.
  let jsonStdout = false;
  const stderr = process.stderr;
  const io: Io = {
    out: (text) => void process.stdout.write(jsonStdout ? text : redact(text, secrets)),
    drained: () =>
      process.stdout.writableNeedDrain ? once(process.stdout, "drain").then(() => {}) : Promise.resolve(),
    err: (text) => void stderr.write(redact(text, secrets)),
    progress: {
      isTTY: stderr.isTTY,
      get columns() {
        return stderr.columns;
      },
      write: (chunk) => stderr.write(redact(chunk, secrets)),
    },
    secrets,
    interrupt,
  };
  let invocation: Invocation;
  let resolved: ResolvedProject;
  let names: string[];
  try {
    const commandLine = parseCommandLine(argv);
    if (commandLine.kind === "help") {
      io.out(commandLine.command ? commandHelp(commandLine.command) : HELP);
      return EXIT.OK;
    }
    if (commandLine.kind === "version") {
      io.out(`${await packageVersion()}\n`);
      return EXIT.OK;
    }
    invocation = commandLine.invocation;
    jsonStdout = invocation.json;
    // The credentials' project: the earthengine file's, else the ADC file's (read only when the token
    // does not come from EE_ACCESS_TOKEN and no project was given otherwise).
    const fromCredentials =
      fromEnv || invocation.project !== undefined ? undefined : (stored?.project ?? (await credentialsProject(env)));
    resolved = resolveProject(invocation.project, env, fromCredentials);
    if (resolved.source === "none" && usesProject(invocation)) {
      throw new UsageError(
        "no project: give --project, or set GOOGLE_CLOUD_PROJECT (needed by bare task ids, 'list' and 'all')",
      );
    }
    // Every name is checked before any request.
    names = operationNames(invocation, resolved.project);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`${errorLine(reportOf(error), io.secrets)}\n`);
    io.err(usageHint(error.command));
    return EXIT.USAGE;
  }
  if (resolved.source === "default" && usesProject(invocation)) {
    io.err(
      `note: using project ${resolved.project}: no --project, EARTHENGINE_PROJECT, GOOGLE_CLOUD_PROJECT or credentials' project\n`,
    );
  }

  const ee = cliClient(invocation.apiVersion, {
    baseUrl: invocation.endpoint,
    accessToken: provider,
    // Sent as x-goog-user-project; earthengine-legacy is no Cloud project to bill.
    project: resolved.source === "default" || resolved.source === "none" ? undefined : resolved.project,
  });
  try {
    return await runCommand({ ee, invocation, project: resolved.project, names, io });
  } catch (error) {
    const report = reportOf(interrupt.aborted ? interrupt.reason : error);
    io.err(`${errorLine(report, io.secrets)}\n`);
    return report.exit;
  }
}

/** `<package name> <version>`, from the package.json two folders up (dist/cli/ → the package). */
async function packageVersion(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));
  return `${pkg.name} ${pkg.version}`;
}

// Output cut short by a closed pipe (`ee-operations list | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT.OK);
});

// The first Ctrl-C aborts every call and wait (the commands then report and exit 130); a second one
// leaves at once.
const interrupt = new AbortController();
const onSigint = () => {
  if (interrupt.signal.aborted) process.exit(EXIT.INTERRUPTED);
  interrupt.abort(new InterruptedError());
};
process.on("SIGINT", onSigint);

main(process.argv.slice(2), process.env, interrupt.signal).then(
  (code) => {
    process.exitCode = code;
    process.off("SIGINT", onSigint);
  },
  (error: unknown) => {
    // Never a stack trace: one line, like every other error.
    const secret = process.env.EE_ACCESS_TOKEN?.trim();
    process.stderr.write(`${errorLine(reportOf(error), secret ? [secret] : [])}\n`);
    process.exitCode = EXIT.ERROR;
    process.off("SIGINT", onSigint);
  },
);
