// Google's published Discovery document (v1alpha rev 20200203, read from the shared reference below)
// against the spec and the generated metadata. Earth Engine keeps the operations methods identical
// across versions apart from the version segment (as the reference notes), so v1 and v1beta are held
// to it too.
import { readFileSync } from "node:fs";
import { createEarthEngineClient } from "ee-operations-client";
import { methods as v1 } from "ee-operations-client/v1";
import { methods as v1alpha } from "ee-operations-client/v1alpha";
import { methods as v1beta } from "ee-operations-client/v1beta";
import { Discovery } from "googleapis-common";
import { describe, expect, it } from "vitest";
import { parseRoute } from "../../emulator/routes.js";
import {
  compareWithDiscovery,
  type Difference,
  discoveryFacts,
  discoveryPathOfTemplate,
  explain,
  type GeneratedMethod,
  type KnownDifference,
  patternOfTemplate,
  readSpecFiles,
  type SpecFiles,
  specFacts,
} from "./discovery-contract.js";

const DISCOVERY_FILE = "../shared/reference/discovery/earthengine-v1alpha-rev20200203.json";
const DISCOVERY = JSON.parse(readFileSync(DISCOVERY_FILE, "utf8"));
const VERSIONS = ["v1", "v1beta", "v1alpha"] as const;
const GENERATED: Record<string, Record<string, GeneratedMethod>> = { v1, v1beta, v1alpha };
const FILES = [...VERSIONS.map((v) => `${v}.yaml`), "shared/components.yaml"];
/** Where the package's cancelMany sends a Google HTTP batch, seen on the wire: `batch` for `<root>/batch`. */
async function packageBatchPath(): Promise<string | undefined> {
  const urls: string[] = [];
  const ee = createEarthEngineClient({
    version: "v1alpha",
    baseUrl: "https://earthengine.test",
    accessToken: () => "t",
    retry: false,
    fetch: async (input: Request | string | URL) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return new Response("{}", { status: 501, headers: { "content-type": "application/json" } });
    },
  });
  await ee.cancelMany(["projects/p/operations/a", "projects/p/operations/b"]);
  const first = urls[0] ? new URL(urls[0]) : undefined;
  return first?.pathname.endsWith("/batch") ? first.pathname.slice(1) : undefined;
}
const OUR_BATCH_PATH = await packageBatchPath();

const answerEmpty = () => new Response("{}", { headers: { "content-type": "application/json" } });
const urlOf = (input: Request | string | URL) => String(input instanceof Request ? input.url : input);

/** The URL each client sends `get` to for `name`: ours, and googleapis-common driven by the Discovery document. */
async function wireUrls(name: string): Promise<{ ours: string; google: string }> {
  const seen: Record<"ours" | "google", string[]> = { ours: [], google: [] };
  const ee = createEarthEngineClient({
    version: "v1alpha",
    baseUrl: "http://127.0.0.1:9",
    accessToken: () => "t",
    retry: false,
    fetch: async (input: Request | string | URL) => {
      seen.ours.push(urlOf(input));
      return answerEmpty();
    },
  });
  const create = await new Discovery({}).discoverAPI(DISCOVERY_FILE);
  const google = (create as unknown as (o: object) => GoogleClient)({
    rootUrl: "http://127.0.0.1:9/",
    fetchImplementation: async (input: Request | string | URL) => {
      seen.google.push(urlOf(input));
      return answerEmpty();
    },
  });
  await ee.projects.operations.get({ name });
  await google.projects.operations.get({ name });
  return { ours: seen.ours[0]!, google: seen.google[0]! };
}
interface GoogleClient {
  projects: { operations: { get(p: { name: string }): Promise<unknown> } };
}

const CANCEL_BODY =
  "The REST page says the cancel body must be empty; CancelOperationRequest has no field besides the " +
  "name, so no body and `{}` are the same request. The spec sends none (the emulator accepts both).";

/** Every place where we deliberately differ from the Discovery document, and why. */
const KNOWN: KnownDifference[] = [
  ...VERSIONS.map((v) => ({
    where: `${v} earthengine.projects.operations.cancel`,
    aspect: "request",
    discovery: true,
    ours: false,
    reason: CANCEL_BODY,
  })),
  {
    where: "v1alpha earthengine.projects.operations.list",
    aspect: "parameter returnPartialSuccess",
    discovery: null,
    ours: { location: "query", type: "boolean", required: false },
    reason:
      "The Discovery document (rev 20200203) predates it; Google's v1alpha list page documents it " +
      "(reference earth-engine/additions.md). Not in v1/v1beta: confirmed for v1alpha only.",
  },
];

function differences(files: SpecFiles, generated = GENERATED): Difference[] {
  return VERSIONS.flatMap((v) =>
    compareWithDiscovery(DISCOVERY, v, specFacts(files, `${v}.yaml`), generated[v]!, OUR_BATCH_PATH),
  );
}

/** A fresh parsed copy of spec/, changed in memory by `edit`. */
function tampered(edit: (files: SpecFiles) => void): SpecFiles {
  const files = readSpecFiles("spec", FILES);
  edit(files);
  return files;
}

const list = (files: SpecFiles, v = "v1alpha") =>
  files.get(`${v}.yaml`)!.paths[`/${v}/projects/{projectsId}/operations`];
const pageSizeSchema = (files: SpecFiles) => files.get("shared/components.yaml")!.components.parameters.pageSize.schema;

describe("Discovery contract: Google's Discovery document vs spec and generated metadata", () => {
  it("reads the five operations methods and batchPath from the Discovery document", () => {
    const facts = discoveryFacts(DISCOVERY);
    expect(facts.methods.map((m) => m.id).sort()).toEqual(
      ["cancel", "delete", "get", "list", "wait"].map((m) => `earthengine.projects.operations.${m}`),
    );
    expect(DISCOVERY.batchPath).toBe("batch");
    expect(facts.serviceParameters).toContain("alt");
  });

  it("batchPath: the package sends batches to <root>/batch and the emulator serves them there", () => {
    // OpenAPI cannot describe a multipart/mixed batch, so this side of the comparison is observed, not read.
    expect(OUR_BATCH_PATH).toBe("batch");
    expect(parseRoute("POST", `/${OUR_BATCH_PATH}`).kind).toBe("batch");
  });

  // fullyEncodeReservedExpansion: `{+name}` keeps its slashes and percent-encodes every reserved character.
  it.each([
    "projects/p/operations/a+b:c!d/e",
    "projects/my project/operations/é~_.-*'()$,;=@&",
    "projects/p/operations/6XGCJ4JK5QWZ3MZDDAD2CBEP",
  ])("%j goes on the wire exactly as googleapis-common sends it from the Discovery document", async (name) => {
    expect(DISCOVERY.fullyEncodeReservedExpansion).toBe(true);
    const { ours, google } = await wireUrls(name);
    expect(ours).toMatch(/^http:\/\/127\.0\.0\.1:9\/v1alpha\/projects\/[^/]+\/operations\//);
    expect(ours).toBe(google);
  });

  it("agrees, apart from the listed deliberate differences", () => {
    const { unexplained } = explain(differences(readSpecFiles("spec", FILES)), KNOWN);
    expect(unexplained).toEqual([]);
  });

  it("every listed difference still exists (none is stale)", () => {
    const { unused } = explain(differences(readSpecFiles("spec", FILES)), KNOWN);
    expect(unused).toEqual([]);
    for (const k of KNOWN) expect(k.reason.length).toBeGreaterThan(20);
  });

  it("tamper: a parameter format that drifts is reported", () => {
    const files = tampered((f) => {
      pageSizeSchema(f).format = "int64";
    });
    const { unexplained } = explain(differences(files), KNOWN);
    expect(unexplained).toContainEqual({
      where: "v1alpha earthengine.projects.operations.list",
      aspect: "parameter pageSize",
      discovery: { location: "query", type: "integer", format: "int32", required: false },
      ours: { location: "query", type: "integer", format: "int64", required: false },
    });
  });

  it("tamper: a path, a flat path, an HTTP method, a template and a missing parameter are reported", () => {
    const files = tampered((f) => {
      const paths = f.get("v1beta.yaml")!.paths;
      paths["/v1beta/projects/{projectsId}/operations/{operationsId}:cancelx"] =
        paths["/v1beta/projects/{projectsId}/operations/{operationsId}:cancel"];
      delete paths["/v1beta/projects/{projectsId}/operations/{operationsId}:cancel"];
      const item = f.get("v1.yaml")!.paths["/v1/projects/{projectsId}/operations/{operationsId}"];
      item.put = item.delete;
      delete item.delete;
      list(f, "v1").get["x-google-http-template"] = "/v1/{name=projects/**}/operations";
      list(f).get.parameters = list(f).get.parameters.filter((p: { $ref: string }) => !p.$ref.endsWith("/filter"));
    });
    const aspects = explain(differences(files), KNOWN).unexplained.map((d) => `${d.where}: ${d.aspect}`);
    expect(aspects).toEqual(
      expect.arrayContaining([
        "v1beta earthengine.projects.operations.cancel: flatPath",
        "v1 earthengine.projects.operations.delete: httpMethod",
        "v1 earthengine.projects.operations.list: parameter name",
        "v1alpha earthengine.projects.operations.list: parameter filter",
      ]),
    );
  });

  it("tamper: a body on cancel makes the listed difference stale; wait without one is reported", () => {
    const files = tampered((f) => {
      const paths = f.get("v1alpha.yaml")!.paths;
      const wait = paths["/v1alpha/projects/{projectsId}/operations/{operationsId}:wait"].post;
      paths["/v1alpha/projects/{projectsId}/operations/{operationsId}:cancel"].post.requestBody = wait.requestBody;
      delete wait.requestBody;
    });
    const { unexplained, unused } = explain(differences(files), KNOWN);
    expect(unused.map((k) => `${k.where}: ${k.aspect}`)).toEqual([
      "v1alpha earthengine.projects.operations.cancel: request",
    ]);
    expect(unexplained).toContainEqual({
      where: "v1alpha earthengine.projects.operations.wait",
      aspect: "request",
      discovery: true,
      ours: false,
    });
  });

  it("tamper: generated metadata that drifts from Discovery is reported", () => {
    const generated = {
      ...GENERATED,
      v1alpha: {
        ...v1alpha,
        "projects.operations.get": { ...v1alpha["projects.operations.get"], path: "v1alpha/{name}" },
      },
    };
    const { unexplained } = explain(differences(readSpecFiles("spec", FILES), generated), KNOWN);
    expect(unexplained).toEqual([
      {
        where: "v1alpha earthengine.projects.operations.get",
        aspect: "generated path",
        discovery: "v1alpha/{+name}",
        ours: "v1alpha/{name}",
      },
    ]);
  });

  it("tamper: a method Discovery does not have, and a redeclared service-wide parameter", () => {
    const files = tampered((f) => {
      const paths = f.get("v1.yaml")!.paths;
      const get = paths["/v1/projects/{projectsId}/operations/{operationsId}"].get;
      paths["/v1/projects/{projectsId}/operations/{operationsId}:purge"] = {
        post: { ...get, operationId: "earthengine.projects.operations.purge" },
      };
      list(f, "v1").get.parameters.push({ name: "alt", in: "query", schema: { type: "string" } });
    });
    const { unexplained } = explain(differences(files), KNOWN);
    expect(unexplained).toContainEqual({
      where: "v1 earthengine.projects.operations.purge",
      aspect: "method in Discovery",
      discovery: false,
      ours: true,
    });
    expect(unexplained).toContainEqual({
      where: "v1",
      aspect: "service-wide parameters redeclared by a method",
      discovery: [],
      ours: ["alt"],
    });
  });
});

describe("patternOfTemplate", () => {
  it.each([
    { given: "projects/*/operations/**", want: "^projects/[^/]+/operations/.+$" },
    { given: "projects/*", want: "^projects/[^/]+$" },
    { given: "projects/*/locations/*/operations/**", want: "^projects/[^/]+/locations/[^/]+/operations/.+$" },
  ])("$given → $want", ({ given, want }) => {
    expect(patternOfTemplate(given)).toBe(want);
  });
});

describe("discoveryPathOfTemplate", () => {
  it.each([
    { given: "/v1alpha/{name=projects/*/operations/**}:cancel", want: "v1alpha/{+name}:cancel" },
    { given: "/v1/{name=projects/*}/operations", want: "v1/{+name}/operations" },
    { given: "/v1/{name}", want: "v1/{name}" },
    { given: "/v1/{name=*}", want: "v1/{name}" },
  ])("$given → $want", ({ given, want }) => {
    expect(discoveryPathOfTemplate(given)).toBe(want);
  });
});

describe("explain", () => {
  const d: Difference = { where: "v1 x", aspect: "request", discovery: true, ours: false };
  it.each([
    { name: "an exact match is explained", known: [{ ...d, reason: "r" }], unexplained: 0, unused: 0 },
    { name: "other values are not", known: [{ ...d, ours: true, reason: "r" }], unexplained: 1, unused: 1 },
    { name: "no list explains nothing", known: [], unexplained: 1, unused: 0 },
  ])("$name", ({ known, unexplained, unused }) => {
    const got = explain([d], known);
    expect([got.unexplained.length, got.unused.length]).toEqual([unexplained, unused]);
  });
});
