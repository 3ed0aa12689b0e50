// Which project the CLI uses: --project, EARTHENGINE_PROJECT, GOOGLE_CLOUD_PROJECT, the ADC file's
// project, else earthengine-legacy.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { credentialsProject, resolveProject } from "../../generator/cli-app/project.js";

describe("resolveProject", () => {
  const env = { EARTHENGINE_PROJECT: "ee-proj", GOOGLE_CLOUD_PROJECT: "gc-proj" };
  it.each([
    ["--project first", "flag-proj", env, "adc-proj", { project: "flag-proj", source: "--project" }],
    ["then EARTHENGINE_PROJECT", undefined, env, "adc-proj", { project: "ee-proj", source: "EARTHENGINE_PROJECT" }],
    [
      "then GOOGLE_CLOUD_PROJECT",
      undefined,
      { GOOGLE_CLOUD_PROJECT: "gc-proj" },
      "adc-proj",
      { project: "gc-proj", source: "GOOGLE_CLOUD_PROJECT" },
    ],
    ["then the credentials'", undefined, {}, "adc-proj", { project: "adc-proj", source: "credentials" }],
    ["else earthengine-legacy", undefined, {}, undefined, { project: "earthengine-legacy", source: "default" }],
    [
      "empty or blank variables are skipped",
      undefined,
      { EARTHENGINE_PROJECT: " ", GOOGLE_CLOUD_PROJECT: "" },
      undefined,
      { project: "earthengine-legacy", source: "default" },
    ],
    [
      "a variable is trimmed",
      undefined,
      { EARTHENGINE_PROJECT: " p1 \n" },
      undefined,
      { project: "p1", source: "EARTHENGINE_PROJECT" },
    ],
    ["a project number", "123456789012", {}, undefined, { project: "123456789012", source: "--project" }],
    [
      "a domain-scoped id",
      "example.com:my-proj",
      {},
      undefined,
      { project: "example.com:my-proj", source: "--project" },
    ],
  ])("%s", (_, flag, given, adc, want) => {
    expect(resolveProject(flag, given, adc)).toEqual(want);
  });

  // Other services' packages have no default project (their service.ts says undefined).
  it.each([
    ["a given project is still used", "p1", {}, undefined, { project: "p1", source: "--project" }],
    ["none given: no project", undefined, {}, undefined, { project: "", source: "none" }],
    ["another service's own default", undefined, {}, "x-default", { project: "x-default", source: "default" }],
  ])("with fallback %s", (_, flag, given, fallback, want) => {
    expect(resolveProject(flag, given, undefined, { defaultProject: fallback })).toEqual(want);
  });

  it.each([
    ["an empty --project", "", {}, /^--project must be a Cloud project id/],
    ["a slash", "a/b", {}, /^--project must be/],
    ["a bad variable", undefined, { EARTHENGINE_PROJECT: "x y" }, /^EARTHENGINE_PROJECT must be/],
    ["control characters", undefined, { GOOGLE_CLOUD_PROJECT: "p\u001b[2J" }, /^GOOGLE_CLOUD_PROJECT must be/],
  ])("refuses %s, without quoting it", (_, flag, given, error) => {
    expect(() => resolveProject(flag, given, undefined)).toThrow(error);
  });
});

describe("credentialsProject", () => {
  const dir = mkdtempSync(join(tmpdir(), "ee-cli-adc-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it.each([
    ["quota_project_id first", { quota_project_id: "quota-p", project_id: "sa-p" }, "quota-p"],
    ["else project_id", { type: "service_account", project_id: "sa-p" }, "sa-p"],
    ["neither", { type: "authorized_user" }, undefined],
    ["a non-string", { quota_project_id: 7 }, undefined],
  ])("GOOGLE_APPLICATION_CREDENTIALS: %s", async (name, json, want) => {
    const path = file(`${name}.json`, JSON.stringify(json));
    expect(await credentialsProject({ GOOGLE_APPLICATION_CREDENTIALS: path })).toBe(want);
  });

  it("reads gcloud's well-known file under CLOUDSDK_CONFIG, or HOME/.config/gcloud", async () => {
    const config = join(dir, "gcloud-config");
    mkdirSync(config);
    writeFileSync(join(config, "application_default_credentials.json"), '{"quota_project_id":"from-gcloud"}');
    expect(await credentialsProject({ CLOUDSDK_CONFIG: config })).toBe("from-gcloud");
    const home = join(dir, "home");
    mkdirSync(join(home, ".config/gcloud"), { recursive: true });
    writeFileSync(join(home, ".config/gcloud/application_default_credentials.json"), '{"project_id":"from-home"}');
    expect(await credentialsProject({ HOME: home })).toBe("from-home");
  });

  it.each([
    ["a missing file", () => join(dir, "nope.json")],
    ["invalid JSON", () => file("bad.json", "{not json")],
    ["JSON that is not an object", () => file("null.json", "null")],
    ["a file over 64 KiB", () => file("big.json", `{"project_id":"p","pad":"${"x".repeat(70_000)}"}`)],
    ["a folder", () => dir],
    ["a device that never ends", () => "/dev/zero"],
  ])("%s gives undefined", async (_, path) => {
    expect(await credentialsProject({ GOOGLE_APPLICATION_CREDENTIALS: path() })).toBeUndefined();
  });
});
