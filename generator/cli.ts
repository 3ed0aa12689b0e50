import { parseArgs } from "node:util";
import { SpecError } from "./load/spec-error.js";
import { terminalText } from "./terminal-text.js";

const HELP = `Usage: ee-operations-generate [generate|check] [options]

  generate   write the client package from the spec (default)
  check      exit 1, listing each differing file, when the package is stale

Options:
  --spec DIR   folder of <version>.yaml files   (default: spec)
  --out DIR    folder of the generated package  (default: generated)
  --watch      with generate: regenerate on every change under --spec, until Ctrl-C;
               a broken spec is reported and the last good output kept
  --full       with check: regenerate in memory and compare bytes, without the quick answer
               from the cache (also when CI=true)
  -h, --help   show this help
`;

const OPTIONS = {
  spec: { type: "string", default: "spec" },
  out: { type: "string", default: "generated" },
  help: { type: "boolean", short: "h" },
  watch: { type: "boolean" },
  full: { type: "boolean" },
} as const;

interface Command {
  command: "generate" | "check" | "help";
  specDir: string;
  outDir: string;
  watch: boolean;
  full: boolean;
}

/** Every line printed goes through here: spec text never reaches the terminal raw. */
const say = (line: string) => process.stdout.write(`${terminalText(line)}\n`);
const complain = (line: string) => process.stderr.write(`${terminalText(line)}\n`);

/** The command line, or a usage error (a string). */
function parse(argv: string[]): Command | string {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    return (error as Error).message;
  }
  const { values, positionals } = parsed;
  const command = positionals[0] ?? "generate";
  if (values.help) return { command: "help", specDir: "", outDir: "", watch: false, full: false };
  if (positionals.length > 1 || (command !== "generate" && command !== "check"))
    return `unknown command: ${positionals.join(" ")}`;
  if (values.watch && command !== "generate") return "--watch works with generate only";
  if (values.full && command !== "check") return "--full works with check only";
  const full = command === "check" && (values.full === true || process.env.CI === "true");
  return { command, specDir: values.spec!, outDir: values.out!, watch: values.watch === true, full };
}

async function main(argv: string[]): Promise<number> {
  const cmd = parse(argv);
  if (typeof cmd === "string") {
    complain(cmd);
    process.stderr.write(`\n${HELP}`);
    return 2;
  }
  if (cmd.command === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  if (cmd.watch) return watch(cmd);
  const started = performance.now();
  const ms = () => Math.round(performance.now() - started);
  const upToDate = `check: ${cmd.outDir}/ is up to date with ${cmd.specDir}/`;

  // The quick answer: this generator already made exactly what --out holds from these same inputs.
  const { inputsHash } = await import("./manifest.js");
  const inputs = await inputsHash(cmd.specDir).catch(() => undefined);
  if (inputs !== undefined && !cmd.full) {
    const record = await (await import("./output-memo.js")).upToDate(cmd.outDir, inputs);
    if (record) {
      say(
        cmd.command === "check"
          ? `${upToDate} (${ms()} ms)`
          : `generate: ${record.versions.length} versions (${record.versions.join(", ")}), ${record.methods} methods: 0 files written, ${record.files} unchanged (${ms()} ms)`,
      );
      return 0;
    }
  }

  const api = await (await import("./startup.js")).startGenerator(cmd.specDir, true);
  const { generate, check, summary } = await import("./generate.js");
  const options = { specDir: cmd.specDir, outDir: cmd.outDir, inputs, api };
  if (cmd.command === "check") {
    const diffs = await check(options);
    if (diffs.length === 0) {
      say(`${upToDate} (${ms()} ms${cmd.full ? ", full" : ""})`);
      return 0;
    }
    complain(`check: ${cmd.outDir}/ is stale; run \`npm run generate\`:`);
    for (const d of diffs) complain(`  ${d.change.padEnd(7)} ${cmd.outDir}/${d.path}`);
    return 1;
  }
  const result = await generate(options);
  const { versions, methods } = summary(result.api);
  say(
    `generate: ${versions.length} versions (${versions.join(", ")}), ` +
      `${methods} methods: ${result.written.length} files written, ${result.unchanged.length} unchanged` +
      `${result.removed.length ? `, ${result.removed.length} removed` : ""} (${ms()} ms)`,
  );
  return 0;
}

/** generate --watch: until SIGINT or SIGTERM, which end it at once, even mid-run. */
async function watch(cmd: Command): Promise<number> {
  const stopped = new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  const first = (async () => {
    await (await import("./startup.js")).startGenerator(cmd.specDir, false);
    const { generate } = await import("./generate.js");
    const options = { specDir: cmd.specDir, outDir: cmd.outDir };
    await generate(options).then(
      (r) =>
        say(
          `generate: ${r.written.length} files written, ${r.unchanged.length} unchanged; watching ${cmd.specDir}/ (Ctrl-C to stop)`,
        ),
      (error: Error) => say(`error: ${error.message} (watching ${cmd.specDir}/ for a fix)`),
    );
    return (await import("./watch.js")).watchSpec(options, say);
  })();
  const stop = await Promise.race([first, stopped]);
  if (typeof stop === "function") {
    await stopped;
    stop();
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    // Stack traces only on request: the message already says what and where.
    const debug = process.env.EE_DEBUG && !(error instanceof SpecError);
    for (const line of `error: ${debug ? (error as Error).stack : (error as Error).message}`.split("\n"))
      complain(line);
    process.exit(1);
  },
);
