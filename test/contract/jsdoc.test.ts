// What an editor shows on hover comes from the published .d.ts: description, HTTP binding, scopes, example.
import { Project } from "ts-morph";
import { expect, it } from "vitest";
import { readSpec } from "./spec-reader.js";

it("every method's declaration carries the spec's description, HTTP binding, scopes and an @example", () => {
  const project = new Project({ skipAddingFilesFromTsConfig: true });
  for (const op of readSpec("spec")) {
    const file = project.addSourceFileAtPath(`generated/dist/${op.version}/client.d.ts`);
    const api = file.getInterfaces().find((i) => i.getName().startsWith("EarthEngine"))!;
    const method = op.operationId.split(".").pop()!;
    const signature = api
      .getDescendants()
      .find((d) => d.getKindName() === "MethodSignature" && (d as any).getName() === method) as any;
    expect(signature, `${op.version} ${method}`).toBeDefined();
    const doc: string = signature
      .getJsDocs()
      .map((d: any) => d.getText())
      .join("\n");
    expect(doc).toContain(`HTTP: \`${op.httpMethod} ${op.template.replace("*/", "*\\/")}\``);
    for (const scope of op.scopes) expect(doc).toContain(`\`${scope}\``);
    expect(doc).toMatch(
      /@example\n\s*\* ```ts\n\s*\* await ee\.projects\.operations\.\w+\(\{ name: "projects\/my-project/,
    );
    expect(doc.split("\n")[1]).toMatch(/^\s*\* [A-Z]\w+ /); // starts with the spec's description
  }
});
