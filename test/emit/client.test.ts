// emit/client.ts as a pure function: given a small model, want this text.
import { describe, expect, it } from "vitest";
import { clientFile } from "../../generator/emit/client.js";
import { method, project, version } from "./method-fixture.js";

describe("clientFile", () => {
  it("quotes non-identifier names; the wrapper hands the request, its body and the metadata to call", () => {
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
    expect(text).toContain('import type { components, paths } from "./types.js";');
    expect(text).toContain(
      '  /** Only *\\/ pretend. */\n  "dry-run": boolean;\n  "__proto__"?: string[];\n  /** The request body. */\n  body: NonNullable<paths["/v1/x"]["post"]["requestBody"]>["content"]["application/json"];\n',
    );
    expect(text).toContain(
      'return call(transport, methods["projects.things.export"], request, options, { body: request?.body });',
    );
  });

  it("a dotted field is a quoted request property, bound by the runtime from the metadata; Empty answers {}", () => {
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
          response: { schema: { kind: "component", name: "Empty" }, empty: true },
        }),
      ]),
      "EarthEngine",
    );
    expect(text).toContain('  "thing.name": string;');
    expect(text).toContain('import type { components } from "./types.js";');
    expect(text).toContain(
      'return call(transport, methods["projects.things.export"], request, options, { whenNoBody: {} });',
    );
  });

  it("writes tree names that are not plain identifiers safely", () => {
    const text = clientFile(project(), version([method({ key: "projects.constructor.prototype" })]), "EarthEngine");
    expect(text).toContain("readonly constructor: {");
    expect(text).toContain("prototype(request, options) {");
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
