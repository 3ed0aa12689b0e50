// The README's section on the package's CLI (generator/cli-app/, shipped where some version has an
// operations resource). Facts from cli-app's help text; a test keeps the exit codes equal to its EXIT.
import type { ApiModel } from "../model/api-model.js";
import { LEGACY_PROJECT } from "../runtime/headers.js";
import { cliDefaultProject, cliVersions } from "./cli.js";
import { codeSpan, fence, section, table } from "./markdown.js";

/** The CLI's exit codes, as cli-app/errors.ts `EXIT` has them. */
export const CLI_EXIT_CODES: readonly (readonly [code: number, meaning: string])[] = [
  [0, "success; `cancel` of an operation already done also exits 0 (it says `already <STATE>`)"],
  [1, "an API, network or authentication error, or `--timeout` ran out"],
  [2, "a usage error: unknown command or option, missing argument, bad option value or name"],
  [3, "an operation ended FAILED (`wait`, `cancel --wait`)"],
  [4, "`wait`: an operation ended CANCELLED"],
  [130, "interrupted by Ctrl-C (SIGINT)"],
];

/** `## Command line`: commands, options, project and token, `--json`, exit codes. */
export function cliSection(api: ApiModel): string {
  const bin = api.package.bin;
  const versions = cliVersions(api).map((v) => v.version);
  const defaultProject = cliDefaultProject(api);
  // Only Earth Engine's package reads `earthengine authenticate`'s file (cli-app/earthengine-credentials.ts).
  const earthEngine = defaultProject === LEGACY_PROJECT;
  const usage = fence(
    "sh",
    [
      `npx ${bin} --help  # every command; ${bin} <command> --help for one`,
      `${bin} list [-s RUNNING,PENDING | -s RUNNING PENDING] [-l] [--filter <filter>] [--limit <n>]`,
      `${bin} get|info <name|taskId>...`,
      `${bin} cancel <name|taskId>... | all [--wait] [--timeout <duration>]`,
      `${bin} wait <name|taskId>... | all [--timeout <duration>]`,
      `${bin} delete <name|taskId>...`,
      `${bin} --version`,
    ].join("\n"),
  );
  const fallback =
    defaultProject === undefined
      ? "else a usage error where a project is needed (bare task ids, `list`, `all`)"
      : `else ${codeSpan(defaultProject)}, with a \`note:\` on stderr saying so (it is not sent)`;
  return section(
    "## Command line",
    `The package installs ${codeSpan(bin)}, built on the helpers above. A bare task id stands for ` +
      "`projects/<project>/operations/<id>`. `cancel all` cancels the project's PENDING and RUNNING " +
      "operations; `wait all` waits for those not yet done.",
    usage,
    [
      "- `list` prints a row per operation as its page arrives; `-s/--status` filters on states " +
        "(comma- or space-separated; repeated options add up), `-l/--long` adds times, EECU-seconds, " +
        "destinations and the error, `--limit` fetches no page past `n`.",
      "- `get` (also `info`) prints each operation in the order given, with a line per stage (its work " +
        "units) and per notification (`WARNING <topic>: <detail>`, `SEVERE` for a failure), at most 20 each; " +
        "several names are read with one " +
        "`getMany`, and one that cannot be read is reported on stderr (exit 1) while the others are printed. " +
        "`get all` and `delete all` are usage errors.",
      "- `cancel` reads the operations' states first (one `getMany`), cancels those not done with one " +
        "`cancelMany`, and reports the others as `already <STATE>`. `--wait` then waits for them.",
      "- `wait` and `cancel --wait` watch their operations with one loop (one operation: `waitForOperation` " +
        "with `onProgress`; several: one `getMany` a round), with a " +
        "live progress line on a terminal; `--timeout` accepts e.g. `30s`, `2m`, `1h30m`, `500ms` or seconds. " +
        "Ctrl-C clears the line, prints each operation's last known state (after a cancel was sent: that it " +
        "may already have been requested) and exits 130.",
      "- `delete` deletes each operation's record (it does not cancel it).",
    ].join("\n"),
    "Options of every command:",
    [
      "- `--project <id>`: the Cloud project of bare task ids, `list` and `all`. Without it: " +
        "`EARTHENGINE_PROJECT`, else `GOOGLE_CLOUD_PROJECT`, else the credentials' project (" +
        (earthEngine ? "the `project` of `earthengine authenticate`'s credentials file, else " : "") +
        "`quota_project_id`, else `project_id`, of the ADC file: `GOOGLE_APPLICATION_CREDENTIALS`, else " +
        "gcloud's; read only when `EE_ACCESS_TOKEN` is unset), " +
        `${fallback}. A project found this way is sent as \`x-goog-user-project\`.`,
      `- \`--api-version <v>\`: ${versions.map(codeSpan).join(", ")} (default ${codeSpan(versions[0]!)}).`,
      `- \`--endpoint <url>\`: the service root (default ${codeSpan(api.baseUrl)}), e.g. a local emulator's.`,
      "- `--json`: JSON only, on stdout: the operation (`get`, `wait` of one name), an array (`list`), or " +
        "one result per operation (several names of `get`: `{name, ok, operation}` or `{name, ok, error}`; " +
        "`cancel`: `{name, ok, already?, error?}`; several names of `wait` and `cancel --wait`: " +
        "`{name, outcome, already?, operation}` or `{name, error}`). After Ctrl-C, an operation whose end " +
        "is not known is `{name, interrupted: true, operation?}`.",
    ].join("\n"),
    "The access token comes from `EE_ACCESS_TOKEN`; when it is unset, " +
      (earthEngine
        ? "from the OAuth credentials `earthengine authenticate` saved in `~/.config/earthengine/credentials`, " +
          "as Earth Engine's own client reads them first, else "
        : "") +
      "from Application Default Credentials, through `fromGoogleAuth`, which needs `google-auth-library`. " +
      "No token or secret is printed (one under 8 characters is no real credential and is not redacted). " +
      "Errors go to stderr as `error: <STATUS>: <message>`, usage errors as `usage: <message>`.",
    table(
      ["exit code", "meaning"],
      CLI_EXIT_CODES.map(([code, meaning]) => [String(code), meaning]),
    ),
    "With several names each one is run and reported, and the exit code is the highest. A name given twice " +
      "(or as a task id and as its full name) is one operation, run and reported once.",
  );
}
