import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { type Document, isMap, isNode, isScalar, LineCounter, parseDocument } from "yaml";
import { errorFileName, SpecError } from "./spec-error.js";
import { readSpecFile } from "./spec-file.js";
import { checkYaml } from "./yaml-checks.js";

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

/**
 * Reads and parses the YAML file at `path`, which must be a regular file inside the folder `root`
 * (see spec-file.ts; an UnreadableFile error says why not).
 */
export async function readYamlFile(path: string, root = dirname(path)): Promise<YamlFile> {
  const file = errorFileName(path);
  return parseYaml(file, await readSpecFile(path, root), path);
}

// The last parse of each file: watch mode re-reads every file on each change, and parsing is most of
// the cost of reading. Only the (read-only) syntax tree is kept; each read gets fresh values. Bounded
// by entries and by text size, least recently used first out; pruneParseCache drops deleted files.
interface Parse {
  text: string;
  doc: Document;
  lineCounter: LineCounter;
  path?: string;
}
const lastParse = new Map<string, Parse>();
const CACHE_ENTRIES = 64;
const CACHE_BYTES = 32 << 20;

/** The number of cached parses (for tests). */
export function parseCacheSize(): number {
  return lastParse.size;
}

/** Drops cached parses of files that no longer exist. */
export function pruneParseCache(): void {
  for (const [key, parse] of lastParse) if (parse.path !== undefined && !existsSync(parse.path)) lastParse.delete(key);
}

function remember(file: string, parse: Parse): void {
  lastParse.delete(file);
  lastParse.set(file, parse);
  let bytes = 0;
  for (const p of lastParse.values()) bytes += p.text.length;
  for (const [key, p] of lastParse) {
    if (lastParse.size <= CACHE_ENTRIES && bytes <= CACHE_BYTES) break;
    lastParse.delete(key);
    bytes -= p.text.length;
  }
}

export function parseYaml(file: string, text: string, path?: string): YamlFile {
  let parsed = lastParse.get(file);
  if (parsed?.text !== text) {
    const lineCounter = new LineCounter();
    // Duplicate keys are found by checkYaml, in linear time.
    const doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false });
    const [error] = doc.errors;
    if (error) {
      const at = lineCounter.linePos(error.pos[0]);
      const what = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
      throw new SpecError(file, at.line, at.col, `YAML syntax error: ${what}`, "valid YAML 1.2");
    }
    const problem = checkYaml(doc);
    if (problem) {
      const at = lineCounter.linePos(problem.offset);
      throw new SpecError(file, at.line, at.col, problem.problem, problem.expected);
    }
    parsed = { text, doc, lineCounter, path };
  }
  remember(file, parsed);
  const { doc, lineCounter } = parsed;
  return {
    file,
    value: doc.toJS({ maxAliasCount: -1 }), // checkYaml bounds what aliases build
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
