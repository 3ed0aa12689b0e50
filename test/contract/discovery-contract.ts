// The Discovery contract: Google's published Discovery document for Earth Engine (v1alpha) against the
// spec (read with `yaml`, refs resolved here) and the generated method metadata. No generator code.
// Each side is first reduced to the same plain facts per method, then compared fact by fact.
import { readFileSync } from "node:fs";
import { dirname, join, posix } from "node:path";
import { parse } from "yaml";

type Json = Record<string, any>;

export interface ParamFacts {
  location: string;
  type: string;
  format?: string;
  required: boolean;
  pattern?: string;
}

export interface MethodFacts {
  id: string;
  httpMethod: string;
  path: string;
  flatPath: string;
  parameters: Record<string, ParamFacts>;
  hasRequest: boolean;
}

export interface ServiceFacts {
  rootUrl: string;
  /** Service-wide (system) query parameters, e.g. `alt`, `fields` (Discovery only). */
  serviceParameters: string[];
  methods: MethodFacts[];
}

/** One disagreement: what Discovery says and what our side says about one aspect of one method. */
export interface Difference {
  where: string;
  aspect: string;
  discovery: unknown;
  ours: unknown;
}

export interface KnownDifference extends Difference {
  reason: string;
}

/** A spec folder as parsed documents keyed by path relative to the folder (`v1.yaml`, `shared/…`). */
export type SpecFiles = Map<string, Json>;

export function readSpecFiles(dir: string, files: string[]): SpecFiles {
  return new Map(files.map((f) => [f, parse(readFileSync(join(dir, f), "utf8"))]));
}

/** Follows `$ref`s (`other.yaml#/a/b` or `#/a/b`) through `files`, starting in `file`. */
function deref(files: SpecFiles, file: string, node: Json): Json {
  for (let hops = 0; node && typeof node.$ref === "string"; hops++) {
    if (hops > 20) throw new Error(`$ref loop at ${file}`);
    const [ref = "", pointer = ""] = node.$ref.split("#");
    if (ref) file = posix.normalize(posix.join(dirname(file), ref));
    const doc = files.get(file);
    if (!doc) throw new Error(`$ref to a file not loaded: ${file}`);
    node = pointer
      .split("/")
      .slice(1)
      .reduce((at: Json | undefined, key) => at?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc) as Json;
    if (node === undefined) throw new Error(`$ref ${ref}#${pointer} resolves to nothing`);
  }
  return node;
}

/** `projects/*\/operations/**` → `^projects/[^/]+/operations/.+$`, the form Discovery writes. */
export function patternOfTemplate(segments: string): string {
  const parts = segments.split("/").map((s) => (s === "**" ? ".+" : s === "*" ? "[^/]+" : s));
  return `^${parts.join("/")}$`;
}

/** `/v1/{name=projects/*}/operations` → `v1/{+name}/operations` (RFC 6570 reserved expansion). */
export function discoveryPathOfTemplate(template: string): string {
  return template
    .replace(/^\//, "")
    .replace(/\{(\w+)(?:=([^}]*))?\}/g, (_, field: string, pattern = "*") =>
      pattern === "*" ? `{${field}}` : `{+${field}}`,
    );
}

export function discoveryFacts(discovery: Json): ServiceFacts {
  const methods = Object.values<Json>(discovery.resources?.projects?.resources?.operations?.methods ?? {});
  return {
    rootUrl: discovery.rootUrl,
    serviceParameters: Object.keys(discovery.parameters ?? {}).sort(),
    methods: methods.map((m) => ({
      id: m.id,
      httpMethod: m.httpMethod,
      path: m.path,
      flatPath: m.flatPath,
      hasRequest: m.request !== undefined,
      parameters: Object.fromEntries(
        Object.entries<Json>(m.parameters ?? {}).map(([name, p]) => [
          name,
          {
            location: p.location,
            type: p.type,
            ...(p.format ? { format: p.format } : {}),
            required: p.required === true,
            ...(p.pattern ? { pattern: p.pattern } : {}),
          },
        ]),
      ),
    })),
  };
}

/** The same facts from one version's spec file: template fields stand for Discovery's path parameters. */
export function specFacts(files: SpecFiles, file: string): ServiceFacts {
  const doc = files.get(file)!;
  const methods: MethodFacts[] = [];
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const [verb, op] of Object.entries<Json>(item)) {
      if (!["get", "put", "post", "delete", "patch"].includes(verb)) continue;
      const template: string = op["x-google-http-template"] ?? "";
      const parameters: Record<string, ParamFacts> = {};
      for (const m of template.matchAll(/\{(\w+)=([^}]*)\}/g)) {
        parameters[m[1]!] = { location: "path", type: "string", required: true, pattern: patternOfTemplate(m[2]!) };
      }
      for (const ref of [...(item.parameters ?? []), ...(op.parameters ?? [])]) {
        const p = deref(files, file, ref);
        if (p.in !== "query") continue;
        const schema = deref(files, file, p.schema ?? {});
        parameters[p.name] = {
          location: "query",
          type: schema.type,
          ...(schema.format ? { format: schema.format } : {}),
          required: p.required === true,
        };
      }
      methods.push({
        id: op.operationId,
        httpMethod: verb.toUpperCase(),
        path: discoveryPathOfTemplate(template),
        flatPath: path.replace(/^\//, ""),
        hasRequest: op.requestBody !== undefined,
        parameters,
      });
    }
  }
  return { rootUrl: `${doc.servers?.[0]?.url ?? ""}/`, serviceParameters: [], methods };
}

/** Generated metadata (`methods` of ee-operations-client/<version>) as the facts it carries. */
export interface GeneratedMethod {
  id: string;
  httpMethod: string;
  path: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Every difference between Discovery (its version segment replaced by `version`), one version's spec
 * and its generated metadata. `batchPath` is ours: where the package and the emulator send batches.
 */
export function compareWithDiscovery(
  discovery: Json,
  version: string,
  spec: ServiceFacts,
  generated: Record<string, GeneratedMethod>,
  batchPath: string | undefined,
): Difference[] {
  const out: Difference[] = [];
  const diff = (where: string, aspect: string, d: unknown, ours: unknown) => {
    if (!same(d, ours)) out.push({ where, aspect, discovery: d, ours });
  };
  const google = discoveryFacts(discovery);
  const toVersion = (s: string) => s.replace(/^v1alpha\//, `${version}/`);
  diff(version, "rootUrl", google.rootUrl, spec.rootUrl);
  diff(version, "batchPath", discovery.batchPath, batchPath);
  // Discovery declares `alt`, `fields`, `key`, … once for the service; a method must not redefine them.
  const redeclared = google.serviceParameters.filter((p) => spec.methods.some((m) => Object.hasOwn(m.parameters, p)));
  diff(version, "service-wide parameters redeclared by a method", [], redeclared);
  const ours = new Map(spec.methods.map((m) => [m.id, m]));
  const generatedById = new Map(Object.values(generated).map((g) => [g.id, g]));
  for (const d of google.methods) {
    const where = `${version} ${d.id}`;
    const s = ours.get(d.id);
    const g = generatedById.get(d.id);
    diff(where, "method in the spec", true, s !== undefined);
    diff(where, "method in the generated metadata", true, g !== undefined);
    ours.delete(d.id);
    generatedById.delete(d.id);
    if (s) {
      diff(where, "httpMethod", d.httpMethod, s.httpMethod);
      diff(where, "path", toVersion(d.path), s.path);
      diff(where, "flatPath", toVersion(d.flatPath), s.flatPath);
      diff(where, "request", d.hasRequest, s.hasRequest);
      for (const name of new Set([...Object.keys(d.parameters), ...Object.keys(s.parameters)])) {
        diff(where, `parameter ${name}`, d.parameters[name] ?? null, s.parameters[name] ?? null);
      }
    }
    if (g) {
      diff(where, "generated httpMethod", d.httpMethod, g.httpMethod);
      diff(where, "generated path", toVersion(d.path), g.path);
    }
  }
  for (const id of ours.keys()) diff(`${version} ${id}`, "method in Discovery", false, true);
  for (const id of generatedById.keys()) diff(`${version} ${id}`, "generated method in Discovery", false, true);
  return out;
}

/** Splits differences into those the list explains and the rest; also returns list entries never seen. */
export function explain(
  found: Difference[],
  known: KnownDifference[],
): { unexplained: Difference[]; unused: KnownDifference[] } {
  const matches = (k: KnownDifference, d: Difference) =>
    k.where === d.where && k.aspect === d.aspect && same(k.discovery, d.discovery) && same(k.ours, d.ours);
  return {
    unexplained: found.filter((d) => !known.some((k) => matches(k, d))),
    unused: known.filter((k) => !found.some((d) => matches(k, d))),
  };
}
