// The command line: `node:util` parseArgs, then per-command checks. Throws UsageError.
import { parseArgs } from "node:util";
import { OPERATION_STATES, type OperationState } from "ee-operations-client";
import { UsageError } from "./errors.js";
import { truncate } from "./format.js";
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

/** The options that only some commands take (COMMANDS says which). */
const COMMAND_OPTIONS = ["wait", "timeout", "filter", "limit", "status", "long"] as const;
type Option = (typeof COMMAND_OPTIONS)[number];

const COMMANDS: Record<Command, { min: number; max: number; all: boolean; options: readonly Option[] }> = {
  cancel: { min: 1, max: Infinity, all: true, options: ["wait", "timeout"] },
  get: { min: 1, max: Infinity, all: false, options: [] },
  list: { min: 0, max: 0, all: false, options: ["filter", "limit", "status", "long"] },
  wait: { min: 1, max: Infinity, all: true, options: ["timeout"] },
  delete: { min: 1, max: Infinity, all: false, options: [] },
};
/** Other names of commands: `info` is `earthengine task info`'s name for `get`. */
export const ALIASES: Readonly<Record<string, Command>> = { info: "get" };
/** Every word that names a command, aliases included (for messages). */
export const COMMAND_NAMES: readonly string[] = [...Object.keys(COMMANDS), ...Object.keys(ALIASES)];

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
  status: { type: "string", short: "s", multiple: true },
  long: { type: "boolean", short: "l" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" },
} as const;

const isState = (text: string): text is OperationState => (OPERATION_STATES as readonly string[]).includes(text);
const isCommand = (word: string | undefined): word is Command => word !== undefined && Object.hasOwn(COMMANDS, word);
/** The command a word names, aliases resolved; undefined for any other word. */
const commandOf = (word: string | undefined): Command | undefined =>
  isCommand(word) ? word : word !== undefined && Object.hasOwn(ALIASES, word) ? ALIASES[word] : undefined;

export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true; tokens: true }>
  >;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      const word = argv.map(commandOf).find((c) => c !== undefined);
      throw new UsageError((error as Error).message, word);
    }
    throw error;
  }
  const { values } = parsed;
  const { positionals, statusWords } = splitPositionals(parsed.tokens);
  const [word, ...targets] = positionals;
  if (word === "help") {
    const topic = targets[0];
    if (targets.length > 1 || (topic !== undefined && commandOf(topic) === undefined))
      throw new UsageError(`help takes one command name (${COMMAND_NAMES.join(", ")})`);
    return { kind: "help", command: commandOf(topic) };
  }
  if (values.help) return { kind: "help", command: commandOf(word) };
  if (values.version) return { kind: "version" };

  if (word === undefined) throw new UsageError(`missing command (${COMMAND_NAMES.join(", ")})`);
  const command = commandOf(word);
  if (command === undefined) throw new UsageError(`unknown command '${word}' (expected ${COMMAND_NAMES.join(", ")})`);
  const spec = COMMANDS[command];
  if (!spec.all && targets.includes("all")) {
    // Deleting or reading every operation should not be one word away; `list` shows them all.
    throw new UsageError(
      command === "delete"
        ? "delete does not take 'all': name each operation to delete"
        : `${word} does not take 'all': 'list' shows every operation`,
      command,
    );
  }
  const all = spec.all && targets.includes("all");
  if (all && targets.length > 1) throw new UsageError(`${command} all takes no other names`, command);
  if (targets.length < spec.min) throw new UsageError(`${word}: missing operation name or task id`, command);
  if (targets.length > spec.max) {
    // Only `list` has a maximum: its words are states when they follow -s/--status.
    throw new UsageError(
      `${command} takes no operation names, got ${quote(targets[0]!)} (states go after -s/--status)`,
      command,
    );
  }
  for (const option of COMMAND_OPTIONS) {
    if (values[option] !== undefined && !spec.options.includes(option))
      throw new UsageError(`--${option} does not apply to ${word}`, command);
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
      states: values.status === undefined ? undefined : parseStateWords([...values.status, ...statusWords]),
      long: values.long ?? false,
      limit: values.limit === undefined ? undefined : parseLimit(values.limit),
      timeoutMs: values.timeout === undefined ? undefined : parseDuration(values.timeout, command),
    },
  };
}

/**
 * The command line's positional words, and those that follow a `-s/--status` value (earthengine's
 * `-s RUNNING PENDING`): more states, checked as such. The first positional is always the command.
 */
function splitPositionals(tokens: readonly { kind: string; name?: string; value?: string | undefined }[]): {
  positionals: string[];
  statusWords: string[];
} {
  const positionals: string[] = [];
  const statusWords: string[] = [];
  let afterStatus = false;
  for (const token of tokens) {
    if (token.kind === "option") afterStatus = token.name === "status";
    else if (token.kind !== "positional") afterStatus = false;
    else if (afterStatus && positionals.length > 0) statusWords.push(token.value!);
    else positionals.push(token.value!);
  }
  return { positionals, statusWords };
}

/** Every `--status` value (repeated options and space-separated words combine), duplicates dropped. */
export function parseStateWords(words: readonly string[]): [OperationState, ...OperationState[]] {
  const states = new Set(words.flatMap((word) => parseStates(word)));
  return [...states] as [OperationState, ...OperationState[]];
}

/** `RUNNING,PENDING` (any case, spaces allowed) → the states, each checked against the spec's enum. */
export function parseStates(text: string): [OperationState, ...OperationState[]] {
  const states: OperationState[] = [];
  for (const part of text.split(",")) {
    const word = part.trim().toUpperCase();
    if (!isState(word)) {
      const hint = Object.hasOwn(LEGACY_STATES, word) ? `; did you mean ${LEGACY_STATES[word]}?` : "";
      const shown = quote(part.trim());
      throw new UsageError(`--status: ${shown} is not a state (${OPERATION_STATES.join(", ")})${hint}`, "list");
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

// A number, then its unit, each unit at most once and largest first: `1h30m`, `2m30s`, `1m500ms`.
const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
const COMPOUND = new RegExp(`^(?:${NUMBER}h)?(?:${NUMBER}m)?(?:${NUMBER}s)?(?:${NUMBER}ms)?$`);
const UNITS_MS = [3_600_000, 60_000, 1000, 1] as const;
const SECONDS = new RegExp(`^${NUMBER}$`);
/** The longest a timer waits: setTimeout fires at once for more than 2^31−1 ms. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * `30s`, `2m`, `500ms`, `1h`, compounds such as `1h30m` or `1m500ms`, or plain seconds (`45`, `1.5`),
 * as milliseconds in [1, 2^31−1].
 */
export function parseDuration(text: string, command?: Command): number {
  const trimmed = text.trim();
  const plain = SECONDS.exec(trimmed);
  const parts = plain || trimmed === "" ? null : COMPOUND.exec(trimmed);
  const ms = plain
    ? Number(plain[1]) * 1000
    : parts
      ? UNITS_MS.reduce((sum, unit, i) => sum + Number(parts[i + 1] ?? 0) * unit, 0)
      : NaN;
  const problem = Number.isNaN(ms)
    ? "such as 30s, 2m, 1h30m, 500ms or a number of seconds"
    : ms < 1
      ? "of at least 1ms"
      : ms > MAX_TIMEOUT_MS
        ? "of at most 596h31m23s (the longest a timer can wait)"
        : undefined;
  if (problem) throw new UsageError(`--timeout must be a duration ${problem}, got ${quote(text)}`, command);
  return Math.round(ms);
}

/** User input quoted in a message, cut short (the message is made terminal-safe where it is printed). */
const quote = (text: string): string => `'${truncate(text, 40)}'`;
