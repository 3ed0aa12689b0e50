// Which Cloud project the CLI works in, in `earthengine`'s order: --project, EARTHENGINE_PROJECT,
// GOOGLE_CLOUD_PROJECT, the credentials' project (the earthengine credentials' `project`, else the
// ADC file's quota_project_id, else its project_id; main.ts picks it), else the service's default (earthengine-legacy for Earth Engine, which the CLI then
// says it uses; none for other services).
import { homedir } from "node:os";
import { join } from "node:path";
import { UsageError } from "./errors.js";
import { readJsonObject } from "./json-file.js";
import { DEFAULT_PROJECT } from "./service.js";
import type { Env } from "./types.js";

export type ProjectSource =
  | "--project"
  | "EARTHENGINE_PROJECT"
  | "GOOGLE_CLOUD_PROJECT"
  | "credentials"
  | "default"
  | "none";

export interface ResolvedProject {
  project: string;
  source: ProjectSource;
}

/**
 * The first project given; a malformed one is a usage error naming where it came from. Without one:
 * the service's default project (source "default"), else none (source "none", project "").
 */
export function resolveProject(
  flag: string | undefined,
  env: Env,
  fromCredentials: string | undefined,
  service: { defaultProject: string | undefined } = { defaultProject: DEFAULT_PROJECT },
): ResolvedProject {
  const candidates: [ProjectSource, string | undefined][] = [
    ["--project", flag],
    ["EARTHENGINE_PROJECT", env.EARTHENGINE_PROJECT?.trim()],
    ["GOOGLE_CLOUD_PROJECT", env.GOOGLE_CLOUD_PROJECT?.trim()],
    ["credentials", fromCredentials],
  ];
  for (const [source, value] of candidates) {
    if (value === undefined || (value === "" && source !== "--project")) continue;
    // A project id or number: one resource-name segment, no spaces, nothing a name could break on.
    if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/.test(value)) {
      const label = source === "credentials" ? "the credentials' project" : source;
      throw new UsageError(`${label} must be a Cloud project id such as my-project`);
    }
    return { project: value, source };
  }
  const fallback = service.defaultProject;
  return fallback === undefined ? { project: "", source: "none" } : { project: fallback, source: "default" };
}

/**
 * The project of Application Default Credentials, read cheaply from the ADC file
 * (GOOGLE_APPLICATION_CREDENTIALS, else gcloud's well-known file); undefined when there is none or it
 * cannot be read (authentication reports that later, if it matters).
 */
export async function credentialsProject(env: Env): Promise<string | undefined> {
  const path = env.GOOGLE_APPLICATION_CREDENTIALS?.trim() || wellKnownAdcFile(env);
  const json = path ? await readJsonObject(path) : undefined;
  if (json === undefined) return undefined;
  const { quota_project_id: quota, project_id: id } = json;
  const project = typeof quota === "string" && quota ? quota : id;
  return typeof project === "string" && project ? project : undefined;
}

function wellKnownAdcFile(env: Env): string | undefined {
  const config =
    env.CLOUDSDK_CONFIG?.trim() ||
    (process.platform === "win32"
      ? env.APPDATA && join(env.APPDATA, "gcloud")
      : join(env.HOME?.trim() || homedir(), ".config", "gcloud"));
  return config ? join(config, "application_default_credentials.json") : undefined;
}
