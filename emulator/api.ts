// The five projects.operations methods, on an already-routed request. Errors are thrown as
// ApiError and turned into Google's JSON error body by the server.

import type { Clock } from "./clock.js";
import { parseFilter } from "./filter.js";
import { ApiError } from "./google-error.js";
import { parseJsonObject, type Reply } from "./http-io.js";
import { renderOperation, snapshot } from "./lifecycle.js";
import { paginate, parsePageSize } from "./pagination.js";
import { checkReturnPartialSuccess } from "./partial-success.js";
import type { Route } from "./routes.js";
import type { Store } from "./store.js";
import type { MethodName } from "./types.js";
import { notFound, parseWaitTimeoutMs, waitForOperation } from "./wait.js";

export interface ApiContext {
  clock: Clock;
  store: Store;
  maxWaitMs: number;
  unimplemented: ReadonlySet<MethodName>;
}

type ApiRoute = Extract<Route, { kind: "api" }>;

const ok = (body: unknown): Reply => ({ status: 200, body });

/** Cancel takes an empty CancelOperationRequest: no body or `{}`, nothing else. */
function checkCancelBody(body: string): void {
  const request = parseJsonObject(body);
  if (Object.keys(request).length > 0) {
    throw new ApiError(
      "INVALID_ARGUMENT",
      "Invalid JSON payload received: the cancel request body must be empty or {}.",
    );
  }
}

function list(ctx: ApiContext, route: ApiRoute): Reply {
  checkReturnPartialSuccess(route.version, route.project, route.query.get("returnPartialSuccess"));
  const filter = route.query.get("filter") ?? "";
  const matches = parseFilter(filter);
  const pageSize = parsePageSize(route.query.get("pageSize"));
  const now = ctx.clock.now();
  const selected = ctx.store.list(route.project).filter((rec) => matches(snapshot(rec, now)));
  const page = paginate(selected, route.project, filter, pageSize, route.query.get("pageToken"));
  const body: Record<string, unknown> = {
    operations: page.items.map((rec) => renderOperation(rec, route.version, now)),
  };
  if (page.nextPageToken) body.nextPageToken = page.nextPageToken;
  return ok(body);
}

/** Answers one API request; resolves undefined when the client went away during a wait. */
export async function handleApi(
  ctx: ApiContext,
  route: ApiRoute,
  body: string,
  signal: AbortSignal,
): Promise<Reply | undefined> {
  if (ctx.unimplemented.has(route.method)) {
    throw new ApiError(
      "UNIMPLEMENTED",
      `Method projects.operations.${route.method} is not implemented by this server.`,
    );
  }
  if (route.invalid) throw new ApiError("INVALID_ARGUMENT", route.invalid);
  if (route.method === "list") return list(ctx, route);

  const { name, version } = route;
  const now = ctx.clock.now();
  switch (route.method) {
    case "get": {
      const rec = ctx.store.get(name);
      if (!rec) throw notFound(name);
      return ok(renderOperation(rec, version, now));
    }
    case "delete":
      if (!ctx.store.delete(name)) throw notFound(name);
      return ok({});
    case "cancel":
      checkCancelBody(body);
      if (!ctx.store.cancel(name, now)) throw notFound(name);
      return ok({});
    case "wait": {
      const timeoutMs = parseWaitTimeoutMs(body);
      if (!ctx.store.get(name)) throw notFound(name);
      const op = await waitForOperation(ctx, version, name, timeoutMs, signal);
      return op && ok(op);
    }
  }
}
