// $ref reaches only regular files inside the spec folder; everything else is a SpecError located at the
// $ref, raised without opening (or hanging on) the file.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bundle } from "../../generator/load/bundle.js";
import { MAX_FILE_BYTES } from "../../generator/load/limits.js";
import { readSpecFile } from "../../generator/load/spec-file.js";

const tmp = mkdtempSync(join(tmpdir(), "ee-confine-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const ORIGINAL = "'shared/components.yaml#/components/securitySchemes/oauth2'";
let n = 0;

// The line of v1.yaml's first $ref (the oauth2 scheme); errors are located at its value.
const REF_LINE =
  readFileSync("spec/v1.yaml", "utf8")
    .split("\n")
    .findIndex((l) => l.includes(ORIGINAL)) + 1;

/** A copy of spec/ whose first $ref names `target`; `prepare` adds files to it. */
function specWithRef(target: string, prepare: (spec: string) => void = () => {}): string {
  const spec = join(tmp, `spec${n++}`);
  cpSync("spec", spec, { recursive: true });
  const file = join(spec, "v1.yaml");
  const text = readFileSync(file, "utf8");
  expect(text.split("\n")[REF_LINE - 1]).toContain(ORIGINAL);
  writeFileSync(file, text.replace(ORIGINAL, JSON.stringify(target)));
  prepare(spec);
  return spec;
}

const at = new RegExp(`v1\\.yaml:${REF_LINE}:13: \\$ref `);

describe("$ref confinement", () => {
  const cases: { name: string; target: string; prepare?: (spec: string) => void; want: RegExp }[] = [
    { name: "absolute path", target: "/etc/hostname#/components/x/y", want: /is an absolute path; expected/ },
    {
      name: "/proc/self/environ",
      target: "/proc/self/environ#/components/x/y",
      want: /is an absolute path/,
    },
    { name: "../ escape", target: "../../../../etc/hostname#/components/x/y", want: /leaves the spec folder/ },
    {
      name: "../ escape to a sibling folder",
      target: "../outside.yaml#/components/x/y",
      prepare: (spec) => writeFileSync(join(spec, "..", "outside.yaml"), "components: {x: {y: {}}}\n"),
      want: /leaves the spec folder/,
    },
    {
      name: "a symbolic link out of the folder",
      target: "shared/link.yaml#/components/x/y",
      prepare: (spec) => symlinkSync("/proc/self/environ", join(spec, "shared", "link.yaml")),
      want: /names a file that resolves to a place outside the spec folder/,
    },
    {
      name: "a FIFO",
      target: "shared/fifo.yaml#/components/x/y",
      prepare: (spec) => execFileSync("mkfifo", [join(spec, "shared", "fifo.yaml")]),
      want: /names a file that is not a regular file/,
    },
    {
      name: "a device through a link",
      target: "shared/zero.yaml#/components/x/y",
      prepare: (spec) => symlinkSync("/dev/zero", join(spec, "shared", "zero.yaml")),
      want: /names a file that resolves to a place outside the spec folder/,
    },
    {
      name: "a folder",
      target: "shared#/components/x/y",
      want: /names a file that is not a regular file/,
    },
    {
      name: "a file over the size limit",
      target: "shared/big.yaml#/components/x/y",
      prepare: (spec) => writeFileSync(join(spec, "shared", "big.yaml"), `# ${"x".repeat(MAX_FILE_BYTES)}\n`),
      want: new RegExp(`names a file that is larger than ${MAX_FILE_BYTES} bytes`),
    },
  ];
  for (const c of cases) {
    it(`${c.name} → located SpecError`, async () => {
      const spec = specWithRef(c.target, c.prepare);
      await expect(bundle(join(spec, "v1.yaml"))).rejects.toThrow(at);
      await expect(bundle(join(spec, "v1.yaml"))).rejects.toThrow(c.want);
    }, 5_000);
  }

  it("a link that stays inside the folder, and a file in a sub-folder, are read", async () => {
    const spec = specWithRef("deep/er/link.yaml#/components/securitySchemes/oauth2", (dir) => {
      mkdirSync(join(dir, "deep", "er"), { recursive: true });
      symlinkSync(join(dir, "shared", "components.yaml"), join(dir, "deep", "er", "link.yaml"));
    });
    const b = await bundle(join(spec, "v1.yaml"));
    expect(Object.keys((b.document.components as Record<string, object>).securitySchemes!)).toContain("oauth2");
  });

  it("a spec file that is itself a FIFO is refused at 1:1 without hanging", async () => {
    const dir = join(tmp, "fifo-root");
    mkdirSync(dir);
    execFileSync("mkfifo", [join(dir, "v1.yaml")]);
    await expect(bundle(join(dir, "v1.yaml"))).rejects.toThrow(/v1\.yaml:1:1: the file is not a regular file/);
  }, 5_000);
});

describe("readSpecFile", () => {
  const cases: { bytes: number; max: number; want: RegExp | number }[] = [
    { bytes: 0, max: 10, want: 0 },
    { bytes: 10, max: 10, want: 10 },
    { bytes: 11, max: 10, want: /is larger than 10 bytes/ },
    { bytes: 200_000, max: 200_000, want: 200_000 }, // more than one read
  ];
  for (const { bytes, max, want } of cases) {
    it(`${bytes} bytes with a ${max}-byte limit → ${want}`, async () => {
      const file = join(tmp, `size-${bytes}-${max}.yaml`);
      writeFileSync(file, "é".repeat(bytes / 2) + "x".repeat(bytes % 2));
      const read = readSpecFile(file, tmp, max);
      if (typeof want === "number") expect(Buffer.byteLength(await read)).toBe(want);
      else await expect(read).rejects.toThrow(want);
    });
  }
});
