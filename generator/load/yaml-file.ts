import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";
import { SpecError } from "./spec-error.js";

/** One parsed YAML file that can say where any of its nodes came from. */
export interface YamlFile {
  /** Path as shown in messages (relative to the working directory). */
  readonly file: string;
  readonly value: unknown;
  /**
   * Line and column (1-based) of the value at `path` (or of its key, with `at: "key"`), or of its
   * nearest ancestor that exists.
   */
  position(path: readonly (string | number)[], at?: "key" | "value"): { line: number; column: number };
}

export async function readYamlFile(path: string): Promise<YamlFile> {
  const file = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new SpecError(
      file,
      1,
      1,
      `cannot read the file (${(error as NodeJS.ErrnoException).code})`,
      "a readable YAML file",
    );
  }
  return parseYaml(file, text);
}

// The last parse of each file: watch mode re-reads every file on each change, and parsing is most of
// the cost of reading. Only the (read-only) syntax tree is kept; each read gets fresh values.
const lastParse = new Map<string, { text: string; doc: Document; lineCounter: LineCounter }>();

export function parseYaml(file: string, text: string): YamlFile {
  let parsed = lastParse.get(file);
  if (parsed?.text !== text) {
    const lineCounter = new LineCounter();
    const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
    const [error] = doc.errors;
    if (error) {
      const at = lineCounter.linePos(error.pos[0]);
      const what = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
      throw new SpecError(file, at.line, at.col, `YAML syntax error: ${what}`, "valid YAML 1.2");
    }
    lastParse.set(file, (parsed = { text, doc, lineCounter }));
  }
  const { doc, lineCounter } = parsed;
  return {
    file,
    value: doc.toJS({ maxAliasCount: 1000 }),
    position: (path, on = "value") => {
      const offset = (on === "key" ? keyOffsetOf(doc, path) : undefined) ?? offsetOf(doc, path);
      const at = lineCounter.linePos(offset);
      return { line: at.line, column: at.col };
    },
  };
}

function offsetOf(doc: Document, path: readonly (string | number)[]): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
}

function keyOffsetOf(doc: Document, path: readonly (string | number)[]): number | undefined {
  const parent = doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]);
  return isNode(pair?.key) ? pair.key.range?.[0] : undefined;
}
