// Reads the spec on its own terms (yaml + JSON pointers), without any generator code, so that the
// contract tests compare two independent readings.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parse } from "yaml";

export interface SpecOperation {
  version: string;
  operationId: string;
  httpMethod: string;
  path: string;
  template: string;
  pathParams: string[];
  queryParams: string[];
  hasBody: boolean;
  scopes: string[];
}

type Json = Record<string, any>;

const parsed = new Map<string, Json>();
const readDoc = (file: string): Json => {
  if (!parsed.has(file)) parsed.set(file, parse(readFileSync(file, "utf8")));
  return parsed.get(file)!;
};

function resolveRef(node: Json, file: string): { node: Json; file: string } {
  while (node && typeof node.$ref === "string") {
    const [ref, pointer = ""] = node.$ref.split("#");
    file = ref ? resolve(dirname(file), ref) : file;
    const doc = readDoc(file);
    node = pointer
      .split("/")
      .slice(1)
      .reduce((at: Json, key: string) => at[key.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
  }
  return { node, file };
}

export function readSpec(specDir: string): SpecOperation[] {
  parsed.clear(); // one reading of the folder: files may change between calls
  const out: SpecOperation[] = [];
  for (const name of readdirSync(specDir)
    .filter((n) => n.endsWith(".yaml"))
    .sort()) {
    const file = resolve(specDir, name);
    const doc = parse(readFileSync(file, "utf8"));
    for (const [path, item] of Object.entries<Json>(doc.paths)) {
      for (const [httpMethod, op] of Object.entries<Json>(item)) {
        if (!["get", "put", "post", "delete", "patch"].includes(httpMethod)) continue;
        const params = [...(item.parameters ?? []), ...(op.parameters ?? [])].map(
          (p: Json) => resolveRef(p, file).node,
        );
        const security: Json[] = op.security ?? doc.security ?? [];
        out.push({
          version: name.replace(/\.yaml$/, ""),
          operationId: op.operationId,
          httpMethod: httpMethod.toUpperCase(),
          path,
          template: op["x-google-http-template"],
          pathParams: params.filter((p) => p.in === "path").map((p) => p.name),
          queryParams: params.filter((p) => p.in === "query").map((p) => p.name),
          hasBody: op.requestBody !== undefined,
          scopes: [...new Set(security.flatMap((r) => Object.values(r).flat() as string[]))],
        });
      }
    }
  }
  return out;
}

/** `/v1/{name=projects/*\/operations/**}:cancel` → `v1/{+name}:cancel` (RFC 6570 reserved expansion). */
export function discoveryPathOf(template: string): string {
  return template
    .slice(1)
    .replace(/\{(\w+)(?:=([^}]*))?\}/g, (_, field: string, pattern = "*") =>
      pattern === "*" ? `{${field}}` : `{+${field}}`,
    );
}
