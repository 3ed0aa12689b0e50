// What the CLI knows of the service it ships with. generator/emit/cli.ts writes this file for each
// package from its spec (cliServiceFile); the copy in generator/cli-app/ is the Earth Engine package's,
// so that the CLI type-checks and is tested here as it ships there.
import { type ClientOptions, createClient } from "ee-operations-client";
import { type CliClient, cliClientOf } from "./cli-client.js";

/** The versions with an operations resource, stable first: `--api-version`'s choices. */
export const CLI_VERSIONS = ["v1", "v1beta", "v1alpha"] as const;
export type CliVersion = (typeof CLI_VERSIONS)[number];
/** The command's name (the package's `bin`), for `--help`. */
export const BIN = "ee-operations";
/** `--api-version` when none is given. */
export const DEFAULT_VERSION: CliVersion = "v1";
/** The spec's `servers[0].url`, for `--help`. */
export const DEFAULT_ENDPOINT = "https://earthengine.googleapis.com";
/** The project used when none is given; only Earth Engine has one (earthengine-legacy). */
export const DEFAULT_PROJECT: string | undefined = "earthengine-legacy";

/** A client of `version`, as the CLI uses it. */
export function cliClient(version: CliVersion, options: Omit<ClientOptions, "version">): CliClient {
  switch (version) {
    case "v1": {
      const client = createClient({ ...options, version });
      return cliClientOf(client, client.projects.operations);
    }
    case "v1beta": {
      const client = createClient({ ...options, version });
      return cliClientOf(client, client.projects.operations);
    }
    case "v1alpha": {
      const client = createClient({ ...options, version });
      return cliClientOf(client, client.projects.operations);
    }
  }
}
