// The CLI's messages never carry raw control characters from the spec, and its usage errors exit 2.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runGenerator } from "../helpers/run.js";

const tmp = mkdtempSync(join(tmpdir(), "ee-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// Any C0/C1 control, DEL, bidi control or line separator.
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]/;

describe("generator messages", () => {
  it("escape control characters from file names and spec text", async () => {
    const spec = join(tmp, "spec");
    cpSync("spec", spec, { recursive: true });
    writeFileSync(join(spec, "v9\u001b]0;pwned\u0007\u001b[2J.yaml"), "openapi: 3.1.0\n");
    const named = await runGenerator(["--spec", spec, "--out", join(tmp, "out")]);
    expect(named.code).toBe(1);
    expect(named.stderr).toContain("v9\\x1b]0;pwned\\x07\\x1b[2J.yaml");
    expect(named.stderr).not.toMatch(RAW);

    const spec2 = join(tmp, "spec2");
    cpSync("spec", spec2, { recursive: true });
    const file = join(spec2, "v1.yaml");
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace("'shared/components.yaml#", "'shared/\u202eevil\u2028.yaml#"));
    const ref = await runGenerator(["--spec", spec2, "--out", join(tmp, "out")]);
    expect(ref.code).toBe(1);
    expect(ref.stderr).toContain("shared/\\u202eevil\\u2028.yaml");
    expect(ref.stderr).not.toMatch(RAW);
  }, 60_000);

  it("check --watch and generate --full are usage errors (exit 2)", async () => {
    const watch = await runGenerator(["check", "--watch"]);
    expect(watch.code).toBe(2);
    expect(watch.stderr).toMatch(/^--watch works with generate only\n\nUsage:/);
    const full = await runGenerator(["generate", "--full"]);
    expect(full.code).toBe(2);
    expect(full.stderr).toMatch(/^--full works with check only\n/);
  }, 60_000);
});
