// One generate at a time per output folder: a lock file beside it, created whole (written to a
// temporary name, then hard-linked into place, so no reader ever sees it empty). A lock is stale, and
// removed, when it is empty or unreadable (not ours: ours are never partial), when its process is gone,
// when its PID now belongs to another process (Linux: the recorded start time differs; containers reuse
// PIDs, the current process included), or when it is older than STALE_MS with no live owner proven.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { link, readFile, stat, unlink, writeFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

interface LockRecord {
  pid: number;
  token: string;
  /** The process's start time in clock ticks since boot (Linux), to tell a reused PID from its owner. */
  start?: string;
}

const STALE_MS = 10 * 60_000;
/** Locks this process holds, by path: the same PID in a lock file is then really us. */
const held = new Map<string, string>();

function processStart(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Why the lock at `path`, holding `text`, is stale; undefined while its owner may still be running. */
export function staleReason(text: string, ageMs: number, path = ""): string | undefined {
  let record: LockRecord;
  try {
    record = JSON.parse(text);
  } catch {
    return "empty or unreadable";
  }
  if (!Number.isInteger(record?.pid) || record.pid <= 0 || typeof record.token !== "string") return "unreadable";
  if (record.pid === process.pid) return held.get(path) === record.token ? undefined : "left by an earlier process";
  if (!isAlive(record.pid)) return `pid ${record.pid} is not running`;
  const start = processStart(record.pid);
  if (record.start !== undefined && start !== undefined && start !== record.start)
    return `pid ${record.pid} now belongs to another process`;
  if (start === undefined && ageMs > STALE_MS) return `older than ${STALE_MS / 60_000} minutes`;
  return undefined;
}

/** Takes the lock at `path`, waiting up to `timeoutMs` for a live owner; returns its release. */
export async function lock(path: string, timeoutMs = 60_000): Promise<() => Promise<void>> {
  const record: LockRecord = {
    pid: process.pid,
    token: randomBytes(8).toString("hex"),
    start: processStart(process.pid),
  };
  const temp = `${path}.${record.token}`;
  await writeFile(temp, JSON.stringify(record));
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      // Within this process, wait for our own earlier holder first.
      if (!held.has(path)) {
        try {
          await link(temp, path);
          held.set(path, record.token);
          return async () => {
            held.delete(path);
            const now = await readFile(path, "utf8").catch(() => "");
            if (now.includes(record.token)) await unlink(path).catch(() => {});
          };
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        }
        const text = await readFile(path, "utf8").catch(() => "");
        const age = await stat(path).then(
          (s) => Date.now() - s.mtimeMs,
          () => 0,
        );
        if (staleReason(text, age, path) !== undefined) {
          // Remove it only if it is still the same stale lock (another waiter may have replaced it).
          if ((await readFile(path, "utf8").catch(() => undefined)) === text) await unlink(path).catch(() => {});
          continue;
        }
        if (Date.now() > deadline) {
          const owner = (() => {
            try {
              return JSON.parse(text).pid;
            } catch {
              return "unknown";
            }
          })();
          throw new Error(`another generate holds ${path} (pid ${owner})`);
        }
      } else if (Date.now() > deadline) throw new Error(`this process already holds ${path}`);
      await sleep(25);
    }
  } finally {
    await unlink(temp).catch(() => {});
  }
}
