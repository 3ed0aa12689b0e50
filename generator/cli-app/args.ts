// The command line: `node:util` parseArgs, then per-command checks. Throws UsageError.
import { parseArgs } from "node:util";
import { UsageError } from "./errors.js";

export type Command = "cancel" | "get" | "list" | "wait" | "delete";
export type ApiVersion = "v1" | "v1beta" | "v1alpha";

/** A checked command line. */
export interface Invocation {
  command: Command;
  /** Names or task ids, as typed. */
  targets: string[];
  project: string;
  apiVersion: ApiVersion;
  endpoint: string | undefined;
  json: boolean;
  wait: boolean;
  filter: string | undefined;
  limit: number | undefined;
  timeoutMs: number | undefined;
}

export type CommandLine = { help: true } | { help: false; invocation: Invocation };

const COMMANDS: Record<Command, { min: number; max: number; options: readonly string[] }> = {
  cancel: { min: 1, max: Infinity, options: ["wait", "timeout"] },
  get: { min: 1, max: 1, options: [] },
  list: { min: 0, max: 0, options: ["filter", "limit"] },
  wait: { min: 1, max: 1, options: ["timeout"] },
  delete: { min: 1, max: Infinity, options: [] },
};
const VERSIONS: readonly ApiVersion[] = ["v1", "v1beta", "v1alpha"];

const OPTIONS = {
  project: { type: "string" },
  "api-version": { type: "string" },
  endpoint: { type: "string" },
  json: { type: "boolean" },
  wait: { type: "boolean" },
  timeout: { type: "string" },
  filter: { type: "string" },
  limit: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export function parseCommandLine(argv: readonly string[]): CommandLine {
  let parsed: ReturnType<
    typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>
  >;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) throw new UsageError((error as Error).message);
    throw error;
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };

  const [word, ...targets] = positionals;
  if (word === undefined) throw new UsageError("missing command (cancel, get, list, wait or delete)");
  if (!Object.hasOwn(COMMANDS, word))
    throw new UsageError(`unknown command '${word}' (expected cancel, get, list, wait or delete)`);
  const command = word as Command;
  const spec = COMMANDS[command];
  if (targets.length < spec.min) throw new UsageError(`${command}: missing operation name or task id`);
  if (targets.length > spec.max) {
    throw new UsageError(
      spec.max === 0
        ? `${command} takes no operation names`
        : `${command} takes one operation name or task id, got ${targets.length}`,
    );
  }
  for (const option of ["wait", "timeout", "filter", "limit"] as const) {
    if (values[option] !== undefined && !spec.options.includes(option))
      throw new UsageError(`--${option} does not apply to ${command}`);
  }
  if (command === "cancel" && values.timeout !== undefined && !values.wait)
    throw new UsageError("cancel: --timeout needs --wait");

  const apiVersion = values["api-version"] ?? "v1";
  if (!VERSIONS.includes(apiVersion as ApiVersion))
    throw new UsageError(`--api-version must be v1, v1beta or v1alpha, got '${apiVersion}'`);
  const endpoint = values.endpoint;
  if (endpoint !== undefined && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(endpoint)) {
    throw new UsageError(`--endpoint must be an http(s) URL without query or fragment, got '${endpoint}'`);
  }
  const project = values.project ?? "earthengine-legacy";
  if (!/^[^/\s]+$/.test(project)) throw new UsageError(`--project must be a project id, got '${project}'`);

  return {
    help: false,
    invocation: {
      command,
      targets,
      project,
      apiVersion: apiVersion as ApiVersion,
      endpoint,
      json: values.json ?? false,
      wait: values.wait ?? false,
      filter: values.filter,
      limit: values.limit === undefined ? undefined : parseLimit(values.limit),
      timeoutMs: values.timeout === undefined ? undefined : parseDuration(values.timeout),
    },
  };
}

function parseLimit(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`--limit must be a positive integer, got '${text}'`);
  return n;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `30s`, `2m`, `500ms`, `1h`, or plain seconds (`45`, `1.5`), as milliseconds > 0. */
export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?|\.\d+)(ms|s|m|h)?$/.exec(text.trim());
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] ?? "s"]! : NaN;
  if (!(Number.isFinite(ms) && ms >= 1 && ms <= 2 ** 31 - 1)) {
    throw new UsageError(`--timeout must be a duration such as 30s, 2m, 500ms or a number of seconds, got '${text}'`);
  }
  return Math.round(ms);
}
