// The OAuth credentials `earthengine authenticate` stores in ~/.config/earthengine/credentials (JSON:
// refresh_token, client_id, client_secret, scopes, and `project` once `earthengine set_project` ran),
// read as Earth Engine's Python client reads them (ee/oauth.py get_credentials_arguments).
import { homedir } from "node:os";
import { join } from "node:path";
import { readJsonObject } from "./json-file.js";
import { DEFAULT_PROJECT } from "./service.js";
import type { Env } from "./types.js";

export interface StoredCredentials {
  /** Where they were read from (for messages). */
  path: string;
  refreshToken: string;
  /** Absent from files written by some `earthengine authenticate` modes (Earth Engine's own client is meant). */
  clientId: string | undefined;
  clientSecret: string | undefined;
  /** `earthengine set_project`'s project: the credentials' quota project. */
  project: string | undefined;
}

/** `$HOME/.config/earthengine/credentials`, as Python's `os.path.expanduser("~/…")` finds it. */
export function earthengineCredentialsPath(env: Env): string {
  return join(env.HOME?.trim() || homedir(), ".config", "earthengine", "credentials");
}

/**
 * The stored credentials; undefined when the file is missing, unreadable, or has no refresh_token
 * (Earth Engine's client then falls back to Application Default Credentials, and so does the CLI).
 * The CLI ships with other services' packages too: only Earth Engine's (the one whose default project
 * is earthengine-legacy) reads them, so that no other service is sent Earth Engine's credentials.
 */
export async function readEarthengineCredentials(
  env: Env,
  service: { defaultProject: string | undefined } = { defaultProject: DEFAULT_PROJECT },
): Promise<StoredCredentials | undefined> {
  if (service.defaultProject !== "earthengine-legacy") return undefined;
  const path = earthengineCredentialsPath(env);
  const json = await readJsonObject(path);
  if (json === undefined) return undefined;
  const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);
  const refreshToken = text(json.refresh_token);
  if (refreshToken === undefined) return undefined;
  return {
    path,
    refreshToken,
    clientId: text(json.client_id),
    clientSecret: text(json.client_secret),
    project: text(json.project),
  };
}
