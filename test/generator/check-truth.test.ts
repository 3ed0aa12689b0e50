// check tells the truth: the fingerprint follows every input of the output, and neither check --full,
// CI=true nor generate trust manifest.json inside the output folder.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { inputsHash } from "../../generator/manifest.js";
import { hashTree, run, runGenerator } from "../helpers/run.js";

const tmp = mkdtempSync(join(tmpdir(), "ee-truth-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A toolkit root with the repository's package.json, generator/ and (linked) node_modules. */
function toolkitRoot(): { root: string; url: URL; spec: string } {
  const root = join(tmp, "root");
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, "package.json"), readFileSync("package.json"));
  cpSync("generator", join(root, "generator"), { recursive: true });
  symlinkSync(resolve("node_modules"), join(root, "node_modules"));
  cpSync("spec", join(root, "spec"), { recursive: true });
  return { root, url: pathToFileURL(`${root}/`), spec: join(root, "spec") };
}

describe("the inputs hash", () => {
  const { root, url, spec } = toolkitRoot();
  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(file, change(readFileSync(file, "utf8")));

  it("changes with each input the output depends on, and only with those", async () => {
    const hashes = [await inputsHash(spec, url)];
    const next = async () => {
      hashes.push(await inputsHash(spec, url));
      return hashes.at(-1)!;
    };
    // A package.json field that generate does not read: same hash.
    edit(join(root, "package.json"), (t) => t.replace('"description": "', '"description": "x'));
    expect(await next()).toBe(hashes[0]);
    // openapi-fetch is a devDependency (types and bench baseline); the generated package does not use it.
    edit(join(root, "package.json"), (t) => t.replace(/"openapi-fetch": "[^"]+"/, '"openapi-fetch": "^0.99.0"'));
    expect(await next()).toBe(hashes[0]);
    // The range the generated package gets for its optional peer google-auth-library.
    edit(join(root, "package.json"), (t) =>
      t.replace(/"google-auth-library": "[^"]+"/, '"google-auth-library": "^99.0.0"'),
    );
    expect(await next()).not.toBe(hashes[0]);
    // A file reached by $ref, in a sub-folder.
    edit(join(spec, "shared", "components.yaml"), (t) => `${t}# edited\n`);
    expect(await next()).not.toBe(hashes[2]);
    // The runtime copied into the package, and a non-.ts source.
    edit(join(root, "generator", "runtime", "retry.ts"), (t) => `${t}// edited\n`);
    expect(await next()).not.toBe(hashes[3]);
    edit(join(root, "generator", "run.mjs"), (t) => `${t}// edited\n`);
    expect(await next()).not.toBe(hashes[4]);
  });
});

describe("tampering with the output and its manifest", () => {
  it("check --full and CI=true fail, and generate repairs the file", async () => {
    const spec = join(tmp, "spec");
    const out = join(tmp, "out");
    cpSync("spec", spec, { recursive: true });
    expect((await runGenerator(["--spec", spec, "--out", out])).code).toBe(0);
    const good = hashTree(out);
    const file = join(out, "dist", "index.js");
    const tampered = `${readFileSync(file, "utf8")}globalThis.PWNED = 1;\n`;
    writeFileSync(file, tampered);
    const { createHash } = await import("node:crypto");
    const manifestPath = join(out, "manifest.json");
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
    manifest.files["dist/index.js"] = createHash("sha256").update(tampered).digest("hex");
    writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);

    const full = await runGenerator(["check", "--full", "--spec", spec, "--out", out]);
    expect(full.code).toBe(1);
    expect(full.stderr).toMatch(/differs .*dist\/index\.js/);
    const ci = await run(process.execPath, ["generator/run.mjs", "check", "--spec", spec, "--out", out], {
      env: { ...process.env, CI: "true" },
    });
    expect(ci.code).toBe(1);
    const quick = await runGenerator(["check", "--spec", spec, "--out", out]);
    expect(quick.code).toBe(1);

    const repaired = await runGenerator(["--spec", spec, "--out", out]);
    expect(repaired.code).toBe(0);
    expect(repaired.stdout).toMatch(/[1-9]\d* files written/);
    expect(hashTree(out)).toBe(good);
    expect((await runGenerator(["check", "--full", "--spec", spec, "--out", out])).code).toBe(0);
  }, 90_000);
});
