// The README's sections on the long-running-operation helpers: only where some version has an
// operations resource (`version.lro`).
import type { ApiModel, VersionModel } from "../model/api-model.js";
import { BATCH_SIZE } from "../runtime/bulk.js";
import { LEGACY_PROJECT } from "../runtime/headers.js";
import { OPERATION_STATES } from "../runtime/state-filter.js";
import { stringLiteral } from "./escape.js";
import { codeSpan, fence, section } from "./markdown.js";
import { lroSample } from "./package-readme-samples.js";

/** The version helper examples use: the last one the spec lists that has an operations resource. */
function lroVersion(api: ApiModel): VersionModel {
  return api.versions.findLast((v) => v.lro)!;
}

/** `## Long-running operations`: the helpers, HTTP batch, names and filters. */
export function lroSection(api: ApiModel): string {
  const version = lroVersion(api);
  const resources = [...new Set(api.versions.flatMap((v) => (v.lro ? [v.lro.resource] : [])))];
  return section(
    "## Long-running operations",
    `In versions with an operations resource (${resources.map(codeSpan).join(", ")}: google.longrunning's ` +
      "cancel, get, list and wait), the root `createClient` and the version's `createClientWithHelpers` " +
      "add helpers. `waitForOperation`, `cancelAndWait`, `cancelMany` and `getMany` take full operation " +
      "names or bare task ids (`[A-Za-z0-9_-]+`); a bare id is " +
      `resolved with \`operationName(id, project)\` against the client's \`project\` (default ${codeSpan(LEGACY_PROJECT)}).`,
    waiting(api, version),
    bulk(api, version),
    namesAndFilters(api),
  );
}

function clientLine(version: VersionModel): string {
  return `const client = createClient({ version: ${stringLiteral(version.version)}, accessToken: async () => token });`;
}

function waiting(api: ApiModel, version: VersionModel): string {
  const name = stringLiteral(lroSample(version, "get"));
  const parent = stringLiteral(lroSample(version, "list"));
  const example = fence(
    "ts",
    [
      `import { createClient, outcomeOf, stateFilter } from ${stringLiteral(api.package.name)};`,
      "",
      clientLine(version),
      "",
      `const done = await client.waitForOperation(${name}, {`,
      "  timeoutMs: 600_000,",
      "  onProgress: (operation) => console.log(operation.name, operation.metadata),",
      "});",
      'console.log(outcomeOf(done)); // "SUCCEEDED" | "CANCELLED" | "FAILED"',
      "",
      `const { outcome, operation } = await client.cancelAndWait(${name}, { timeoutMs: 60_000 });`,
      "",
      `for await (const op of client.listOperations(${parent}, { filter: stateFilter("RUNNING") })) {`,
      "  console.log(op.name, op.done);",
      "}",
    ].join("\n"),
  );
  return section(
    "### Waiting, cancelling, listing",
    example,
    [
      "- `waitForOperation(name, { timeoutMs?, pollIntervalMs?, signal?, retry?, onProgress? })` resolves " +
        "with the done operation. It calls `wait` (asking the server for at most 60 s a call); where `wait` " +
        "answers UNIMPLEMENTED it polls `get` instead. After a not-done answer, the next request starts " +
        "no sooner than a delay after the previous one began: `pollIntervalMs` (default 1000, at least 1), " +
        "doubling up to 30 s (or `pollIntervalMs` if larger). `timeoutMs` (default: none) covers the whole wait and rejects with `TimeoutError`; the " +
        "`signal` rejects at once with its reason. Each `wait` request may take what it asks of the server " +
        "plus 30 s, whatever the client's `timeoutMs`.",
      "- `onProgress(operation)` is called each time the operation's `metadata` changes, the first answer " +
        "included. With it, the first request is a `get`, so the first call comes at once; then each `wait` " +
        "asks the server for the current delay only, which starts again at `pollIntervalMs` after every " +
        "change and grows to 5 s at most while nothing changes, so progress arrives while the operation " +
        "runs. A callback that throws rejects the helper.",
      "- `cancelAndWait(name, options)` cancels, waits (same options, one deadline for both) and resolves " +
        "with `{ outcome, operation }`. A failed `cancel` rejects with its `ApiError`: it never reports a " +
        "cancellation that did not happen.",
      "- `outcomeOf(operation)`: `undefined` while not done, `SUCCEEDED` when done without `error`, " +
        "`CANCELLED` when `error.code` is 1, `FAILED` otherwise.",
      "- `listOperations(parent, { filter?, pageSize?, signal?, timeoutMs?, retry? })` is an async " +
        "iterable that fetches pages as you iterate (`timeoutMs` is per page); a repeated page token is a " +
        "`ProtocolError`.",
      "- Helpers return operations whose `name` is always set (`NamedOperation<Op>`). Operations are read " +
        'by Google\'s JSON mapping; a malformed one (`done: "false"`, an `error` that is not an object) ' +
        "is a `ProtocolError` naming the field, never taken as done.",
    ].join("\n"),
  );
}

function bulk(api: ApiModel, version: VersionModel): string {
  const example = fence(
    "ts",
    [
      `import { createClient } from ${stringLiteral(api.package.name)};`,
      "",
      clientLine(version),
      `const names = [${stringLiteral(lroSample(version, "get"))}, "DEF456"];`,
      "",
      "for (const result of await client.cancelMany(names, { concurrency: 4 })) {",
      "  if (!result.ok) console.log(result.name, result.error.name, result.error.message);",
      "}",
      "for (const result of await client.getMany(names)) {",
      "  if (result.ok) console.log(result.name, result.operation.done);",
      "}",
    ].join("\n"),
  );
  return section(
    "### Many operations at once: `cancelMany`, `getMany`",
    example,
    [
      "- `cancelMany(names, { concurrency?, batch?, signal?, timeoutMs?, retry? })` and `getMany(names, " +
        "options)` resolve with one result per input, in input order: `{ name, ok: true }` (`getMany`: " +
        "with `operation`) or `{ name, ok: false, error }`, where `name` is the full name and `error` a " +
        "`ClientError`. A failed item never rejects the whole call; the `signal` does (with its reason), " +
        "and so does a failure that is no item's own, such as the `accessToken` provider throwing.",
      "- Every name is checked first: one that does not fit the method's template is an " +
        "`InvalidNameError` result and is never sent.",
      `- They send Google's HTTP batch requests (\`POST {baseUrl}/batch\`, \`multipart/mixed\`), ` +
        `${BATCH_SIZE} calls per batch request: Google's batch endpoints accept at most 1000 calls, and the ` +
        "Google APIs that set a lower limit (Cloud Storage, Drive) set 100, so 100 is the largest size " +
        "every Google batch endpoint we know of accepts.",
      "- Each part is the single call with its own headers; an inner error becomes the `ApiError` the " +
        "single call would have thrown. Transient failures (of the batch request, or of an item) are " +
        "retried under `retry`, as single calls are.",
      "- Until the server has answered one batch request, the client sends one only. Where `/batch` " +
        "answers 404 or 501, the items go out as single calls and the client does not ask for `/batch` " +
        "again; `batch: false` sends single calls from the start.",
      "- `concurrency` (default 8) is the most HTTP requests in flight, batches or single calls; " +
        "`timeoutMs` bounds each HTTP request with its retries.",
    ].join("\n"),
  );
}

function namesAndFilters(api: ApiModel): string {
  const example = fence(
    "ts",
    [
      `import { OPERATION_STATES, operationName, stateFilter, taskId } from ${stringLiteral(api.package.name)};`,
      "",
      `operationName("ABC123"); // "projects/${LEGACY_PROJECT}/operations/ABC123"`,
      'operationName("ABC123", "my-project"); // "projects/my-project/operations/ABC123"',
      'taskId("projects/my-project/operations/ABC123"); // "ABC123"',
      'stateFilter("RUNNING", "PENDING"); // \'metadata.state = "RUNNING" OR metadata.state = "PENDING"\'',
      "console.log(OPERATION_STATES);",
    ].join("\n"),
  );
  return section(
    "### Names and filters",
    example,
    "`operationName(taskIdOrName, project?)` turns a bare task id into `projects/<project>/operations/<id>` " +
      "and passes a full name through; anything else is an `InvalidNameError`. `taskId(name)` is its " +
      "inverse. `stateFilter(...states)` writes a `list` filter from typed states (a misspelt state does " +
      `not compile); \`OPERATION_STATES\` lists them: ${OPERATION_STATES.map(codeSpan).join(", ")}.`,
  );
}
