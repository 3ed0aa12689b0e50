// gRPC transcoding templates (google.api.http, AIP-127):
//   Template = "/" Segments [ ":" Verb ] ; Segment = "*" | "**" | LITERAL | Variable ;
//   Variable = "{" FieldPath [ "=" Segments ] "}" ; `**` only as the last segment of the path.

export type TemplatePart =
  | { kind: "literal"; text: string }
  | { kind: "variable"; field: string; segments: readonly string[] };

export interface ParsedTemplate {
  readonly parts: readonly TemplatePart[];
  readonly verb: string | undefined;
}

const LITERAL = /^[A-Za-z0-9._~-]+$/;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

/** Parses a template; throws an Error whose message says what is wrong. */
export function parseHttpTemplate(template: string): ParsedTemplate {
  if (!template.startsWith("/")) throw new Error("it does not start with /");
  let rest = template.slice(1);
  let verb: string | undefined;
  const lastSlash = rest.lastIndexOf("/");
  const colon = rest.indexOf(":", Math.max(lastSlash, rest.lastIndexOf("}")));
  if (colon >= 0) {
    verb = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!LITERAL.test(verb)) throw new Error(`the verb ${JSON.stringify(verb)} is not a literal`);
  }
  const parts: TemplatePart[] = [];
  for (const raw of splitSegments(rest)) {
    if (raw.startsWith("{")) {
      if (!raw.endsWith("}")) throw new Error(`the variable ${raw} is not closed`);
      const [field, pattern = "*"] = raw.slice(1, -1).split(/=(.*)/s);
      if (!FIELD.test(field!)) throw new Error(`${JSON.stringify(field)} is not a field path`);
      const segments = pattern.split("/");
      for (const s of segments) checkSegment(s, template);
      parts.push({ kind: "variable", field: field!, segments });
    } else {
      if (raw === "*" || raw === "**") throw new Error(`the wildcard ${raw} is outside a {variable}`);
      checkSegment(raw, template);
      parts.push({ kind: "literal", text: raw });
    }
  }
  const wildcards = parts.flatMap((p) => (p.kind === "variable" ? p.segments : []));
  const multi = wildcards.indexOf("**");
  const last = parts[parts.length - 1];
  if (
    multi >= 0 &&
    (last?.kind !== "variable" ||
      last.segments[last.segments.length - 1] !== "**" ||
      wildcards.indexOf("**", multi + 1) >= 0)
  ) {
    throw new Error("** may only be the last segment of the path");
  }
  const fields = parts.flatMap((p) => (p.kind === "variable" ? [p.field] : []));
  const dup = fields.find((f, i) => fields.indexOf(f) !== i);
  if (dup) throw new Error(`the variable ${dup} appears twice`);
  return { parts, verb };
}

function splitSegments(path: string): string[] {
  const segments: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < path.length; i++) {
    if (path[i] === "{") depth++;
    else if (path[i] === "}") depth--;
    else if (path[i] === "/" && depth === 0) {
      segments.push(path.slice(start, i));
      start = i + 1;
    }
  }
  segments.push(path.slice(start));
  return segments;
}

function checkSegment(segment: string, template: string): void {
  if (segment === "*" || segment === "**" || LITERAL.test(segment)) return;
  throw new Error(
    segment === ""
      ? `${template} has an empty segment`
      : `${JSON.stringify(segment)} is not *, ** or a literal segment`,
  );
}

/** The path with each wildcard as `{}`: what an OpenAPI flat path must equal, names aside. */
export function wildcardShape(parsed: ParsedTemplate): string {
  const path = parsed.parts
    .map((p) => (p.kind === "literal" ? p.text : p.segments.map((s) => (s === "*" || s === "**" ? "{}" : s)).join("/")))
    .join("/");
  return `/${path}${parsed.verb ? `:${parsed.verb}` : ""}`;
}

/** Discovery's form of the path: `v1/{+name}:cancel` (reserved expansion of multi-segment fields). */
export function discoveryPath(parsed: ParsedTemplate): string {
  const path = parsed.parts
    .map((p) =>
      p.kind === "literal"
        ? p.text
        : p.segments.length > 1 || p.segments[0] === "**"
          ? `{+${p.field}}`
          : `{${p.field}}`,
    )
    .join("/");
  return `${path}${parsed.verb ? `:${parsed.verb}` : ""}`;
}
