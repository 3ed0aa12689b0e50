// The fields of the toolkit's root package.json that shape the generated package: the ranges its
// dependencies get are the ones the toolkit itself is tested with. manifest.ts hashes exactly these.
import { readFile } from "node:fs/promises";

export const ROOT_DIR = new URL("..", import.meta.url);

export interface PackageInputs {
  "google-auth-library": string;
}

export async function packageInputs(rootDir: URL = ROOT_DIR): Promise<PackageInputs> {
  const pkg = JSON.parse(await readFile(new URL("package.json", rootDir), "utf8"));
  const range = (name: keyof PackageInputs): string => {
    const value = pkg.devDependencies?.[name];
    if (typeof value !== "string") throw new Error(`package.json has no devDependencies["${name}"] range`);
    return value;
  };
  return { "google-auth-library": range("google-auth-library") };
}
