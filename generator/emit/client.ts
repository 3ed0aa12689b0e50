import {
  type CodeBlockWriter,
  type InterfaceDeclarationStructure,
  type Project,
  type StatementStructures,
  StructureKind,
  type WriterFunction,
} from "ts-morph";
import type { MethodModel, QueryKind, VersionModel } from "../model/api-model.js";
import { docText, inlineDocText, objectKey, propertyKey, stringLiteral } from "./escape.js";
import { header } from "./header.js";
import { jsdocText, pascal } from "./jsdoc.js";
import { sampleCall } from "./package-readme-samples.js";
import { schemaType } from "./schema-type.js";

type Tree = Map<string, Tree | MethodModel>;

/** `src/<version>/client.ts`: request types, the resource-tree interface and its factory. */
export function clientFile(project: Project, version: VersionModel, clientName: string): string {
  const file = project.createSourceFile(`${version.version}/client.ts`, "", { overwrite: true });
  const Api = `${clientName}${pascal(version.version)}`; // the package's client name (model/package-info.ts)
  file.addImportDeclarations([
    { isTypeOnly: true, namedImports: typeImports(version), moduleSpecifier: "./types.js" },
    { namedImports: ["methods"], moduleSpecifier: "./methods.js" },
    {
      namedImports: ["call", { name: "CallOptions", isTypeOnly: true }, { name: "Transport", isTypeOnly: true }],
      moduleSpecifier: "../runtime/transport.js",
    },
  ]);

  // One insertion for the whole body: ts-morph re-parses the file after each, so adding statement by
  // statement would be quadratic in the number of methods.
  const statements: (StatementStructures | WriterFunction)[] = version.methods.map(
    (method): InterfaceDeclarationStructure => ({
      kind: StructureKind.Interface,
      name: requestType(method),
      isExported: true,
      docs: [`The request of \`${method.key}\`.`],
      properties: [
        ...method.variables.map((v) => ({
          name: propertyKey(v.field),
          docs: [jsdocText(`${v.description} Must match \`${v.pattern}\`.`)],
          type: "string",
        })),
        ...method.query.map((q) => ({
          name: propertyKey(q.name),
          docs: q.description ? [jsdocText(q.description)] : [],
          hasQuestionToken: !q.required,
          type: queryType(q.kind),
        })),
        ...(method.body
          ? [
              {
                name: "body",
                docs: ["The request body."],
                hasQuestionToken: !method.body.required,
                type: schemaType(method.body.schema),
              },
            ]
          : []),
      ],
    }),
  );

  if (version.lro) {
    statements.push({
      kind: StructureKind.TypeAlias,
      name: "Operation",
      isExported: true,
      docs: [`A long-running operation, as \`${version.lro.resource}.get\` returns it.`],
      type: schemaType(version.lro.operation),
    });
  }

  // Written at statement level so that code-block-writer's indentation is final: no formatter pass.
  const tree = resourceTree(version.methods);
  statements.push((writer) => {
    writer.newLine();
    writer.writeLine(`/** ${inlineDocText(version.title)}: the methods, nested as in Google's resource tree. */`);
    writer.write(`export interface ${Api} `).block(() => writeInterfaceMembers(writer, tree));
    writer.blankLine();
    writer.writeLine(`/** Binds every ${version.version} method to a transport (made by \`createClient\`). */`);
    writer.write(`export function create${pascal(version.version)}(transport: Transport): ${Api} `).block(() => {
      writer.write("return ");
      writeFactoryNode(writer, tree);
      writer.write(";").newLine();
    });
  });
  file.addStatements(statements);
  file.insertText(file.getImportDeclarations().at(-1)!.getEnd(), "\n"); // a blank line after the imports
  return header(version.specFile) + file.getFullText();
}

// `paths` only when some schema is inline in an operation (emit/schema-type.ts).
function typeImports(version: VersionModel): string[] {
  const refs = version.methods.flatMap((m) => [m.response.schema, ...(m.body ? [m.body.schema] : [])]);
  if (version.lro) refs.push(version.lro.operation);
  return refs.some((r) => r.kind !== "component") ? ["components", "paths"] : ["components"];
}

function queryType(kind: QueryKind): string {
  const scalar = kind.replace("[]", "");
  const type = scalar === "integer" ? "number" : scalar;
  return kind.endsWith("[]") ? `${type}[]` : type;
}

function requestType(method: MethodModel): string {
  return `${pascal(method.key)}Request`;
}

function resourceTree(methods: readonly MethodModel[]): Tree {
  const root: Tree = new Map();
  for (const method of methods) {
    const parts = method.key.split(".");
    let node = root;
    for (const part of parts.slice(0, -1)) {
      let child = node.get(part);
      if (!(child instanceof Map)) node.set(part, (child = new Map()));
      node = child;
    }
    node.set(parts[parts.length - 1]!, method);
  }
  return root;
}

function writeInterfaceMembers(writer: CodeBlockWriter, node: Tree): void {
  for (const [name, child] of node) {
    if (child instanceof Map) {
      writer.write(`readonly ${propertyKey(name)}: `).inlineBlock(() => writeInterfaceMembers(writer, child));
      writer.write(";").newLine();
    } else {
      writer.writeLine("/**");
      for (const line of methodDocs(child).split("\n")) writer.writeLine(line ? ` * ${line}` : " *");
      writer.writeLine(" */");
      writer.writeLine(
        `${propertyKey(name)}(request: ${requestType(child)}, options?: CallOptions): Promise<${schemaType(child.response.schema)}>;`,
      );
    }
  }
}

function methodDocs(method: MethodModel): string {
  return [
    jsdocText(method.description || method.summary),
    "",
    jsdocText(`HTTP: \`${method.httpMethod} ${method.template}\``),
    "",
    jsdocText(`OAuth scopes (any one): ${method.scopes.map((s) => `\`${s}\``).join(", ")}`),
    "",
    "@example",
    "```ts",
    docText(`await ${sampleCall("ee", method, "6XGCJ4JK5QWZ3MZDDAD2CBEP")};`),
    "```",
  ].join("\n");
}

function writeFactoryNode(writer: CodeBlockWriter, node: Tree): void {
  writer.inlineBlock(() => {
    for (const [name, child] of node) {
      if (child instanceof Map) {
        writer.write(`${objectKey(name)}: `);
        writeFactoryNode(writer, child);
        writer.write(",").newLine();
      } else {
        writeWrapper(writer, name, child);
      }
    }
  });
}

// The URL, query and checks all come from the method's metadata (runtime/transport.ts `call`).
function writeWrapper(writer: CodeBlockWriter, name: string, method: MethodModel): void {
  const extras = [
    ...(method.body ? ["body: request?.body"] : []),
    ...(method.response.empty ? ["whenNoBody: {}"] : []),
  ];
  const args = ["transport", `methods[${stringLiteral(method.key)}]`, "request", "options"];
  if (extras.length > 0) args.push(`{ ${extras.join(", ")} }`);
  writer.write(`${objectKey(name)}(request, options) `).inlineBlock(() => {
    writer.writeLine(`return call(${args.join(", ")});`);
  });
  writer.write(",").newLine();
}
