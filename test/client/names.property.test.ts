// Property-based: any name the template accepts decodes back to itself on the server and stays under the
// method's path; any name with a defect is refused with InvalidNameError and never reaches the server.

import { createEarthEngineClient, InvalidNameError } from "ee-operations-client";
import fc from "fast-check";
import { expect, it } from "vitest";
import { useRecordingServer } from "../helpers/recording-server.js";

const server = useRecordingServer();

const FORBIDDEN = /[/?#%\\\u0000-\u001f\u007f-\u009f]/;
const char = fc.oneof(
  fc.constantFrom(..."abcXYZ019-._~ :@!$&'()*+,;=[]{}|^`\"<>"),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
);
const segment = fc
  .array(char, { minLength: 1, maxLength: 8 })
  .map((cs) => cs.join(""))
  .filter((s) => !FORBIDDEN.test(s) && s !== "." && s !== ".." && s.trim() !== "");
const validName = fc
  .tuple(segment, fc.array(segment, { minLength: 1, maxLength: 4 }))
  .map(([project, ops]) => ({ project, ops, name: `projects/${project}/operations/${ops.join("/")}` }));

const client = () => createEarthEngineClient({ version: "v1", baseUrl: server.url, retry: false });

it("every accepted name decodes back to exactly itself and stays under /v1/projects/…:cancel", async () => {
  await fc.assert(
    fc.asyncProperty(validName, async ({ project, ops, name }) => {
      const before = server.requests.length;
      await client().projects.operations.cancel({ name });
      expect(server.requests.length).toBe(before + 1);
      const line = server.requests[before]!.requestLine;
      const target = line.slice("POST ".length, -" HTTP/1.1".length);
      expect(target.startsWith("/v1/projects/")).toBe(true);
      expect(target.endsWith(":cancel")).toBe(true);
      expect(target).not.toMatch(/[?#\s]/);
      const segments = target.slice("/v1/".length, -":cancel".length).split("/");
      expect(segments.map(decodeURIComponent)).toEqual(["projects", project, "operations", ...ops]);
      // The URL parser did not rewrite anything: no dot segments, no backslashes became slashes.
      expect(new URL(target, server.url).pathname).toBe(target);
    }),
    { numRuns: 300 },
  );
});

type Defect = (parts: string[]) => string;
const defects: Record<string, fc.Arbitrary<Defect>> = {
  "dot segment": fc.constantFrom(".", "..").map((d) => (p) => [...p, d].join("/")),
  "empty segment": fc.constantFrom(0, 1, 3).map((i) => (p) => [...p.slice(0, i), "", ...p.slice(i)].join("/")),
  "? or #": fc.constantFrom("?", "#", "?x=1", "#frag").map((c) => (p) => `${p.join("/")}${c}`),
  "percent trick": fc.constantFrom("%2F", "%2f", "%2E%2E", "%00", "%").map((c) => (p) => `${p.join("/")}${c}`),
  backslash: fc.constantFrom("\\", "\\..\\").map((c) => (p) => `${p.join("/")}${c}x`),
  "control character": fc
    .integer({ min: 0, max: 0x1f })
    .chain((n) => fc.constantFrom(n, 0x7f, 0x85))
    .map((n) => (p) => `${p.join("/")}${String.fromCharCode(n)}`),
  "whitespace-only segment": fc.constantFrom(" ", "\t", "\u00a0", "\u3000  ").map((w) => (p) => [...p, w].join("/")),
  "wrong literal": fc.constantFrom("Projects", "project", "ops", "").map((w) => (p) => [w, ...p.slice(1)].join("/")),
  "too short": fc.constant((p: string[]) => p.slice(0, 3).join("/")),
  "leading or trailing slash": fc
    .constantFrom("/", "")
    .map((lead) => (p) => (lead ? `/${p.join("/")}` : `${p.join("/")}/`)),
};

it.each(Object.keys(defects))("a name with a %s is refused before any request", async (kind) => {
  const before = server.requests.length;
  await fc.assert(
    fc.asyncProperty(validName, defects[kind]!, async ({ project, ops }, defect) => {
      const name = defect(["projects", project, "operations", ...ops]);
      const error = await client()
        .projects.operations.cancel({ name })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidNameError);
      expect((error as InvalidNameError).value).toBe(name);
    }),
    { numRuns: 100 },
  );
  expect(server.requests.length).toBe(before);
});
