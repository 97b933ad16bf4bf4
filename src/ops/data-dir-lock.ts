/**
 * One owner for the embedded database. PGlite keeps no lock of its own: two processes that open one data
 * folder each believe they own it, and the second one's writes (a takedown!) are lost or crash it. So every
 * process that opens the folder first takes `freetobehome.lock` in it: a file created exclusively, holding
 * the owner's pid, what it runs, and (once a bot listens) where its control socket is. A lock whose process
 * is gone (killed, crashed) is taken over; the caller says so in its log.
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from "node:fs";
import { join } from "node:path";

export const LOCK_FILE = "freetobehome.lock";

export interface LockHolder {
  pid: number;
  /** Start time of the process (Linux /proc), so a recycled pid is not taken for the owner. */
  identity?: string;
  /** What the owner runs: "start", "console", "import", … */
  command: string;
  since: string;
  /** The owner's control socket, once it accepts commands (bots only). */
  socket?: string;
}

export interface DataDirLock {
  readonly path: string;
  readonly holder: LockHolder;
  /** The holder this lock took over from, when its process was gone. */
  readonly tookOverFrom?: LockHolder;
  /** Records where the owner's control socket listens. */
  announceSocket(socket: string): void;
  release(): void;
}

/** The folder is owned by a live process. */
export class DataDirBusyError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by \`freetobehome ${holder.command}\` (pid ${holder.pid})`,
    );
    this.name = "DataDirBusyError";
  }
}

/** The kernel's start time of a process (field 22 of /proc/<pid>/stat); undefined off Linux. */
export function processIdentity(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: count fields after its closing ")".
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
  } catch {
    return undefined;
  }
}

export function isAlive(holder: Pick<LockHolder, "pid" | "identity">): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (err) {
    // EPERM: the process exists but belongs to someone else; it is alive.
    if ((err as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (holder.identity === undefined) return true;
  const now = processIdentity(holder.pid);
  return now === undefined || now === holder.identity;
}

/** The lock's holder, or undefined when there is no lock file (or one still being written). */
export function readLock(dataDir: string): LockHolder | undefined {
  let text: string;
  try {
    text = readFileSync(join(dataDir, LOCK_FILE), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  try {
    const parsed = JSON.parse(text) as LockHolder;
    return typeof parsed.pid === "number" ? parsed : undefined;
  } catch {
    return undefined; // Created but not yet written: its owner is between two system calls.
  }
}

/** Takes the folder's lock for this process, taking over a dead owner's; throws DataDirBusyError. */
export function acquireDataDirLock(dataDir: string, command: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE);
  const identity = processIdentity(process.pid);
  const holder: LockHolder = {
    pid: process.pid,
    ...(identity === undefined ? {} : { identity }),
    command,
    since: new Date().toISOString(),
  };
  let tookOverFrom: LockHolder | undefined;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = openSync(path, "wx", 0o600);
      try {
        writeSync(fd, JSON.stringify(holder));
      } finally {
        closeSync(fd);
      }
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const current = readLock(dataDir);
    if (current && isAlive(current)) throw new DataDirBusyError(dataDir, current);
    if (attempt >= 20) {
      // A lock file that stays unreadable is not being written by anyone: treat it as left behind.
      if (!current) unlinkQuietly(path);
      if (attempt >= 40) throw new Error(`could not take the lock ${path}`);
    }
    if (current) {
      if (!moveAsideIfStill(path, current)) continue; // Someone else took it over first: look again.
      tookOverFrom = current;
    } else {
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5); // Give the writer 5 ms.
    }
  }
  let released = false;
  return {
    path,
    holder,
    ...(tookOverFrom ? { tookOverFrom } : {}),
    announceSocket(socket) {
      holder.socket = socket;
      // Write then rename, so a reader never sees a half-written lock.
      const partial = `${path}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify(holder), { mode: 0o600 });
      renameSync(partial, path);
    },
    release() {
      if (released) return;
      released = true;
      const current = readLock(dataDir);
      if (current?.pid === process.pid) unlinkQuietly(path);
    },
  };
}

/**
 * Moves a dead owner's lock out of the way, unless another process replaced it meanwhile (then false).
 * The rename is atomic: of several processes taking over at once, one moves the dead lock; the others
 * move nothing, or a live lock, which they put back.
 */
function moveAsideIfStill(path: string, dead: LockHolder): boolean {
  const aside = `${path}.${randomBytes(4).toString("hex")}.stale`;
  try {
    renameSync(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw err;
  }
  let moved: LockHolder | undefined;
  try {
    moved = JSON.parse(readFileSync(aside, "utf8")) as LockHolder;
  } catch {
    moved = undefined;
  }
  if (moved?.pid === dead.pid && moved.since === dead.since) {
    unlinkQuietly(aside);
    return true;
  }
  try {
    linkSync(aside, path); // A live owner's lock: put it back, unless a newer one stands there already.
  } catch {
    // EEXIST: a newer lock stands; the moved one's owner will find its lock gone when it releases.
  }
  unlinkQuietly(aside);
  return false;
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}
