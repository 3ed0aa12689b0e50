// Which seeded projects and ids make operation names a client can call. The generated client refuses a
// name that does not fit `projects/*/operations/**` segment by segment (generator/runtime/resource-name.ts);
// the same rules are restated here rather than imported, so the emulator stays dependency-free and a bug
// in one copy cannot hide the same bug in the other (test/emulator/resource-id.test.ts holds both to a table).

// `?` and `#` end a URL path, `%` smuggles pre-encoded bytes, `\` is a slash to WHATWG URL parsers, and
// control characters break the request line.
const FORBIDDEN = /[?#%\\\u0000-\u001f\u007f-\u009f]/;
// A lone surrogate (what String#isWellFormed refuses; the emulator's build targets a lib without it).
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** `"?"` for a visible character, `U+000A` for a control character (which a message should not carry). */
function characterName(c: string): string {
  const code = c.charCodeAt(0);
  return code < 0x20 || (code >= 0x7f && code <= 0x9f)
    ? `U+${code.toString(16).toUpperCase().padStart(4, "0")}`
    : JSON.stringify(c);
}

/** What is wrong with one path segment of a name, or undefined when a client accepts it. */
export function segmentProblem(segment: string): string | undefined {
  if (segment === "") return "is empty";
  if (segment.trim() === "") return "is only whitespace";
  if (segment === "." || segment === "..") return `is "${segment}" (dot segments are not allowed)`;
  const bad = FORBIDDEN.exec(segment);
  if (bad) return `contains ${characterName(bad[0])}, which is not allowed in a resource name`;
  if (LONE_SURROGATE.test(segment)) return "contains an unpaired UTF-16 surrogate";
  return undefined;
}

/** The `*` of `projects/*`: exactly one acceptable segment. */
export function projectProblem(project: string): string | undefined {
  if (project.includes("/")) return 'contains "/" (a project is one path segment)';
  return segmentProblem(project);
}

/** The `**` of `operations/**`: one or more acceptable segments joined by "/". */
export function operationIdProblem(id: string): string | undefined {
  const segments = id.split("/");
  for (const [i, segment] of segments.entries()) {
    const problem = segmentProblem(segment);
    if (problem) return segments.length === 1 ? problem : `segment ${i + 1} ${problem}`;
  }
  return undefined;
}

/**
 * A value for an error message: JSON-quoted and cut to a readable length, with DEL and C1 controls
 * escaped too (JSON.stringify leaves them raw, and some terminals act on them).
 */
export function quoteForMessage(value: string, max = 100): string {
  const quoted = JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
  return quoted.replace(/[\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
