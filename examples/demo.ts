// The README's demo: start the emulator, create a few operations, cancel one with cancelAndWait, list
// them, print the outcome, stop. Uses the generated package exactly as an application would.
import { createEarthEngineClient, operationName } from "ee-operations-client";
import { startEmulator } from "../emulator/index.js";

const emulator = await startEmulator({ clock: "real" });
try {
  console.log(`emulator listening on ${emulator.url}`);
  const ids = [
    emulator.seed({
      id: "DEMOEXPORTIMAGE000000001",
      type: "EXPORT_IMAGE",
      description: "Landsat 9 composite",
      runMs: 30_000,
    }),
    emulator.seed({
      id: "DEMOEXPORTTABLE000000002",
      type: "EXPORT_TABLE",
      description: "Field boundaries",
      runMs: 200,
    }),
    emulator.seed({
      id: "DEMOINGESTIMAGE000000003",
      type: "INGEST_IMAGE",
      description: "Drone mosaic",
      pendingMs: 60_000,
    }),
  ].map(({ name }) => name.split("/").pop()!);
  console.log(`created ${ids.length} operations: ${ids.join(", ")}`);

  const ee = createEarthEngineClient({ version: "v1", baseUrl: emulator.url, accessToken: async () => "demo-token" });
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
  if (outcome !== "CANCELLED") process.exitCode = 1;
} finally {
  await emulator.close();
  console.log("\nemulator stopped");
}
