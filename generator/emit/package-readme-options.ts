// The README's sections on configuring calls: client options, per-call options, retries. Defaults
// come from the runtime's own constants, so the README cannot drift from them.
import type { ApiModel } from "../model/api-model.js";
import { DEFAULT_MAX_RESPONSE_BYTES } from "../runtime/body.js";
import { LEGACY_PROJECT, RESERVED_HEADERS } from "../runtime/headers.js";
import { DEFAULT_RETRY, MAX_RETRIES } from "../runtime/retry.js";
import { DEFAULT_TIMEOUT_MS } from "../runtime/transport.js";
import { CLIENT_VERSION } from "../runtime/version.js";
import { stringLiteral } from "./escape.js";
import { codeSpan, fence, section } from "./markdown.js";
import { exampleMethod, latestVersion, sampleCall } from "./package-readme-samples.js";

/** Headers the `headers` option may not set: runtime/headers.ts's own list. */
export const REFUSED_HEADERS: readonly string[] = [...RESERVED_HEADERS];

export function clientOptions(api: ApiModel): string {
  const { retries, minDelayMs, maxDelayMs } = DEFAULT_RETRY;
  const example = fence(
    "ts",
    [
      `import { createClient } from ${stringLiteral(api.package.name)};`,
      "",
      "const client = createClient({",
      `  version: ${stringLiteral(latestVersion(api).version)},`,
      `  baseUrl: ${stringLiteral(api.baseUrl)},`,
      "  accessToken: async (scopes) => token,",
      '  project: "my-project",',
      '  headers: { "x-request-reason": "nightly cleanup" },',
      '  userAgent: "my-app/1.0",',
      "  timeoutMs: 60_000,",
      "  retry: { retries: 5, minDelayMs: 500, maxDelayMs: 30_000 },",
      "  maxResponseBytes: 8 * 1024 * 1024,",
      "  fetch: globalThis.fetch,",
      "});",
    ].join("\n"),
  );
  const bullets = [
    `- \`baseUrl\`: the service root, default ${codeSpan(api.baseUrl)}; an http(s) URL without query, ` +
      "fragment or user info (`user:password@` is refused: pass credentials with `accessToken`).",
    "- `accessToken(scopes)`: called at the start of each call with the method's OAuth scopes (narrowest first); " +
      "returns the token, or a promise of it, sent as `Authorization: Bearer …`. Without it no " +
      "`Authorization` is sent. If the function has a `quotaProject` property (a function returning a " +
      "project id or `undefined`), a project it returns is sent as `x-goog-user-project` whenever `project` is not set " +
      "(`fromGoogleAuth` sets it from the credentials).",
    `- \`project\`: the Cloud project billed and checked for quota, sent as \`x-goog-user-project\` on every ` +
      `request; it also resolves bare task ids in the helpers. Default ${codeSpan(LEGACY_PROJECT)}, which ` +
      "is not a Cloud project and is never sent.",
    "- `headers`: extra headers for every request. Names the client sets itself are refused: " +
      `${REFUSED_HEADERS.map((h) => codeSpan(h)).join(", ")}; so is a bad name or a value with CR, LF or ` +
      "another control character (the error never quotes the value).",
    `- \`userAgent\`: put in front of the library's own \`user-agent\` (${codeSpan(`ee-operations-client/${CLIENT_VERSION}`)}). ` +
      `Every request also carries ${codeSpan(`x-goog-api-client: ee-operations-client/${CLIENT_VERSION} gl-node/<Node version>`)}, as Google's own clients do.`,
    `- \`timeoutMs\`: the default limit of one call, retries and the token provider included; default ` +
      `${DEFAULT_TIMEOUT_MS.toLocaleString("en-US")} ms, \`Infinity\` for none.`,
    `- \`retry\`: the default retry policy, or \`false\`; default \`{ retries: ${retries}, minDelayMs: ${minDelayMs}, ` +
      `maxDelayMs: ${maxDelayMs} }\` (\`retries\` at most ${MAX_RETRIES}). See [Retries](#retries).`,
    `- \`maxResponseBytes\`: the most bytes of a response body read; past it the call rejects with ` +
      `\`ResponseTooLargeError\` and the connection is closed. Default ${DEFAULT_MAX_RESPONSE_BYTES / 1024 / 1024} MiB.`,
    "- `fetch`: the fetch implementation, called as `fetch(url, init)`; default `globalThis.fetch`.",
  ];
  return section(
    "## Client options",
    "Every option is optional (`version` is the root `createClient`'s only required one):",
    example,
    bullets.join("\n"),
  );
}

export function callOptions(api: ApiModel): string {
  const method = exampleMethod(latestVersion(api));
  const example = fence(
    "ts",
    [
      `import { createClient } from ${stringLiteral(api.package.name)};`,
      "",
      `const client = createClient({ version: ${stringLiteral(latestVersion(api).version)}, accessToken: async () => token });`,
      `await ${sampleCall("client", method).replace(/\)$/, ", {")}`,
      "  signal: AbortSignal.timeout(10_000),",
      "  timeoutMs: 5_000,",
      "  retry: false,",
      "});",
    ].join("\n"),
  );
  return section(
    "### Per-call options",
    "Every method takes a last, optional argument `{ signal?, timeoutMs?, retry? }` that overrides the " +
      "client's defaults for that call:",
    example,
    "- `signal`: aborts the call at once, backoff included; the promise rejects with the signal's reason.\n" +
      "- `timeoutMs`: the limit of this call, retries included; past it the call rejects with `TimeoutError`.\n" +
      "- `retry`: the retry policy of this call, or `false`.",
  );
}

export function retries(): string {
  return section(
    "### Retries",
    [
      "- Retried: HTTP 429, 502, 503 and 504, any error whose status is `UNAVAILABLE`, and network " +
        "failures (a refused or reset connection, a body cut off). Nothing else is: not other 4xx or 5xx " +
        "statuses, nor a body over `maxResponseBytes`.",
      "- Backoff is full-jitter exponential, `random(0, min(maxDelayMs, minDelayMs · 2^attempt))`; a " +
        "`Retry-After` header (seconds or an HTTP date) is honoured, capped by `maxDelayMs`.",
      "- Only methods safe to send twice are retried once a request may have reached the server: those " +
        "the spec marks `x-google-idempotent: true`, and, where the spec says nothing, GET, PUT and DELETE. Any other method is retried only " +
        "after a network failure whose request was never sent (the connection was never made). Each " +
        "version's `methods` export tells which are idempotent.",
      "- Redirects are not followed: a 3xx is an `ApiError`.",
    ].join("\n"),
  );
}
