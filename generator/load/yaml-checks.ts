// The checks every parsed YAML file passes before its values are built, in one walk that is linear in
// the file's size: no duplicate key in any mapping (yaml's own `uniqueKeys` compares every pair), and
// no expansion of aliases beyond MAX_EXPANDED_BYTES (yaml's `maxAliasCount` counts aliases, not the
// size they build, so a few hundred aliases of a big list pass it and exhaust memory).
import { type Document, isAlias, isMap, isScalar, isSeq, type Node } from "yaml";
import { MAX_DEPTH, MAX_EXPANDED_BYTES } from "./limits.js";

export interface YamlProblem {
  offset: number;
  problem: string;
  expected: string;
}

/** The first problem found, or undefined. */
export function checkYaml(doc: Document, maxBytes = MAX_EXPANDED_BYTES): YamlProblem | undefined {
  const sizes = new Map<Node, number>();
  const inProgress = new Set<Node>();
  class Found extends Error {
    constructor(readonly found: YamlProblem) {
      super(found.problem);
    }
  }
  const offsetOf = (node: unknown) => (node as { range?: [number] } | null)?.range?.[0] ?? 0;
  const tooBig = (node: unknown): never => {
    throw new Found({
      offset: offsetOf(node),
      problem: `YAML aliases here expand the file past ${maxBytes} bytes`,
      expected: "a spec whose aliases expand to a bounded size",
    });
  };
  const measure = (node: unknown, depth: number): number => {
    if (depth > MAX_DEPTH) {
      throw new Found({
        offset: offsetOf(node),
        problem: `the YAML nests deeper than ${MAX_DEPTH} levels (aliases included)`,
        expected: "a shallower document",
      });
    }
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) return 0; // yaml reports an unknown anchor itself
      if (inProgress.has(target)) {
        throw new Found({
          offset: offsetOf(node),
          problem: `the alias *${node.source} refers to a node that contains it`,
          expected: "an alias to an earlier, complete node",
        });
      }
      const size = measure(target, depth + 1);
      if (size > maxBytes) tooBig(node);
      return size;
    }
    if (!isMap(node) && !isSeq(node)) {
      return isScalar(node) ? String(node.source ?? node.value).length + 1 : 1;
    }
    const known = sizes.get(node);
    if (known !== undefined) return known;
    inProgress.add(node);
    let size = 2;
    if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        if (isScalar(pair.key)) {
          const key = String(pair.key.value);
          if (keys.has(key)) {
            throw new Found({
              offset: offsetOf(pair.key),
              problem: `duplicate key ${JSON.stringify(key)} in this mapping`,
              expected: "each key once per mapping",
            });
          }
          keys.add(key);
        }
        size += measure(pair.key, depth + 1) + measure(pair.value, depth + 1);
        if (size > maxBytes) tooBig(pair.value ?? node);
      }
    } else {
      for (const item of node.items) {
        size += measure(item, depth + 1);
        if (size > maxBytes) tooBig(item);
      }
    }
    inProgress.delete(node);
    sizes.set(node, size);
    return size;
  };
  try {
    measure(doc.contents, 0);
    return undefined;
  } catch (error) {
    if (error instanceof Found) return error.found;
    throw error;
  }
}
