// Figure 6: a cancel-only app on the generated client's v1 entry point (v1 alone, issue 13).
import { createClient } from "ee-operations-client/v1";

const ee = createClient({ baseUrl: process.env.EE_BASE_URL, accessToken: () => process.env.EE_TOKEN ?? "" });
console.log(await ee.projects.operations.cancel({ name: process.argv[2] ?? "" }));
