// The texts of `ee-operations --help` and of a usage error.

export const USAGE: string = `usage: ee-operations <command> [options]
  ee-operations cancel <name|taskId>... [--wait] [--timeout <duration>]
  ee-operations get <name|taskId>
  ee-operations list [--filter <filter>] [--limit <n>]
  ee-operations wait <name|taskId> [--timeout <duration>]
  ee-operations delete <name|taskId>...
Run 'ee-operations --help' for the options and exit codes.`;

export const HELP: string = `ee-operations: cancel, watch and clean up Google Earth Engine long-running operations
(exports, ingestions) through the projects.operations API.

usage: ee-operations <command> [options]

Commands:
  cancel <name|taskId>...   Ask the server to cancel each operation. With --wait, wait until each is
                            done and print how it ended.
  get <name|taskId>         Print one operation's state, type, description, progress and times.
  list                      Print the project's operations, newest first, as a table.
  wait <name|taskId>        Wait until the operation is done and print how it ended.
  delete <name|taskId>...   Delete each operation's record (this does not cancel it).

A bare task id such as 6XGCJ4JK5QWZ3MZDDAD2CBEP stands for
projects/<project>/operations/6XGCJ4JK5QWZ3MZDDAD2CBEP.

Options:
  --project <id>         Project of bare task ids, and whose operations 'list' shows
                         (default: earthengine-legacy).
  --api-version <v>      v1, v1beta or v1alpha (default: v1).
  --endpoint <url>       Service root (default: https://earthengine.googleapis.com).
  --json                 Print JSON only, on stdout: the operation (get, wait), an array of
                         operations (list) or one result per name (cancel, delete).
  --wait                 cancel: wait until each operation is done.
  --timeout <duration>   wait, cancel --wait: give up after this long, e.g. 30s, 2m, 500ms, or a
                         number of seconds (default: no limit).
  --filter <filter>      list: a list filter, e.g. 'metadata.state = "RUNNING"'.
  --limit <n>            list: print at most n operations.
  -h, --help             Print this help.

While waiting, a live progress line is shown on stderr when it is a terminal, plain lines otherwise
(none with --json).

Authentication:
  The access token is read from EE_ACCESS_TOKEN. When it is unset, Application Default Credentials
  are used through google-auth-library (an optional dependency: npm install google-auth-library),
  asking for the https://www.googleapis.com/auth/earthengine scope. The token is never printed.

Exit codes:
  0  Success. 'cancel --wait' also exits 0 when an operation finished SUCCEEDED before the cancel
     took effect (it prints "SUCCEEDED (finished before the cancel took effect)").
  1  An API, network or authentication error, or --timeout elapsed.
  2  A usage error: unknown command or option, missing argument, bad --timeout or --limit, or a
     name that is neither a task id nor projects/*/operations/**.
  3  An operation ended FAILED.
  4  An operation ended CANCELLED where success was awaited ('wait').
  With several names every one is processed and reported, and the exit code is the highest.

Errors are printed on stderr as 'error: <CANONICAL_STATUS>: <message>', e.g.
  error: NOT_FOUND: Operation projects/my-project/operations/ABC not found.
`;
