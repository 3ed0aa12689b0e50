import { dirname, isAbsolute, resolve } from "node:path";
import { errorFileName, SpecError } from "./spec-error.js";
import { isInside, UnreadableFile } from "./spec-file.js";
import { readYamlFile, type YamlFile } from "./yaml-file.js";

type Json = Record<string, unknown>;
type Path = (string | number)[];

/** A version's description with every `$ref` made local, and the source of each of its objects. */
export interface Bundle {
  readonly file: string;
  readonly document: Json;
  /**
   * A SpecError pointing at `node`, or at the value of its `key` (at the key itself with
   * `at: "key"`), in the file it was written in.
   */
  error(
    node: object,
    key: string | number | undefined,
    problem: string,
    expected: string,
    at?: "key" | "value",
  ): SpecError;
  /** Follows a local `$ref` (repeatedly); other values come back as they are. */
  deref<T = unknown>(value: unknown): T;
}

/**
 * Reads `rootPath` and every file its `$ref`s reach, copying referenced components into the root's
 * `components` so that the result is one self-contained OpenAPI document. A `$ref` may only reach a
 * regular file inside `specDir` (default: the root file's folder).
 */
export async function bundle(rootPath: string, specDir = dirname(rootPath)): Promise<Bundle> {
  const specRoot = resolve(specDir);
  const files = new Map<string, YamlFile>();
  const origin = new WeakMap<object, { yaml: YamlFile; path: Path }>();
  const load = async (path: string): Promise<YamlFile> => {
    let yaml = files.get(path);
    if (!yaml) {
      yaml = await readYamlFile(path, specRoot);
      files.set(path, yaml);
      record(yaml.value, yaml, []);
    }
    return yaml;
  };
  const record = (value: unknown, yaml: YamlFile, path: Path): void => {
    if (typeof value !== "object" || value === null || origin.has(value)) return;
    origin.set(value, { yaml, path });
    for (const [key, child] of Object.entries(value))
      record(child, yaml, [...path, Array.isArray(value) ? Number(key) : key]);
  };
  const errorAt = (
    node: object,
    key: string | number | undefined,
    problem: string,
    expected: string,
    on?: "key" | "value",
  ): SpecError => {
    const where = origin.get(node);
    if (!where) return new SpecError(rootFile.file, 1, 1, problem, expected);
    const at = where.yaml.position(key === undefined ? where.path : [...where.path, key], on);
    return new SpecError(where.yaml.file, at.line, at.column, problem, expected);
  };

  const rootAbs = resolve(rootPath);
  let rootFile: YamlFile;
  try {
    rootFile = await load(rootAbs);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    throw new SpecError(
      errorFileName(rootAbs),
      1,
      1,
      `the file ${error.message}`,
      "a readable YAML file inside the spec folder",
    );
  }
  const document = rootFile.value;
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw new SpecError(rootFile.file, 1, 1, "the file is not a YAML mapping", "an OpenAPI 3.x document");
  }
  const root = document as Json;
  const placed = new Map<object, string>();

  const visit = async (value: unknown, fileAbs: string): Promise<void> => {
    if (typeof value !== "object" || value === null) return;
    const ref = (value as Json).$ref;
    if (typeof ref === "string") {
      (value as Json).$ref = await localise(value as Json, ref, fileAbs);
      return;
    }
    for (const child of Object.values(value)) await visit(child, fileAbs);
  };

  const localise = async (node: Json, ref: string, fileAbs: string): Promise<string> => {
    const hash = ref.indexOf("#");
    const filePart = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? "" : ref.slice(hash + 1);
    const targetAbs = filePart ? resolve(dirname(fileAbs), filePart) : fileAbs;
    const refused = (why: string) =>
      errorAt(
        node,
        "$ref",
        `$ref ${JSON.stringify(ref)} ${why}`,
        "a path relative to the referring file, naming a regular file inside the spec folder",
      );
    if (filePart && isAbsolute(filePart)) throw refused("is an absolute path");
    if (filePart && !isInside(specRoot, targetAbs)) throw refused("leaves the spec folder");
    if (filePart && !files.has(targetAbs)) {
      try {
        await load(targetAbs);
      } catch (cause) {
        if (cause instanceof UnreadableFile)
          throw refused(`names a file that ${cause.message.replace(/ \(ENOENT\)$/, "")}`);
        throw cause;
      }
    }
    const segments = pointerSegments(pointer);
    const target = resolvePointer(files.get(targetAbs)!.value, segments);
    if (target === undefined || !pointer.startsWith("/")) {
      throw errorAt(node, "$ref", `$ref ${JSON.stringify(ref)} does not resolve`, "a JSON pointer to an existing node");
    }
    if (targetAbs === rootAbs) return `#${pointer}`;
    if (segments.length !== 3 || segments[0] !== "components") {
      throw errorAt(
        node,
        "$ref",
        `$ref ${JSON.stringify(ref)} points outside components`,
        "#/components/<kind>/<name> in a shared file",
      );
    }
    const [, kind, name] = segments as [string, string, string];
    const local = `#/components/${kind}/${name.replace(/~/g, "~0").replace(/\//g, "~1")}`;
    const components = (root.components ??= {}) as Json;
    const slot = (components[kind] ??= {}) as Json;
    if (placed.get(target as object) !== local) {
      if (slot[name] !== undefined && slot[name] !== node) {
        throw errorAt(
          node,
          "$ref",
          `$ref ${JSON.stringify(ref)} clashes with components.${kind}.${name} of this file`,
          "unique component names",
        );
      }
      placed.set(target as object, local);
      slot[name] = target;
      await visit(target, targetAbs);
    }
    // A `components.x.y: {$ref: file#/components/x/y}` stub is replaced by its target above.
    return local;
  };

  await visit(root, rootAbs);
  return {
    file: rootFile.file,
    document: root,
    error: errorAt,
    deref<T>(value: unknown): T {
      for (let hops = 0; typeof value === "object" && value !== null && "$ref" in value; hops++) {
        const ref = (value as Json).$ref as string;
        if (hops > 20) throw errorAt(value, "$ref", `$ref ${ref} is circular`, "a reference that ends");
        value = resolvePointer(root, pointerSegments(ref.slice(1)));
        if (value === undefined)
          throw new SpecError(
            rootFile.file,
            1,
            1,
            `$ref ${ref} does not resolve`,
            "a JSON pointer to an existing node",
          );
      }
      return value as T;
    },
  };
}

/** `/components/schemas/a~1b` → `["components", "schemas", "a/b"]` (RFC 6901). */
function pointerSegments(pointer: string): string[] {
  return pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function resolvePointer(document: unknown, segments: readonly string[]): unknown {
  return segments.reduce<unknown>(
    (at, key) => (typeof at === "object" && at !== null ? (at as Json)[key] : undefined),
    document,
  );
}
