// Reading one spec file safely: only a regular file, only inside the spec folder (after resolving
// symbolic links), never more than MAX_FILE_BYTES. The file is opened with O_NONBLOCK and checked with
// fstat before any read, so a FIFO or a device can neither hang nor flood the generator.
import { constants } from "node:fs";
import { open, realpath } from "node:fs/promises";
import { isAbsolute, relative, sep } from "node:path";
import { MAX_FILE_BYTES } from "./limits.js";

/**
 * Why a file was not read, as a predicate ("cannot be read (ENOENT)", "is not a regular file"); the
 * caller turns it into a SpecError located where the file was named.
 */
export class UnreadableFile extends Error {
  override readonly name = "UnreadableFile";
}

/** True when `path` is `root` or below it (both absolute, already resolved). */
export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

/** The text of the regular file at `path`, which must resolve to a place inside the folder `root`. */
export async function readSpecFile(path: string, root: string, maxBytes = MAX_FILE_BYTES): Promise<string> {
  let real: string;
  let realRoot: string;
  try {
    realRoot = await realpath(root);
    real = await realpath(path);
  } catch (error) {
    throw new UnreadableFile(`cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
  if (!isInside(realRoot, real)) throw new UnreadableFile("resolves to a place outside the spec folder");
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW);
  } catch (error) {
    throw new UnreadableFile(`cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new UnreadableFile("is not a regular file");
    if (stat.size > maxBytes) throw new UnreadableFile(`is larger than ${maxBytes} bytes`);
    // Read until the end, but never more than one byte past the limit: the file may grow after fstat.
    const chunks: Buffer[] = [];
    let length = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(stat.size - length, 64 << 10), maxBytes + 1 - length));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, length);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
      if (length > maxBytes) throw new UnreadableFile(`is larger than ${maxBytes} bytes`);
    }
    return Buffer.concat(chunks, length).toString("utf8");
  } finally {
    await handle.close();
  }
}
