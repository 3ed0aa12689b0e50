// emit/methods.ts as a pure function: given a small model, want this text.
import { describe, expect, it } from "vitest";
import { methodsFile } from "../../generator/emit/methods.js";
import { method, project, version } from "./method-fixture.js";

describe("methodsFile", () => {
  it("writes retry safety, the parsed template and query kinds as data", () => {
    const text = methodsFile(
      project(),
      version([method({ query: [{ name: "dry-run", description: "", required: false, kind: "boolean" }] })]),
    );
    expect(text).toContain(
      "    readonly idempotent: boolean;\n    readonly parsedTemplate: ParsedTemplate;\n    readonly query: QueryFields;\n",
    );
    expect(text).toContain(
      '    idempotent: false,\n    parsedTemplate: { parts: ["v1", ["name", ["projects", "*", "things", "*"]]], verb: "export" },\n    query: [["dry-run", "boolean", false]],\n',
    );
  });

  it("keeps the title inside its one-line comment", () => {
    const text = methodsFile(project(), version([method()], "a */ evil()\u2028b\nc"));
    expect(text).toContain(
      "/** HTTP binding and OAuth scopes of every method of a *\\/ evil() b c, keyed by method path. */",
    );
  });
});
