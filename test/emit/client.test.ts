// emit/client.ts as a pure function: given a small model, want this text.
import { describe, expect, it } from "vitest";
import { clientFile } from "../../generator/emit/client.js";
import { method, project, version } from "./method-fixture.js";

describe("clientFile", () => {
  it("quotes non-identifier names, reads them by wire name, and checks the query before I/O", () => {
    const text = clientFile(
      project(),
      version([
        method({
          query: [
            { name: "dry-run", description: "Only */ pretend.", required: true, kind: "boolean" },
            { name: "__proto__", description: "", required: false, kind: "string[]" },
          ],
          body: { required: true, schema: { kind: "requestBody", path: "/v1/x", method: "post" } },
        }),
      ]),
      "EarthEngine",
    );
    expect(text).toContain('import { queryString } from "../runtime/query.js";');
    expect(text).toContain(
      '  /** Only *\\/ pretend. */\n  "dry-run": boolean;\n  "__proto__"?: string[];\n  /** The request body. */\n  body: NonNullable<paths["/v1/x"]["post"]["requestBody"]>["content"]["application/json"];\n',
    );
    expect(text).toContain("const search = queryString(method, request);");
    expect(text).toContain(
      "params: { path: { projectsId, thingsId }, query: {} as never },\n              querySerializer: () => search,",
    );
  });

  it("renames a path parameter that would shadow a wrapper local, and reads dotted fields by key", () => {
    const text = clientFile(
      project(),
      version([
        method({
          variables: [
            {
              field: "thing.name",
              pattern: "projects/*/things/*",
              description: "T.",
              pathParams: ["request", "method"],
            },
          ],
        }),
      ]),
      "EarthEngine",
    );
    expect(text).toContain('const [$request, $method] = bindName(method, "thing.name", request["thing.name"]);');
    expect(text).toContain("params: { path: { request: $request, method: $method } },");
    expect(text).toContain('  "thing.name": string;');
  });

  it("writes tree names that are not plain identifiers safely", () => {
    const text = clientFile(project(), version([method({ key: "projects.constructor.prototype" })]), "EarthEngine");
    expect(text).toContain("readonly constructor: {");
    expect(text).toContain("async prototype(request, options) {");
  });

  it("keeps spec text inside doc comments", () => {
    const text = clientFile(
      project(),
      version([method({ description: "x */ globalThis.PWNED = 1; /*\r\ny" })], "T */ z"),
      "EarthEngine",
    );
    expect(text).toContain("       * x *\\/ globalThis.PWNED = 1; /*\n       * y\n");
    expect(text).toContain("/** T *\\/ z: the methods, nested as in Google's resource tree. */");
  });
});
