// Compiled by test/types/types.test.ts with `tsc --strict` against the package's published .d.ts.
// Each @ts-expect-error line must fail to compile; if it compiles, tsc reports the unused directive.
import { ApiError, type ApiVersion, createEarthEngineClient, InvalidNameError } from "ee-operations-client";
import type { components } from "ee-operations-client/v1";
import { methods } from "ee-operations-client/v1beta";

const ee = createEarthEngineClient({
  version: "v1beta",
  baseUrl: "http://127.0.0.1:8080",
  accessToken: async (scopes) => scopes[0]!,
  fetch,
});
const empty: Record<string, never> = await ee.projects.operations.cancel(
  { name: "projects/p/operations/x" },
  { signal: AbortSignal.timeout(1000) },
);
const op: components["schemas"]["Operation"] = await ee.projects.operations.get({ name: "projects/p/operations/x" });
// STATE_UNSPECIFIED is the proto default Google's clients declare (reference additions.md).
const state:
  | "STATE_UNSPECIFIED"
  | "PENDING"
  | "RUNNING"
  | "CANCELLING"
  | "SUCCEEDED"
  | "CANCELLED"
  | "FAILED"
  | undefined = op.metadata?.state;
const severity: "SEVERITY_UNSPECIFIED" | "WARNING" | "SEVERE" | undefined = op.metadata?.notifications?.[0]?.severity;
const page = await ee.projects.operations.list({ name: "projects/p", pageSize: 10 });
const next: string | undefined = page.nextPageToken;
const unreachable: string[] | undefined = page.unreachable;
await ee.projects.operations.wait({ name: "projects/p/operations/x", body: { timeout: "1s" } });
const post: "POST" = methods["projects.operations.cancel"].httpMethod;
const template: "/v1beta/{name=projects/*/operations/**}:cancel" = methods["projects.operations.cancel"].template;
const version: ApiVersion = "v1alpha";
const error = new Error() as unknown;
if (error instanceof ApiError) error.status satisfies string;
if (error instanceof InvalidNameError) error.template satisfies string;

// @ts-expect-error: a missing name does not compile
await ee.projects.operations.cancel({});
// @ts-expect-error: an unknown version does not compile
createEarthEngineClient({ version: "v2" });
// @ts-expect-error: the version is required
createEarthEngineClient({});
// @ts-expect-error: cancel takes no body
await ee.projects.operations.cancel({ name: "projects/p/operations/x", body: {} });
// @ts-expect-error: wait's body is required
await ee.projects.operations.wait({ name: "projects/p/operations/x" });
// @ts-expect-error: pageSize is a number
await ee.projects.operations.list({ name: "projects/p", pageSize: "10" });
// @ts-expect-error: returnPartialSuccess is a v1alpha list parameter only
await ee.projects.operations.list({ name: "projects/p", returnPartialSuccess: true });
const alpha = createEarthEngineClient({ version: "v1alpha", fetch });
await alpha.projects.operations.list({ name: "projects/p", returnPartialSuccess: true });
// @ts-expect-error: no such method
await ee.projects.operations.purge({ name: "projects/p/operations/x" });
// @ts-expect-error: per-call options are typed
await ee.projects.operations.get({ name: "projects/p/operations/x" }, { signal: "soon" });

export { empty, next, post, severity, state, template, unreachable, version };
