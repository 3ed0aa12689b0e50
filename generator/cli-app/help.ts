// The texts of `--help`, `<command> --help` and of a usage error.
import { COMMAND_NAMES, type Command } from "./args.js";
import { BIN, CLI_VERSIONS, DEFAULT_ENDPOINT, DEFAULT_VERSION } from "./service.js";

/** `a`, `a or b`, `a, b or c`. */
const choices = (words: readonly string[]) =>
  words.length < 2 ? words.join("") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;

const SYNOPSIS: Record<Command, string> = {
  cancel: `${BIN} cancel <name|taskId>... | all [--wait] [--timeout <duration>]`,
  get: `${BIN} get|info <name|taskId>...`,
  list: `${BIN} list [-s|--status <STATE>[,<STATE>]... ] [-l|--long] [--filter <filter>] [--limit <n>]`,
  wait: `${BIN} wait <name|taskId>... | all [--timeout <duration>]`,
  delete: `${BIN} delete <name|taskId>...`,
};

const COMMON_OPTIONS = `Options of every command:
  --project <id>         The Cloud project: of bare task ids, of 'list' and of 'all'. Default: the
                         first of EARTHENGINE_PROJECT, GOOGLE_CLOUD_PROJECT, the credentials' project
                         (the earthengine credentials' project, else quota_project_id or project_id
                         of the ADC file), else earthengine-legacy (a note on stderr says so). A
                         project given is sent as x-goog-user-project.
  --api-version <v>      ${choices(CLI_VERSIONS)} (default: ${DEFAULT_VERSION}).
  --endpoint <url>       Service root (default: ${DEFAULT_ENDPOINT}), e.g. an
                         emulator's http://127.0.0.1:8080.
  --json                 Print JSON only, on stdout (C1, bidi and zero-width characters escaped).
  -h, --help             Print help (${BIN} <command> --help for one command).
  --version              Print the package's name and version.`;

const COMMAND_HELP: Record<Command, string> = {
  cancel: `Asks the server to cancel each operation. An operation already done, or already cancelling, is
reported as "already <STATE>" and not cancelled again. 'cancel all' cancels every PENDING and RUNNING
operation of the project and reports the others as "already <STATE>".

  --wait                 Wait until each operation is done (one poller for all of them, with a live
                         progress line on a terminal) and print how it ended. Ctrl-C stops waiting
                         (the cancels stay requested), prints each operation's last known state,
                         and exits 130.
  --timeout <duration>   With --wait: give up after this long, e.g. 30s, 2m, 1h30m, 500ms, or a
                         number of seconds (default: no limit).
--json prints one result per operation (a name given twice, or as a task id and as its full name, is
one operation): {name, ok, already?, error?}; with --wait
{name, outcome, already?, operation} or {name, error}. After Ctrl-C, an operation whose end is not
known is {name, interrupted: true, operation?} (its last known state; exit 130).`,
  get: `Prints each operation's name, state, type, description, progress, times, EECU-seconds, script,
destinations and error, then a line per stage (its work done of its total) and per notification
(SEVERITY topic: detail), at most 20 of each; in the order given, a blank line between operations.
Several names are read with one batch request; one that cannot be read is reported on stderr and the
others still printed. 'info' is the same command under earthengine's name ('earthengine task info');
'all' is refused (use 'list'). --json with one name prints the operation; with several, one
{name, ok, operation} or {name, ok, error} per operation (a name given twice, or as a task id and as
its full name, is one operation).`,
  list: `Prints the project's operations, newest first, one row as soon as its page arrives.

  -s, --status <STATES>  Only operations in these states, comma- or space-separated (-s RUNNING
                         PENDING), any case: PENDING, RUNNING, CANCELLING, SUCCEEDED, CANCELLED,
                         FAILED. Repeated -s options add up.
  -l, --long             Also the start and update times, EECU-seconds, the first destination URI
                         (and how many more) and the error.
  --filter <filter>      A list filter, e.g. 'metadata.state = "RUNNING"' (not with --status).
  --limit <n>            Print at most n operations; no page is fetched past them.
--json prints a JSON array of operations.`,
  wait: `Waits until each operation is done (or, with 'all', every operation of the project not yet
done) and prints how each ended. One poller reads all of them; a live progress line is shown on a
terminal. Ctrl-C stops waiting (the operations go on), prints each one's last known state and exits 130.

  --timeout <duration>   Give up after this long, e.g. 30s, 2m, 1h30m, 500ms, or a number of
                         seconds (default: no limit).
--json with one name prints the operation; with several, one {name, outcome, operation} or
{name, error} per operation (a name given twice, or as a task id and as its full name, is one
operation). After Ctrl-C, an operation not done is {name, interrupted: true, operation?} (its last known
state; exit 130), also for one name.`,
  delete: `Deletes each operation's record (this does not cancel it), one after the other, each operation
once. 'all' is refused. --json prints one {name, ok, error?} per operation.`,
};

const EXIT_CODES = `Exit codes:
  0    Success. 'cancel --wait' also exits 0 when an operation finished SUCCEEDED before the cancel
       took effect (it says so), and 'cancel' when an operation was already done.
  1    An API, network or authentication error, or --timeout elapsed; 'get' of several names
       when any of them could not be read.
  2    A usage error: unknown command or option, missing argument, bad --timeout, --limit or
       --status, 'all' given to get or delete, or a name that is neither a task id nor
       projects/*/operations/**.
  3    An operation ended FAILED (wait, cancel --wait).
  4    An operation ended CANCELLED where success was awaited ('wait').
  130  Interrupted by Ctrl-C (SIGINT).
  With several names every one is processed and reported, and the exit code is the highest.`;

export const HELP: string = `${BIN}: cancel, watch and clean up Google Earth Engine long-running operations
(exports, ingestions) through the projects.operations API, like 'earthengine task'.

usage: ${BIN} <command> [options]
${Object.values(SYNOPSIS)
  .map((s) => `  ${s}`)
  .join("\n")}

A bare task id such as 6XGCJ4JK5QWZ3MZDDAD2CBEP stands for projects/<project>/operations/<id>; an
operation named twice is read, cancelled and reported once.
Run '${BIN} <command> --help' for what each command prints and its options.

${COMMON_OPTIONS}

Authentication:
  The access token is read from EE_ACCESS_TOKEN. When it is unset, the credentials saved by
  'earthengine authenticate' (~/.config/earthengine/credentials) are used, else Application Default
  Credentials, as Earth Engine's own client does; both through google-auth-library (an optional
  dependency: npm install google-auth-library). Neither the token nor the stored refresh token or
  client secret is ever printed: server text that echoes one shows [redacted].

${EXIT_CODES}

Errors are printed on stderr as 'error: <CANONICAL_STATUS>: <message>', usage errors as
'usage: <message>', and a request cut short by Ctrl-C as 'interrupted'.
`;

/** `<bin> <command> --help`. */
export function commandHelp(command: Command): string {
  return `usage: ${SYNOPSIS[command]}

${COMMAND_HELP[command]}

${COMMON_OPTIONS}

${EXIT_CODES}
`;
}

/** What follows `usage: <message>` on stderr. */
export function usageHint(command: string | undefined): string {
  if (command !== undefined && Object.hasOwn(SYNOPSIS, command))
    return `  ${SYNOPSIS[command as Command]}\nRun '${BIN} ${command} --help' for its options.\n`;
  return `  ${BIN} <command> [options]   (commands: ${COMMAND_NAMES.join(", ")})\nRun '${BIN} --help' for the commands, options and exit codes.\n`;
}
