import type { Project } from "ts-morph";
import type { VersionModel } from "../model/api-model.js";
import { header } from "./header.js";

/** `src/<version>/methods.ts`: HTTP binding and OAuth scopes of every method, keyed by method path. */
export function methodsFile(project: Project, version: VersionModel): string {
  const file = project.createSourceFile(`${version.version}/methods.ts`, "", { overwrite: true });
  file.addStatements((writer) => {
    writer.writeLine(`/** HTTP binding and OAuth scopes of every method of ${version.title}, keyed by method path. */`);
    writer.write("export const methods = ").inlineBlock(() => {
      for (const method of version.methods) {
        writer.write(`${JSON.stringify(method.key)}: `).inlineBlock(() => {
          writer.writeLine(`id: ${JSON.stringify(method.id)},`);
          writer.writeLine(`httpMethod: ${JSON.stringify(method.httpMethod)},`);
          writer.writeLine(`path: ${JSON.stringify(method.path)},`);
          writer.writeLine(`template: ${JSON.stringify(method.template)},`);
          writer.writeLine(`scopes: [${method.scopes.map((s) => JSON.stringify(s)).join(", ")}],`);
        });
        writer.write(",").newLine();
      }
    });
    writer.write(" as const;").newLine();
  });
  return header(version.specFile) + file.getFullText();
}
