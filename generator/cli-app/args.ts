// The command line: `node:util` parseArgs, then per-command checks. Throws UsageError.
import { parseArgs } from "node:util";
import type { OperationState } from "ee-operations-client";
import { UsageError } from "./errors.js";
import { isState, STATES, truncate } from "./format.js";
import { CLI_VERSIONS, type CliVersion, DEFAULT_VERSION } from "./service.js";

export type Command = "cancel" | "get" | "list" | "wait" | "delete";

/** A checked command line. */
export interface Invocation {
  command: Command;
  /** Names or task ids, as typed; empty with `all`. */
  targets: string[];
  /** `cancel all` / `wait all`: the project's operations that are not done. */
  all: boolean;
  /** --project, when given (see project.ts for the other sources). */
  project: string | undefined;
  apiVersion: CliVersion;
  endpoint: string | undefined;
  json: boolean;
  wait: boolean;
  filter: string | undefined;
  /** list --status/-s: the states to show. */
  states: [OperationState, ...OperationState[]] | undefined;
  long: boolean;
  limit: number | undefined;
  timeoutMs: number | undefined;
}

export type CommandLine =
  | { kind: "help"; command: Command | undefined }
  | { kind: "version" }
  | { kind: "run"; invocation: Invocation };

type Option = "wait" | "timeout" | "filter" | "limit" | "status" | "long";

const COMMANDS: Record<Command, { min: number; max: number; all: boolean; options: readonly Option[] }> = {
  cancel: { min: 1, max: Infinity, all: true, options: ["wait", "timeout"] },
  get: { min: 1, max: 1, all: false, options: [] },
  list: { min: 0, max: 0, all: false, options: ["filter", "limit", "status", "long"] },
  wait: { min: 1, max: Infinity, all: true, options: ["timeout"] },
  delete: { min: 1, max: Infinity, all: false, options: [] },
};
export const COMMAND_NAMES: readonly Command[] = Object.keys(COMMANDS) as Command[];

// Task states of the older Earth Engine task API, which `earthengine task list` users may type.
const LEGACY_STATES: Readonly<Record<string, OperationState>> = {
  READY: "PENDING",
  COMPLETED: "SUCCEEDED",
  CANCEL_REQUESTED: "CANCELLING",
};

const OPTIONS = {
  project: { type: "string" },
  "api-version": { type: "string" },
  endpoint: { type: "string" },
  json: { type: "boolean" },
  wait: { type: "boolean" },
  timeout: { type: "string" },
  filter: { type: "string" },
  limit: { type: "string" },
  status: { type: "string", short: "s" },
  long: { type: "boolean", short: "l" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
} as const;

const isCommand = (word: string | undefined): word is Command => word !== undefined && Object.hasOwn(COMMANDS, word);

export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      const word = argv.find((a) => isCommand(a));
      throw new UsageError((error as Error).message, word);
    }
    throw error;
  }
  const { values, positionals } = parsed;
  const [word, ...targets] = positionals;
  if (word === "help") {
    const topic = targets[0];
    if (targets.length > 1 || (topic !== undefined && !isCommand(topic)))
      throw new UsageError(`help takes one command name (${COMMAND_NAMES.join(", ")})`);
    return { kind: "help", command: topic };
  }
  if (values.help) return { kind: "help", command: isCommand(word) ? word : undefined };
  if (values.version) return { kind: "version" };

  if (word === undefined) throw new UsageError(`missing command (${COMMAND_NAMES.join(", ")})`);
  if (!isCommand(word)) throw new UsageError(`unknown command '${word}' (expected ${COMMAND_NAMES.join(", ")})`);
  const command = word;
  const spec = COMMANDS[command];
  const all = spec.all && targets.includes("all");
  if (all && targets.length > 1) throw new UsageError(`${command} all takes no other names`, command);
  if (targets.length < spec.min) throw new UsageError(`${command}: missing operation name or task id`, command);
  if (targets.length > spec.max) {
    throw new UsageError(
      spec.max === 0
        ? `${command} takes no operation names`
        : `${command} takes one operation name or task id, got ${targets.length}`,
      command,
    );
  }
  for (const option of ["wait", "timeout", "filter", "limit", "status", "long"] as const) {
    if (values[option] !== undefined && !spec.options.includes(option))
      throw new UsageError(`--${option} does not apply to ${command}`, command);
  }
  if (command === "cancel" && values.timeout !== undefined && !values.wait)
    throw new UsageError("cancel: --timeout needs --wait", command);
  if (values.status !== undefined && values.filter !== undefined)
    throw new UsageError("--status and --filter cannot be combined: write the states into --filter", command);

  const apiVersion = values["api-version"] ?? DEFAULT_VERSION;
  if (!(CLI_VERSIONS as readonly string[]).includes(apiVersion))
    throw new UsageError(`--api-version must be ${CLI_VERSIONS.join(", ")}; got '${apiVersion}'`, command);
  const endpoint = values.endpoint;
  if (endpoint !== undefined && !/^https?:\/\/[^/?#\s@]+(\/[^?#\s]*)?$/.test(endpoint)) {
    throw new UsageError(
      "--endpoint must be an http(s) URL without user info, query or fragment, e.g. http://127.0.0.1:8080",
      command,
    );
  }

  return {
    kind: "run",
    invocation: {
      command,
      targets: all ? [] : targets,
      all,
      project: values.project,
      apiVersion: apiVersion as CliVersion,
      endpoint,
      json: values.json ?? false,
      wait: values.wait ?? false,
      filter: values.filter,
      states: values.status === undefined ? undefined : parseStates(values.status),
      long: values.long ?? false,
      limit: values.limit === undefined ? undefined : parseLimit(values.limit),
      timeoutMs: values.timeout === undefined ? undefined : parseDuration(values.timeout),
    },
  };
}

/** `RUNNING,PENDING` (any case, spaces allowed) → the states, each checked against the spec's enum. */
export function parseStates(text: string): [OperationState, ...OperationState[]] {
  const states: OperationState[] = [];
  for (const part of text.split(",")) {
    const word = part.trim().toUpperCase();
    if (!isState(word)) {
      const hint = Object.hasOwn(LEGACY_STATES, word) ? `; did you mean ${LEGACY_STATES[word]}?` : "";
      const shown = quote(part.trim());
      throw new UsageError(`--status: ${shown} is not a state (${STATES.join(", ")})${hint}`, "list");
    }
    if (!states.includes(word)) states.push(word);
  }
  return states as [OperationState, ...OperationState[]];
}

function parseLimit(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`--limit must be a positive integer, got ${quote(text)}`, "list");
  return n;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `30s`, `2m`, `500ms`, `1h`, or plain seconds (`45`, `1.5`), as milliseconds in [1, 2^31−1]. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?|\.\d+)(ms|s|m|h)?$/.exec(text.trim());
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] ?? "s"]! : NaN;
  if (!(Number.isFinite(ms) && ms >= 1 && ms <= 2 ** 31 - 1)) {
    throw new UsageError(
      `--timeout must be a duration such as 30s, 2m, 500ms or a number of seconds, got ${quote(text)}`,
    );
  }
  return Math.round(ms);
}

/** User input quoted in a message, cut short (the message is made terminal-safe where it is printed). */
const quote = (text: string): string => `'${truncate(text, 40)}'`;
