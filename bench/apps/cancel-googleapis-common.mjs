// Figure 6: a cancel-only app on googleapis-common's Discovery client; the Discovery document is
// bundled with it (the generated client ships its method metadata too).
import { Discovery } from "googleapis-common";
import discovery from "../discovery-earthengine-v1.json" with { type: "json" };

const ee = new Discovery({}).makeEndpoint(discovery)({
  rootUrl: process.env.EE_BASE_URL,
  headers: { Authorization: `Bearer ${process.env.EE_TOKEN ?? ""}` },
});
console.log((await ee.projects.operations.cancel({ name: process.argv[2] ?? "" })).data);
