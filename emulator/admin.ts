// Admin routes under /__emulator/, so a client in another process can drive the emulator the way
// tests do in-process. They reuse the in-process API; its ApiErrors become Google JSON errors.

import { ApiError } from "./google-error.js";
import { parseJsonObject, type Reply } from "./http-io.js";
import type { Emulator, Fault, MethodName, SeedOperation } from "./types.js";

export type AdminTarget = Pick<
  Emulator,
  "seed" | "advance" | "now" | "unimplement" | "fault" | "clearFaults" | "requests" | "requestCount" | "clearRequests"
>;

const ok = (body: unknown = {}): Reply => ({ status: 200, body });

export function handleAdmin(target: AdminTarget, httpMethod: string, path: string, body: string): Reply {
  const route = `${httpMethod} ${path}`;
  switch (route) {
    case "POST /__emulator/operations":
      return ok(target.seed(parseJsonObject(body) as SeedOperation));
    case "POST /__emulator/advance": {
      const { ms } = parseJsonObject(body);
      if (typeof ms !== "number") throw new ApiError("INVALID_ARGUMENT", 'Expected {"ms": <number>}.');
      target.advance(ms);
      return ok({ now: target.now().toISOString() });
    }
    case "POST /__emulator/unimplemented": {
      const { methods } = parseJsonObject(body);
      target.unimplement(methods as MethodName[]);
      return ok();
    }
    case "POST /__emulator/faults":
      target.fault(parseJsonObject(body) as Fault);
      return ok();
    case "DELETE /__emulator/faults":
      target.clearFaults();
      return ok();
    case "GET /__emulator/requests":
      return ok({ requests: target.requests, total: target.requestCount() });
    case "DELETE /__emulator/requests":
      target.clearRequests();
      return ok();
    default:
      throw new ApiError("NOT_FOUND", `No admin route ${route}.`);
  }
}
