// The README's demo: start the emulator, create a few operations, cancel one with cancelAndWait, list
// them, then run the package's CLI (`ee-operations`) against the same emulator as child processes,
// print the outcome, stop. Uses the generated package exactly as an application would.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createEarthEngineClient, operationName } from "ee-operations-client";
import { startEmulator } from "../emulator/index.js";

// The emulator accepts any bearer token; the CLI reads it from EE_ACCESS_TOKEN.
const TOKEN = "demo-token";

/** The package's `ee-operations` bin, run with this Node as a user's shell would run it. */
async function eeOperations(args: string[]): Promise<{ stdout: string; stderr: string }> {
  const pkgJson = fileURLToPath(import.meta.resolve("ee-operations-client/package.json"));
  const { bin } = JSON.parse(await readFile(pkgJson, "utf8"));
  const main = join(dirname(pkgJson), bin["ee-operations"]);
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, EE_ACCESS_TOKEN: TOKEN };
  return promisify(execFile)(process.execPath, [main, ...args], { env, timeout: 20_000 });
}

const emulator = await startEmulator({ clock: "real" });
try {
  console.log(`emulator listening on ${emulator.url}`);
  const seeds = [
    { id: "DEMOEXPORTIMAGE000000001", type: "EXPORT_IMAGE", description: "Landsat 9 composite", runMs: 30_000 },
    { id: "DEMOEXPORTTABLE000000002", type: "EXPORT_TABLE", description: "Field boundaries", runMs: 200 },
    {
      id: "DEMOINGESTIMAGE000000003",
      type: "INGEST_IMAGE",
      description: "Drone mosaic",
      pendingMs: 60_000,
      cancelMs: 1_500,
    },
  ];
  const ids: string[] = [];
  for (const seed of seeds) {
    ids.push(emulator.seed(seed).name.split("/").pop()!);
    // A few ms apart, so that listings (newest first) come in one order.
    await sleep(5);
  }
  console.log(`created ${ids.length} operations: ${ids.join(", ")}`);

  const ee = createEarthEngineClient({ version: "v1", baseUrl: emulator.url, accessToken: async () => TOKEN });
  const target = operationName(ids[0]!);
  const { outcome, operation } = await ee.cancelAndWait(target, { timeoutMs: 10_000, pollIntervalMs: 50 });
  console.log(
    `cancelAndWait ${target} → ${outcome} (state ${operation.metadata?.state}, error.code ${operation.error?.code})`,
  );

  await ee.waitForOperation(operationName(ids[1]!), { timeoutMs: 10_000, pollIntervalMs: 50 });
  console.log("\nID                        STATE       TYPE          DESCRIPTION");
  for await (const op of ee.listOperations("projects/earthengine-legacy", { pageSize: 2 })) {
    const m = op.metadata ?? {};
    console.log(
      `${op.name!.split("/").pop()!.padEnd(26)}${String(m.state).padEnd(12)}${String(m.type).padEnd(14)}${m.description}`,
    );
  }

  // The same operations through the CLI. Its stderr (a note on the project, progress lines) is shown too.
  let cliOk = true;
  for (const args of [
    ["list", "--endpoint", emulator.url],
    ["cancel", ids[2]!, "--wait", "--endpoint", emulator.url],
  ]) {
    console.log(`\n$ EE_ACCESS_TOKEN=${TOKEN} ee-operations ${args.join(" ")}`);
    try {
      const { stdout, stderr } = await eeOperations(args);
      process.stdout.write(stderr + stdout);
    } catch (error) {
      const { stdout = "", stderr = "", code } = error as { stdout?: string; stderr?: string; code?: unknown };
      process.stdout.write(`${stderr}${stdout}(exit ${String(code)})\n`);
      cliOk = false;
    }
  }
  if (outcome !== "CANCELLED" || !cliOk) process.exitCode = 1;
} finally {
  await emulator.close();
  console.log("\nemulator stopped");
}
