// Maps an HTTP method and request target onto an API method, following the gRPC-transcoding
// templates `/V/{name=projects/*/operations/**}[:verb]` and `/V/{name=projects/*}/operations`.

import { type MethodName, VERSIONS, type Version } from "./types.js";

export const ADMIN_PREFIX = "/__emulator/";
/** Google's HTTP batch endpoint (emulator/batch.ts). */
export const BATCH_PATH = "/batch";

export type Route =
  | {
      kind: "api";
      version: Version;
      method: MethodName;
      project: string;
      /** The full operation name from decoded segments (empty for list). */
      name: string;
      query: URLSearchParams;
      /** Set when a segment's percent-encoding is malformed: answer 400 with this message. */
      invalid?: string;
    }
  | { kind: "admin"; path: string }
  | { kind: "batch" }
  | { kind: "unknown"; version: string };

const VERBS: Record<string, MethodName> = { cancel: "cancel", wait: "wait" };

function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Which API method an (HTTP method, operation path) pair means, if any. */
function methodFor(httpMethod: string, verb: string | undefined): MethodName | undefined {
  if (verb !== undefined) return httpMethod === "POST" ? VERBS[verb] : undefined;
  if (httpMethod === "GET") return "get";
  if (httpMethod === "DELETE") return "delete";
  return undefined;
}

export function parseRoute(httpMethod: string, target: string): Route {
  const q = target.indexOf("?");
  const path = q < 0 ? target : target.slice(0, q);
  const query = new URLSearchParams(q < 0 ? "" : target.slice(q + 1));
  if (path.startsWith(ADMIN_PREFIX)) return { kind: "admin", path };
  if (path === BATCH_PATH && httpMethod === "POST") return { kind: "batch" };

  const segments = path.split("/").slice(1);
  const version = VERSIONS.find((v) => v === segments[0]);
  const unknown: Route = { kind: "unknown", version: version ?? "" };
  if (!version || segments[1] !== "projects" || segments[3] !== "operations") return unknown;
  if (segments.some((segment) => segment === "")) return unknown;

  const rawProject = segments[2]!;
  const project = decodeSegment(rawProject);
  // `*` is exactly one segment, so an encoded slash cannot smuggle in a second one.
  if (project?.includes("/")) return unknown;

  if (segments.length === 4) {
    if (httpMethod !== "GET") return unknown;
    const invalid = project === undefined ? `Malformed percent-encoding in "${rawProject}".` : undefined;
    return { kind: "api", version, method: "list", project: project ?? rawProject, name: "", query, invalid };
  }

  const rawIds = segments.slice(4);
  const last = rawIds[rawIds.length - 1]!;
  const colon = last.lastIndexOf(":");
  let verb: string | undefined;
  if (colon > 0 && Object.hasOwn(VERBS, last.slice(colon + 1))) {
    verb = last.slice(colon + 1);
    rawIds[rawIds.length - 1] = last.slice(0, colon);
  }
  const method = methodFor(httpMethod, verb);
  if (!method) return unknown;

  const ids = rawIds.map(decodeSegment);
  const bad = [rawProject, ...rawIds].find((raw) => decodeSegment(raw) === undefined);
  const name = `projects/${project ?? rawProject}/operations/${ids.map((id, i) => id ?? rawIds[i]).join("/")}`;
  const invalid = bad === undefined ? undefined : `Malformed percent-encoding in "${bad}".`;
  return { kind: "api", version, method, project: project ?? rawProject, name, query, invalid };
}
