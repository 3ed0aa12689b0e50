#!/usr/bin/env node
// `ee-operations`: cancel, watch and clean up Earth Engine operations from the shell. See --help.
// The package's root entry point: it exists in generated/src, where this file is type-checked.
import { createClient } from "../../index.js";
import { InvalidNameError } from "../errors.js";
import { operationName } from "../operation-name.js";
import { type Invocation, parseCommandLine } from "./args.js";
import { tokenSource } from "./auth.js";
import { runCommand } from "./commands.js";
import { EXIT, errorLine, reportOf, UsageError } from "./errors.js";
import { HELP, USAGE } from "./help.js";
import type { CliClient, Io } from "./types.js";

async function main(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const { provider, secret } = tokenSource(env);
  const io: Io = {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    progress: process.stderr,
    secrets: secret ? [secret] : [],
  };
  let invocation: Invocation;
  let names: string[];
  try {
    const commandLine = parseCommandLine(argv);
    if (commandLine.help) {
      io.out(HELP);
      return EXIT.OK;
    }
    invocation = commandLine.invocation;
    // Every name is checked before any request.
    names = invocation.targets.map((target) => operationName(target, invocation.project));
  } catch (error) {
    if (!(error instanceof UsageError || error instanceof InvalidNameError)) throw error;
    const report = reportOf(error);
    io.err(`${errorLine(report, io.secrets)}\n`);
    if (error instanceof UsageError) io.err(`${USAGE}\n`);
    return report.exit;
  }

  const ee: CliClient = createClient({
    version: invocation.apiVersion,
    baseUrl: invocation.endpoint,
    accessToken: provider,
  });
  try {
    return await runCommand({ ee, invocation, names, io });
  } catch (error) {
    const report = reportOf(error);
    io.err(`${errorLine(report, io.secrets)}\n`);
    return report.exit;
  }
}

// Output cut short by a closed pipe (`ee-operations list | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? EXIT.OK);
});

main(process.argv.slice(2), process.env).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // Never a stack trace: one line, like every other error.
    const secret = process.env.EE_ACCESS_TOKEN?.trim();
    process.stderr.write(`${errorLine(reportOf(error), secret ? [secret] : [])}\n`);
    process.exitCode = EXIT.ERROR;
  },
);
