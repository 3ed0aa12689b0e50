// Small credential files (ADC's, earthengine's) read without surprises: a regular file only (a FIFO or
// a device could block or never end), at most 64 KiB, JSON whose top level is an object.
import { open, stat } from "node:fs/promises";

/** Largest file read; a real credentials file is well under a kilobyte or two. */
const MAX_BYTES = 64 * 1024;

/** The file's JSON object; undefined when it is missing, not a regular file, too big, or not an object. */
export async function readJsonObject(path: string): Promise<Record<string, unknown> | undefined> {
  try {
    if (!(await stat(path)).isFile()) return undefined;
    const file = await open(path, "r");
    try {
      const buffer = Buffer.alloc(MAX_BYTES + 1);
      const { bytesRead } = await file.read(buffer, 0, buffer.length, 0);
      if (bytesRead > MAX_BYTES) return undefined;
      const json: unknown = JSON.parse(buffer.subarray(0, bytesRead).toString("utf8"));
      return json !== null && typeof json === "object" && !Array.isArray(json)
        ? (json as Record<string, unknown>)
        : undefined;
    } finally {
      await file.close();
    }
  } catch {
    return undefined;
  }
}
