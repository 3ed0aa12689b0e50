import type { Bundle } from "../load/bundle.js";
import type { PackageModel } from "./api-model.js";

type Json = Record<string, unknown>;

/** The `info` extension naming the generated package (see docs/spec-authoring.md). */
export const PACKAGE_EXTENSION = "x-ee-operations-package";

const NPM_NAME = /^(?:@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/;
const BIN_NAME = /^[a-z0-9][a-z0-9._-]*$/;
const CLIENT_NAME = /^[A-Z][A-Za-z0-9]*$/;
// Plain absolute http(s) URLs only: the value lands in generated code and package docs.
const SERVER_URL = /^https?:\/\/[A-Za-z0-9.-]+(?::\d{1,5})?(?:\/[A-Za-z0-9._~/-]*)?$/;
// Printable text on one line: the description lands in package.json, the README and doc comments.
const ONE_LINE = /^[^\p{Cc}\u2028\u2029]{1,300}$/u;

/**
 * The service prefix of the first operationId in the description (`earthengine` of
 * `earthengine.projects.operations.cancel`); the method model then requires every operationId to share it.
 */
export function serviceOf(bundle: Bundle): string | undefined {
  const paths = bundle.document.paths;
  if (typeof paths !== "object" || paths === null) return undefined;
  for (const item of Object.values(paths)) {
    const pathItem = bundle.deref<unknown>(item);
    if (typeof pathItem !== "object" || pathItem === null) continue;
    for (const operation of Object.values(pathItem)) {
      const id = (operation as Json | null)?.operationId;
      if (typeof id === "string" && id.includes(".")) return id.slice(0, id.indexOf("."));
    }
  }
  return undefined;
}

/** The first label of `servers[0].url`'s host (`earthengine.googleapis.com` → `earthengine`), if any. */
export function hostService(bundle: Bundle): string | undefined {
  const url = firstServer(bundle.document)?.url;
  const match = typeof url === "string" ? /^https?:\/\/([a-z][a-z0-9]*)\./.exec(url) : null;
  return match?.[1];
}

/** `servers[0].url`, checked: an absolute http(s) URL without query, fragment or template variables. */
export function baseUrlOf(bundle: Bundle): string {
  const doc = bundle.document;
  const servers = doc.servers;
  if (!Array.isArray(servers) || servers.length === 0) {
    throw bundle.error(
      doc,
      servers === undefined ? undefined : "servers",
      "the description has no servers",
      "servers: [{ url: https://<service>.googleapis.com }] (the client's default base URL)",
    );
  }
  const server = firstServer(doc);
  const url = server?.url;
  if (typeof url !== "string" || !SERVER_URL.test(url)) {
    throw bundle.error(
      server ?? servers,
      server ? "url" : 0,
      `servers[0].url ${JSON.stringify(url ?? null)} is not a plain http(s) URL`,
      "an absolute URL such as https://earthengine.googleapis.com (no query, fragment or {variables})",
    );
  }
  return url;
}

/** The package fields one version declares, checked; `undefined` where it declares none. */
export function declaredPackage(bundle: Bundle): Partial<PackageModel> | undefined {
  const info = bundle.document.info as Json | undefined;
  const ext = info?.[PACKAGE_EXTENSION];
  if (ext === undefined) return undefined;
  if (typeof ext !== "object" || ext === null || Array.isArray(ext)) {
    throw bundle.error(
      info!,
      PACKAGE_EXTENSION,
      `${PACKAGE_EXTENSION} is not a mapping`,
      "{ name, description, bin, client }",
    );
  }
  const fields: [keyof PackageModel, RegExp, string][] = [
    ["name", NPM_NAME, "an npm package name, e.g. ee-operations-client"],
    ["description", ONE_LINE, "one line of text (at most 300 characters, no control characters)"],
    ["bin", BIN_NAME, "a command name, e.g. ee-operations"],
    ["client", CLIENT_NAME, "a PascalCase identifier, e.g. EarthEngine"],
  ];
  const out: Partial<Record<keyof PackageModel, string>> = {};
  for (const key of Object.keys(ext)) {
    if (!fields.some(([name]) => name === key)) {
      throw bundle.error(
        ext,
        key,
        `${PACKAGE_EXTENSION} has no field ${key}`,
        "name, description, bin or client",
        "key",
      );
    }
  }
  for (const [key, pattern, expected] of fields) {
    const value = (ext as Json)[key];
    if (value === undefined) continue;
    if (typeof value !== "string" || !pattern.test(value) || (key !== "description" && value.length > 214)) {
      throw bundle.error(ext, key, `${PACKAGE_EXTENSION}.${key} ${JSON.stringify(value)} is not valid`, expected);
    }
    out[key] = value;
  }
  return out;
}

/** Defaults from the service: `earthengine` → earthengine-client, bin earthengine-operations, Earthengine…. */
export function defaultPackage(service: string): PackageModel {
  const lower = service.toLowerCase();
  return {
    name: `${lower}-client`,
    description: `Typed client for Google's ${service} API.`,
    bin: `${lower}-operations`,
    client: service.charAt(0).toUpperCase() + service.slice(1).replace(/[^A-Za-z0-9]/g, ""),
  };
}

function firstServer(doc: Json): Json | undefined {
  const first = Array.isArray(doc.servers) ? doc.servers[0] : undefined;
  return typeof first === "object" && first !== null ? (first as Json) : undefined;
}
