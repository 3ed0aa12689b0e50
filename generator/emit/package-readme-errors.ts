// The README's section on errors: the classes the package exports, what raises each, their fields.
import type { ApiModel } from "../model/api-model.js";
import { stringLiteral } from "./escape.js";
import { codeSpan, fence, section, table } from "./markdown.js";
import { exampleMethod, latestVersion, sampleCall } from "./package-readme-samples.js";

const ERRORS: readonly (readonly [error: string, when: string, fields: string])[] = [
  [
    "`ApiError`",
    "the server answered with a non-2xx status (a 3xx included), or a 2xx whose body is not JSON",
    "`httpStatus`, `code`, `status`, `message`, `details`, `retryAfterMs`, `bodySnippet`",
  ],
  [
    "`NetworkError`",
    "no usable answer: the connection was refused or reset, or the body was cut off",
    "`notSent` (true only when the request certainly never reached the server), `httpStatus`, `cause`",
  ],
  [
    "`TimeoutError`",
    "a call's or a helper's `timeoutMs` passed (token provider, request, body, backoff)",
    "`timeoutMs`",
  ],
  [
    "`ProtocolError`",
    "the server broke the protocol (a malformed field, a repeated page token); retrying will not help",
    "`field`",
  ],
  [
    "`ResponseTooLargeError` (a `ProtocolError`)",
    "a 2xx response body longer than `maxResponseBytes`; the rest is not read",
    "`httpStatus`, `maxBytes`",
  ],
  [
    "`InvalidNameError` (a `TypeError`)",
    "a resource name does not fit the method's template; raised before any I/O, so nothing is sent",
    "`field`, `pattern`, `template`, `value`",
  ],
];

/** `## Errors`: an example, the table of error classes, ClientError and CANONICAL_CODES. */
export function errorsSection(api: ApiModel): string {
  const version = latestVersion(api);
  const example = fence(
    "ts",
    [
      `import { ApiError, createClient, InvalidNameError, NetworkError, TimeoutError } from ${stringLiteral(api.package.name)};`,
      "",
      `const client = createClient({ version: ${stringLiteral(version.version)}, accessToken: async () => token });`,
      "try {",
      `  await ${sampleCall("client", exampleMethod(version))};`,
      "} catch (error) {",
      '  if (error instanceof ApiError && error.status === "NOT_FOUND") console.log("no such resource");',
      "  else if (error instanceof ApiError) console.log(error.httpStatus, error.code, error.status, error.details);",
      '  else if (error instanceof NetworkError && error.notSent) console.log("never reached the server");',
      '  else if (error instanceof TimeoutError) console.log("gave up after", error.timeoutMs, "ms");',
      "  else if (error instanceof InvalidNameError) console.log(error.field, error.pattern);",
      "  else throw error;",
      "}",
    ].join("\n"),
  );
  return section(
    "## Errors",
    "Every error class is exported from the package root:",
    example,
    table(["error", "when", "fields"], ERRORS),
    "`ApiError` carries Google's `google.rpc.Status`: `code` is its number, `status` its canonical name " +
      "(`CANONICAL_CODES[code]`, e.g. 5 → `NOT_FOUND`), `details` its `details` array; `retryAfterMs` is " +
      "the response's `Retry-After`. A body that is not Google's JSON error still gives an `ApiError`, " +
      "with the code mapped from the HTTP status and the start of the body in `bodySnippet`.",
    `${codeSpan("ClientError")} is the union ` +
      "`ApiError | NetworkError | TimeoutError | ProtocolError | InvalidNameError`, what calls and helpers " +
      "reject with. Two things pass through unchanged: an abort rejects with the signal's own reason, and " +
      "a failure of your `accessToken` provider is rethrown as it is. A bad option is a `TypeError` or " +
      "`RangeError`. The client never puts the access token in an error.",
  );
}
