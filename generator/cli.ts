import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { SpecError } from "./load/spec-error.js";

const HELP = `Usage: ee-operations-generate [generate|check] [options]

  generate   write the client package from the spec (default)
  check      exit 1, listing each differing file, when the package is stale

Options:
  --spec DIR   folder of <version>.yaml files   (default: spec)
  --out DIR    folder of the generated package  (default: generated)
  --watch      with generate: regenerate on every change under --spec, until Ctrl-C;
               a broken spec is reported and the last good output kept
  -h, --help   show this help
`;

const OPTIONS = {
  spec: { type: "string", default: "spec" },
  out: { type: "string", default: "generated" },
  help: { type: "boolean", short: "h" },
  watch: { type: "boolean" },
} as const;

async function main(argv: string[]): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>>;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const command = positionals[0] ?? "generate";
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (positionals.length > 1 || (command !== "generate" && command !== "check")) {
    process.stderr.write(`unknown command: ${positionals.join(" ")}\n\n${HELP}`);
    return 2;
  }
  const options: { specDir: string; outDir: string; inputs?: string } = { specDir: values.spec!, outDir: values.out! };
  const started = performance.now();
  // Nothing changed since the last run: answer from the manifest without loading the generator.
  if (!values.watch) {
    const { inputsHash, upToDate } = await import("./manifest.js");
    const inputs = await inputsHash(options.specDir).catch(() => undefined);
    const manifest = inputs === undefined ? undefined : await upToDate(options.outDir, inputs);
    options.inputs = inputs; // reused by a full run below
    if (manifest) {
      const ms = Math.round(performance.now() - started);
      const files = Object.keys(manifest.files).length + 1;
      process.stdout.write(
        command === "check"
          ? `check: ${options.outDir}/ is up to date with ${options.specDir}/ (${ms} ms)\n`
          : `generate: ${manifest.versions.length} versions (${manifest.versions.join(", ")}), ${manifest.methods} methods: 0 files written, ${files} unchanged (${ms} ms)\n`,
      );
      return 0;
    }
  }
  // openapi-typescript starts up on its own thread, and gets the documents to convert, while this one
  // loads ts-morph. (Watch mode reads the spec itself, so that a broken one is reported, not fatal.)
  const { startTypesThread, typesFile } = await import("./emit/types.js");
  startTypesThread();
  const api = values.watch ? undefined : await (await import("./model/api.js")).apiModel(options.specDir);
  for (const version of api?.versions ?? []) typesFile(version).catch(() => {}); // awaited by generate
  createRequire(import.meta.url)("./code-cache.cjs").requireTsMorph(); // what generate.js imports first
  const { generate, check } = await import("./generate.js");
  if (command === "check") {
    const diffs = await check({ ...options, api });
    const ms = Math.round(performance.now() - started);
    if (diffs.length === 0) {
      process.stdout.write(`check: ${options.outDir}/ is up to date with ${options.specDir}/ (${ms} ms)\n`);
      return 0;
    }
    process.stderr.write(`check: ${options.outDir}/ is stale; run \`npm run generate\`:\n`);
    for (const d of diffs) process.stderr.write(`  ${d.change.padEnd(7)} ${options.outDir}/${d.path}\n`);
    return 1;
  }
  if (values.watch) {
    if (command !== "generate") {
      process.stderr.write(`--watch works with generate only\n\n${HELP}`);
      return 2;
    }
    const { watchSpec } = await import("./watch.js");
    const say = (line: string) => process.stdout.write(`${line}\n`);
    await generate(options).then(
      (r) =>
        say(
          `generate: ${r.written.length} files written, ${r.unchanged.length} unchanged; watching ${options.specDir}/ (Ctrl-C to stop)`,
        ),
      (error: Error) => say(`error: ${error.message} (watching ${options.specDir}/ for a fix)`),
    );
    const stop = watchSpec(options, say);
    await new Promise<void>((resolve) => {
      process.once("SIGINT", resolve);
      process.once("SIGTERM", resolve);
    });
    stop();
    return 0;
  }
  const result = await generate({ ...options, api });
  const ms = Math.round(performance.now() - started);
  const methods = result.api.versions.reduce((n, v) => n + v.methods.length, 0);
  process.stdout.write(
    `generate: ${result.api.versions.length} versions (${result.api.versions.map((v) => v.version).join(", ")}), ` +
      `${methods} methods: ${result.written.length} files written, ${result.unchanged.length} unchanged` +
      `${result.removed.length ? `, ${result.removed.length} removed` : ""} (${ms} ms)\n`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    // Stack traces only on request: the message already says what and where.
    process.stderr.write(
      `error: ${process.env.EE_DEBUG && !(error instanceof SpecError) ? (error as Error).stack : (error as Error).message}\n`,
    );
    process.exit(1);
  },
);
