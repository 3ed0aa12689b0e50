// generate touches only what its own earlier run wrote: a non-empty folder without its manifest, --out
// overlapping --spec, a symbolic link or a foreign file inside --out are refused, naming the path, and
// nothing is changed.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyGenerated, hashTree, runGenerator } from "../helpers/run.js";

const tmp = mkdtempSync(join(tmpdir(), "ee-own-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const spec = join(tmp, "spec");
cpSync("spec", spec, { recursive: true });

describe("ownership", () => {
  it("refuses --out . in a clone-like folder (with .git): nothing deleted", async () => {
    const clone = join(tmp, "clone");
    mkdirSync(join(clone, ".git"), { recursive: true });
    writeFileSync(join(clone, ".git", "HEAD"), "ref: refs/heads/main\n");
    writeFileSync(join(clone, "README.md"), "mine\n");
    cpSync("spec", join(clone, "spec"), { recursive: true });
    const before = hashTree(clone);
    const r = await runGenerator(["--spec", join(clone, "spec"), "--out", clone]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--out .*clone contains --spec .*; refusing to write there/);
    const other = await runGenerator(["--spec", spec, "--out", clone]);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/clone is not empty and holds no manifest\.json from an earlier generate/);
    expect(hashTree(clone)).toBe(before);
  }, 60_000);

  it("refuses --out equal to or inside --spec", async () => {
    const before = hashTree(spec);
    for (const out of [spec, join(spec, "shared"), join(spec, "new")]) {
      const r = await runGenerator(["--spec", spec, "--out", out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/--out .* (is|is inside) --spec .*refusing to write there/);
    }
    expect(hashTree(spec)).toBe(before);
  }, 60_000);

  it("a symbolic link inside --out is an error naming it; its target is untouched", async () => {
    const out = join(tmp, "linked");
    copyGenerated(out);
    const elsewhere = join(tmp, "elsewhere");
    cpSync(join(out, "dist"), elsewhere, { recursive: true });
    writeFileSync(join(elsewhere, "index.js"), "// someone else's file\n");
    rmSync(join(out, "dist"), { recursive: true });
    symlinkSync(elsewhere, join(out, "dist"));
    const before = hashTree(elsewhere);
    const r = await runGenerator(["--spec", spec, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(out, "dist")} is a symbolic link`);
    expect(hashTree(elsewhere)).toBe(before);
    expect(readFileSync(join(elsewhere, "index.js"), "utf8")).toBe("// someone else's file\n");
  }, 60_000);

  it("a file the manifest does not list is refused; node_modules is carried over untouched", async () => {
    const out = join(tmp, "foreign");
    copyGenerated(out);
    writeFileSync(join(out, "src", "notes.txt"), "mine\n");
    const r = await runGenerator(["--spec", spec, "--out", out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${join(out, "src", "notes.txt")} is not listed in`);
    expect(readFileSync(join(out, "src", "notes.txt"), "utf8")).toBe("mine\n");
    rmSync(join(out, "src", "notes.txt"));
    mkdirSync(join(out, "node_modules", "dep"), { recursive: true });
    writeFileSync(join(out, "node_modules", "dep", "index.js"), "kept\n");
    writeFileSync(join(out, "dist", "index.js"), "changed\n"); // forces a full switch
    const ok = await runGenerator(["--spec", spec, "--out", out]);
    expect(ok.stderr).toBe("");
    expect(readFileSync(join(out, "node_modules", "dep", "index.js"), "utf8")).toBe("kept\n");
    expect(hashTree(out)).toBe(hashTree("generated"));
  }, 60_000);

  it("an empty folder, and one holding only node_modules, are written into", async () => {
    const out = join(tmp, "empty");
    mkdirSync(join(out, "node_modules"), { recursive: true });
    const r = await runGenerator(["--spec", spec, "--out", out]);
    expect(r.stderr).toBe("");
    expect(hashTree(out)).toBe(hashTree("generated"));
  }, 60_000);

  it("check --out / answers (stale) without crashing or walking the whole disk", async () => {
    const r = await runGenerator(["check", "--spec", spec, "--out", "/"], { timeoutMs: 60_000 });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("check: // is stale");
    expect(r.stderr).not.toMatch(/Maximum call stack/);
  }, 60_000);
});
