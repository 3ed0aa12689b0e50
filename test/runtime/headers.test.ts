import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { apiClientHeader, checkProject, fixedHeaders } from "../../generator/runtime/headers.js";
import { CLIENT_VERSION } from "../../generator/runtime/version.js";

const LIB = "ee-operations-client/0.1.0";
const API_CLIENT = `${LIB} gl-node/${process.versions.node}`;

describe("fixedHeaders", () => {
  it.each([
    {
      given: { project: undefined, headers: undefined, userAgent: undefined },
      want: { "user-agent": LIB, "x-goog-api-client": API_CLIENT },
    },
    {
      given: { project: "my-project", headers: undefined, userAgent: undefined },
      want: { "user-agent": LIB, "x-goog-api-client": API_CLIENT, "x-goog-user-project": "my-project" },
    },
    {
      given: { project: "earthengine-legacy", headers: undefined, userAgent: undefined },
      want: { "user-agent": LIB, "x-goog-api-client": API_CLIENT },
    },
    {
      given: { project: undefined, headers: { "X-Trace": "a b\tc", "x-other": "é" }, userAgent: "my-app/2" },
      want: { "x-trace": "a b\tc", "x-other": "é", "user-agent": `my-app/2 ${LIB}`, "x-goog-api-client": API_CLIENT },
    },
  ])("given $given, want $want", ({ given, want }) => {
    expect(fixedHeaders(given)).toEqual(want);
  });

  it("a header named __proto__ is kept as a header", () => {
    const headers = JSON.parse('{"__proto__":"v"}');
    expect({ ...fixedHeaders({ project: undefined, headers, userAgent: undefined }) }).toMatchObject(headers);
  });

  const SECRET = "s3cret-value";
  it.each([
    { given: { headers: "x: y" }, want: "headers must be an object" },
    { given: { headers: ["x"] }, want: "headers must be an object" },
    { given: { headers: { "bad name": "v" } }, want: 'headers: "bad name" is not a valid header name' },
    { given: { headers: { "x\r\ny": "v" } }, want: "is not a valid header name" },
    { given: { headers: { Authorization: `Bearer ${SECRET}` } }, want: "headers: authorization is set by the client" },
    { given: { headers: { "X-Goog-User-Project": SECRET } }, want: "x-goog-user-project is set by the client" },
    { given: { headers: { "user-agent": SECRET } }, want: "user-agent is set by the client" },
    { given: { headers: { host: SECRET } }, want: "host is set by the client" },
    { given: { headers: { "x-a": `${SECRET}\r\nx-b: 1` } }, want: "headers: the value of x-a must be" },
    { given: { headers: { "x-a": `${SECRET}\n` } }, want: "headers: the value of x-a must be" },
    { given: { headers: { "x-a": `${SECRET}\0` } }, want: "headers: the value of x-a must be" },
    { given: { headers: { "x-a": "" } }, want: "headers: the value of x-a must be" },
    { given: { headers: { "x-a": 5 } }, want: "headers: the value of x-a must be" },
    { given: { headers: { "x-a": `${SECRET}\u2028` } }, want: "headers: the value of x-a must be" },
    { given: { userAgent: `app ${SECRET}\r\n` }, want: "userAgent must be a non-empty string" },
  ])("given $given, TypeError $want, never quoting a value", ({ given, want }) => {
    const error = (() => {
      try {
        fixedHeaders({ project: undefined, headers: undefined, userAgent: undefined, ...given });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error).toBeInstanceOf(TypeError);
    expect(error!.message).toContain(want);
    expect(error!.message).not.toContain(SECRET);
    expect(error!.stack).not.toContain(SECRET);
  });
});

describe("checkProject", () => {
  it.each(["my-project", "earthengine-legacy", "example.com:my-project", "p1"])("accepts %j", (given) => {
    expect(checkProject(given, "project")).toBe(given);
  });
  it.each(["", "a/b", "-x", "x-", "has space", "p\r\n", 5, null, "x".repeat(101)])("rejects %j", (given) => {
    expect(() => checkProject(given, "project")).toThrow(TypeError);
  });
});

describe("identification", () => {
  it("x-goog-api-client names the library, its version and Node's", () => {
    expect(apiClientHeader()).toBe(API_CLIENT);
  });
  it("CLIENT_VERSION is the generated package's version", () => {
    const pkg = JSON.parse(readFileSync(new URL("../../generated/package.json", import.meta.url), "utf8"));
    expect(CLIENT_VERSION).toBe(pkg.version);
  });
});
