import { pascalCase } from "../model/version.js";
import { docText, identifier } from "./escape.js";

/** Spec text made safe inside a JSDoc block (see escape.ts) and wrapped to `width` columns. */
export function jsdocText(text: string, width = 96): string {
  return docText(text)
    .split("\n")
    .map((paragraph) => wrap(paragraph, width))
    .join("\n");
}

function wrap(line: string, width: number): string {
  const out: string[] = [];
  let current = "";
  for (const word of line.split(" ")) {
    if (current && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else {
      current = current ? `${current} ${word}` : word;
    }
  }
  out.push(current);
  return out.join("\n");
}

/** `projects.operations.cancel` → `ProjectsOperationsCancel` (model/version.ts); always an identifier (see escape.ts). */
export function pascal(key: string): string {
  return identifier(pascalCase(key));
}
