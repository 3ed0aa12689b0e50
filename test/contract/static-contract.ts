// The static contract: what the generated sources say (read with ts-morph) against what the spec says.
import { Node, type ObjectLiteralExpression, Project, SyntaxKind } from "ts-morph";
import { discoveryPathOf, readSpec, type SpecOperation } from "./spec-reader.js";

interface GeneratedMethod {
  key: string;
  meta: Record<string, unknown>;
  /** The metadata the wrapper hands to `call`: `methods["<key>"]`. */
  metadataKey?: string;
  hasBody: boolean;
  requestFields: string[];
}

type Part = string | [string, string[]];

/** Every disagreement between `specDir` and the generated package's `src/`; empty when they agree. */
export function staticContract(specDir: string, generatedSrc: string): string[] {
  const spec = readSpec(specDir);
  const problems: string[] = [];
  const project = new Project({ skipAddingFilesFromTsConfig: true });
  for (const version of [...new Set(spec.map((s) => s.version))]) {
    const expected = spec.filter((s) => s.version === version);
    const generated = readVersion(project, generatedSrc, version, problems);
    for (const op of expected) {
      const key = op.operationId.split(".").slice(1).join(".");
      const where = `${version} ${key}`;
      const g = generated.get(key);
      if (!g) {
        problems.push(`${where}: the spec has it, the generated client does not`);
        continue;
      }
      generated.delete(key);
      compare(problems, where, "metadata id", g.meta.id, op.operationId);
      compare(problems, where, "metadata httpMethod", g.meta.httpMethod, op.httpMethod);
      compare(problems, where, "metadata template", g.meta.template, op.template);
      compare(problems, where, "metadata path", g.meta.path, discoveryPathOf(op.template));
      compare(problems, where, "metadata scopes", g.meta.scopes, op.scopes);
      compare(problems, where, "wrapper's metadata", g.metadataKey, key);
      // The URL is built from the parsed template alone (runtime/resource-name.ts requestPath).
      const parsed = (g.meta.parsedTemplate ?? {}) as { parts?: Part[]; verb?: string | null };
      compare(problems, where, "metadata parsedTemplate", parsed, parseTemplate(op.template));
      compare(problems, where, "wire path", wirePath(parsed), op.path.replace(/\{[^}]*\}/g, "{}"));
      compare(problems, where, "wire path params (one per wildcard)", wildcards(parsed), op.pathParams.length);
      const query = ((g.meta.query as unknown[][] | undefined) ?? []).map((q) => String(q[0]));
      compare(problems, where, "query params", query, op.queryParams);
      compare(problems, where, "wrapper sends a body", g.hasBody, op.hasBody);
      const fields = templateFields(op);
      compare(problems, where, "request fields", g.requestFields, [
        ...fields,
        ...op.queryParams,
        ...(op.hasBody ? ["body"] : []),
      ]);
    }
    for (const key of generated.keys())
      problems.push(`${version} ${key}: generated, but the spec has no such operation`);
  }
  return problems;
}

// The spec's template read here, independently of generator/model/http-template.ts.
function parseTemplate(template: string): { parts: Part[]; verb: string | null } {
  const [, body, verb = null] = /^\/([^:]*)(?::(.*))?$/.exec(template) ?? [];
  const parts = (body ?? "").match(/\{[^}]*\}|[^/]+/g) ?? [];
  return {
    parts: parts.map((p): Part => {
      const variable = /^\{([^=}]+)(?:=([^}]*))?\}$/.exec(p);
      return variable ? [variable[1]!, (variable[2] ?? "*").split("/")] : p;
    }),
    verb,
  };
}

function wirePath({ parts = [], verb }: { parts?: Part[]; verb?: string | null }): string {
  const segments = parts.map((p) =>
    typeof p === "string" ? p : p[1].map((s) => (s === "*" || s === "**" ? "{}" : s)).join("/"),
  );
  return `/${segments.join("/")}${verb ? `:${verb}` : ""}`;
}

function wildcards({ parts = [] }: { parts?: Part[] }): number {
  return parts.flatMap((p) => (typeof p === "string" ? [] : p[1])).filter((s) => s === "*" || s === "**").length;
}

function templateFields(op: SpecOperation): string[] {
  return [...op.template.matchAll(/\{(\w+)/g)].map((m) => m[1]!);
}

function compare(problems: string[], where: string, what: string, actual: unknown, expected: unknown): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    problems.push(`${where}: ${what} is ${JSON.stringify(actual)}, the spec says ${JSON.stringify(expected)}`);
  }
}

function readVersion(project: Project, src: string, version: string, problems: string[]): Map<string, GeneratedMethod> {
  const methods = new Map<string, GeneratedMethod>();
  const metaFile = project.addSourceFileAtPathIfExists(`${src}/${version}/methods.ts`);
  const clientFile = project.addSourceFileAtPathIfExists(`${src}/${version}/client.ts`);
  if (!metaFile || !clientFile) {
    problems.push(`${version}: generated methods.ts or client.ts is missing`);
    return methods;
  }
  const initializer = metaFile.getVariableDeclarationOrThrow("methods").getInitializerOrThrow();
  const metaObject =
    initializer.asKind(SyntaxKind.ObjectLiteralExpression) ??
    initializer.getFirstDescendantByKindOrThrow(SyntaxKind.ObjectLiteralExpression);
  const meta = new Map<string, Record<string, unknown>>();
  for (const prop of metaObject.getProperties()) {
    if (!Node.isPropertyAssignment(prop)) continue;
    meta.set(literalName(prop.getName()), JSON.parse(JSON.stringify(evaluate(prop.getInitializerOrThrow()))));
  }
  const factory = clientFile.getFunctions().find((f) => f.isExported() && f.getName()?.startsWith("create"));
  const returned = factory
    ?.getFirstDescendantByKind(SyntaxKind.ReturnStatement)
    ?.getExpressionIfKind(SyntaxKind.ObjectLiteralExpression);
  if (!returned) {
    problems.push(`${version}: client.ts has no exported create… factory returning an object`);
    return methods;
  }
  // The method-tree interface is the factory's return type (its name comes from the spec's package info).
  const apiName = factory?.getReturnTypeNode()?.getText();
  const api = clientFile.getInterfaces().find((i) => i.isExported() && i.getName() === apiName);
  walk(returned, [], (key, method) => {
    const call = method
      .getDescendantsOfKind(SyntaxKind.CallExpression)
      .find((c) => c.getExpression().getText() === "call");
    const [, metaArg, , , extrasArg] = call?.getArguments() ?? [];
    const metadataKey = metaArg
      ?.asKind(SyntaxKind.ElementAccessExpression)
      ?.getArgumentExpression()
      ?.asKind(SyntaxKind.StringLiteral)
      ?.getLiteralValue();
    const extras = extrasArg?.asKind(SyntaxKind.ObjectLiteralExpression);
    const requestType = api ? signatureRequestType(api.getText(), key) : undefined;
    const requestFields = requestType
      ? (clientFile
          .getInterface(requestType)
          ?.getProperties()
          .map((p) => p.getName()) ?? [])
      : [];
    methods.set(key, {
      key,
      meta: meta.get(key) ?? {},
      metadataKey,
      hasBody: extras?.getProperty("body") !== undefined,
      requestFields,
    });
  });
  for (const key of meta.keys())
    if (!methods.has(key)) problems.push(`${version} ${key}: in methods metadata but not in the client`);
  return methods;
}

function walk(object: ObjectLiteralExpression, at: string[], visit: (key: string, method: Node) => void): void {
  for (const prop of object.getProperties()) {
    if (Node.isMethodDeclaration(prop)) visit([...at, prop.getName()].join("."), prop);
    else if (Node.isPropertyAssignment(prop)) {
      const child = prop.getInitializer()?.asKind(SyntaxKind.ObjectLiteralExpression);
      if (child) walk(child, [...at, prop.getName()], visit);
    }
  }
}

// The request type named in the interface signature at `key` (e.g. projects.operations.cancel).
function signatureRequestType(interfaceText: string, key: string): string | undefined {
  const name = key.split(".").pop()!;
  return new RegExp(`\\b${name}\\(request: (\\w+)`).exec(interfaceText)?.[1];
}

function literalName(name: string): string {
  return /^["']/.test(name) ? JSON.parse(name.replace(/^'|'$/g, '"')) : name;
}

function evaluate(node: Node): unknown {
  if (Node.isAsExpression(node) || Node.isSatisfiesExpression(node)) return evaluate(node.getExpression());
  if (Node.isStringLiteral(node)) return node.getLiteralValue();
  if (Node.isNullLiteral(node)) return null;
  if (Node.isArrayLiteralExpression(node)) return node.getElements().map(evaluate);
  if (Node.isObjectLiteralExpression(node)) {
    return Object.fromEntries(
      node
        .getProperties()
        .map((p) => [literalName((p as any).getName()), evaluate((p as any).getInitializerOrThrow())]),
    );
  }
  return node.getText();
}
