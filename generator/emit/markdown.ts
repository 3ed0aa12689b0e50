// Markdown building blocks for the package's README. Spec text enters it only through codeSpan, or
// inside a code fence as a string literal (escape.ts), so it can never end a span, a table cell or a fence.

/** A fenced code block. */
export function fence(lang: string, text: string): string {
  return `\`\`\`${lang}\n${text}\n\`\`\``;
}

/**
 * `text` as an inline code span that no backtick in it can end (the fence is one backtick longer than
 * its longest run), on one line, with `|` escaped so that it stays inside a table cell.
 */
export function codeSpan(text: string): string {
  const flat = text.replace(/[\r\n\u2028\u2029\u0085]+/g, " ").replaceAll("|", "\\|");
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(longest + 1);
  const pad = longest > 0 || flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/** A table: a header row and one row per entry, cells as given (already markdown). */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

/** `[code, comment]` lines with the comments in one column. */
export function aligned(lines: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(...lines.map(([code]) => code.length)) + 1;
  return lines.map(([code, comment]) => (comment ? `${code.padEnd(width)}// ${comment}` : code));
}

/** Several paragraphs of one section, skipping empty ones. */
export function section(...parts: (string | false | undefined)[]): string {
  return parts.filter((p): p is string => typeof p === "string" && p !== "").join("\n\n");
}
