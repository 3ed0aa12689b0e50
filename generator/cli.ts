import { parseArgs } from "node:util";
import { SpecError } from "./load/spec-error.js";

const HELP = `Usage: ee-operations-generate [generate|check] [options]

  generate   write the client package from the spec (default)
  check      exit 1, listing each differing file, when the package is stale

Options:
  --spec DIR   folder of <version>.yaml files   (default: spec)
  --out DIR    folder of the generated package  (default: generated)
  -h, --help   show this help
`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        spec: { type: "string", default: "spec" },
        out: { type: "string", default: "generated" },
        help: { type: "boolean", short: "h" },
      },
    });
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
  const options = { specDir: values.spec!, outDir: values.out! };
  const started = performance.now();
  const { generate, check } = await import("./generate.js");
  if (command === "check") {
    const diffs = await check(options);
    const ms = Math.round(performance.now() - started);
    if (diffs.length === 0) {
      process.stdout.write(`check: ${options.outDir}/ is up to date with ${options.specDir}/ (${ms} ms)\n`);
      return 0;
    }
    process.stderr.write(`check: ${options.outDir}/ is stale; run \`npm run generate\`:\n`);
    for (const d of diffs) process.stderr.write(`  ${d.change.padEnd(7)} ${options.outDir}/${d.path}\n`);
    return 1;
  }
  const result = await generate(options);
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
    process.stderr.write(`error: ${process.env.EE_DEBUG && !(error instanceof SpecError) ? (error as Error).stack : (error as Error).message}\n`);
    process.exit(1);
  },
);
