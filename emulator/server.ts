// The HTTP layer: one node:http server on 127.0.0.1 that records requests, applies queued faults,
// dispatches to the API or admin handlers, and on close tears down every socket, including ones a
// fault left hanging.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { type AdminTarget, handleAdmin } from "./admin.js";
import { type ApiContext, handleApi } from "./api.js";
import { type AuthSetting, authReply } from "./auth.js";
import { handleBatch, redactBatchBody } from "./batch.js";
import { preflightReply } from "./cors.js";
import { type FaultQueue, faultReply } from "./faults.js";
import { ApiError, googleError } from "./google-error.js";
import { type Reply, readBody, replyText, sendReply } from "./http-io.js";
import type { RequestLog } from "./recorder.js";
import { parseRoute, type Route } from "./routes.js";
import type { ResponseInfo } from "./types.js";

export interface ServerParts {
  api: ApiContext;
  faults: FaultQueue;
  admin: AdminTarget;
  /** Where API requests are recorded; undefined records nothing. */
  log?: RequestLog;
  auth: AuthSetting;
  onResponse?: (info: ResponseInfo) => void;
}

export interface RunningServer {
  readonly url: string;
  connections(): { open: number; peak: number };
  close(): Promise<void>;
}

function errorReply(err: unknown): Reply {
  if (err instanceof ApiError) return { status: err.httpStatus, body: err.toBody() };
  const message = err instanceof Error ? err.message : String(err);
  return { status: 500, body: googleError("INTERNAL", `Emulator error: ${message}`) };
}

function parseForReport(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function routeInfo(route: Route): Pick<ResponseInfo, "version" | "method"> {
  if (route.kind === "api") return { version: route.version, method: route.method };
  if (route.kind === "admin") return { version: "", method: "admin" };
  if (route.kind === "batch") return { version: "", method: "batch" };
  return { version: route.version, method: "unknown" };
}

export function listen(parts: ServerParts, port: number): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  let peak = 0;
  const inFlight = new Set<AbortController>();

  function send(res: ServerResponse, route: Route, reply: Reply, cutMidBody = false): void {
    if (res.headersSent || res.destroyed) return;
    sendReply(res, reply, cutMidBody);
    if (cutMidBody || !parts.onResponse) return;
    try {
      parts.onResponse({ ...routeInfo(route), status: reply.status, body: parseForReport(replyText(reply)) });
    } catch (err) {
      // A throwing hook is the caller's bug: surface it loudly instead of swallowing it here.
      process.nextTick(() => {
        throw err;
      });
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<void> {
    const target = req.url ?? "/";
    const httpMethod = req.method ?? "GET";
    // A browser's CORS preflight carries no credentials and is not an API request.
    if (httpMethod === "OPTIONS") return sendReply(res, preflightReply(req.headers["access-control-request-headers"]));
    const route = parseRoute(httpMethod, target);
    let body: string;
    try {
      body = await readBody(req);
    } catch (err) {
      if (route.kind !== "admin")
        parts.log?.add({ method: httpMethod, url: target, headers: req.headers, body: "", bodyTruncated: true });
      // The rest of an oversized body is never read: close the connection after answering.
      const reply = errorReply(err);
      return send(res, route, { ...reply, headers: { ...reply.headers, connection: "close" } });
    }

    if (route.kind === "admin") {
      let reply: Reply;
      try {
        reply = handleAdmin(parts.admin, httpMethod, route.path, body);
      } catch (err) {
        reply = errorReply(err);
      }
      return send(res, route, reply);
    }

    const logged = route.kind === "batch" ? redactBatchBody(body) : body; // parts carry their own credentials
    parts.log?.add({ method: httpMethod, url: target, headers: req.headers, body: logged });
    const denied = authReply(parts.auth, req.headers.authorization);
    if (denied) return send(res, route, denied);

    if (route.kind === "batch") return send(res, route, await handleBatch(req.socket, req.headers, body));
    if (route.kind === "unknown") {
      const message = `No method ${httpMethod} ${target.split("?")[0]} in the Earth Engine operations API.`;
      return send(res, route, { status: 404, body: googleError("NOT_FOUND", message) });
    }

    const fault = parts.faults.take(route.method);
    if (fault?.hang) return; // answered by close(), which destroys the socket
    if (fault?.delayMs) {
      try {
        await sleep(fault.delayMs, undefined, { signal });
      } catch {
        return; // client gone or emulator closing
      }
    }
    if (fault?.reset === "before-headers") {
      req.socket.destroy();
      return;
    }

    let reply: Reply | undefined;
    if (fault?.status !== undefined) reply = faultReply({ ...fault, status: fault.status });
    else reply = await handleApi(parts.api, route, body, signal).catch(errorReply);
    if (!reply) return;
    if (fault?.headers) reply = { ...reply, headers: { ...reply.headers, ...fault.headers } };
    send(res, route, reply, fault?.reset === "mid-body");
  }

  const server = createServer((req, res) => {
    const controller = new AbortController();
    inFlight.add(controller);
    // 'close' fires when the response is done or the connection dropped; either way stop waiting.
    res.on("close", () => {
      controller.abort();
      inFlight.delete(controller);
    });
    handle(req, res, controller.signal).catch((err: unknown) =>
      send(res, { kind: "unknown", version: "" }, errorReply(err)),
    );
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    peak = Math.max(peak, sockets.size);
    socket.on("close", () => sockets.delete(socket));
  });

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const controller of inFlight) controller.abort();
      for (const socket of sockets) socket.destroy();
    });
    return closing;
  };

  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port, host: "127.0.0.1" }, () => {
      server.off("error", reject);
      const address = server.address();
      const actualPort = typeof address === "object" && address ? address.port : port;
      resolve({ url: `http://127.0.0.1:${actualPort}`, connections: () => ({ open: sockets.size, peak }), close });
    });
  });
}
