// Figure 6: a cancel-only app on the generated client.
import { createEarthEngineClient } from "ee-operations-client";

const ee = createEarthEngineClient({
  version: "v1",
  baseUrl: process.env.EE_BASE_URL,
  accessToken: () => process.env.EE_TOKEN ?? "",
});
console.log(await ee.projects.operations.cancel({ name: process.argv[2] ?? "" }));
