import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  acquireDataDirLock,
  DataDirBusyError,
  LOCK_FILE,
  processIdentity,
  readLock,
} from "../../../src/ops/data-dir-lock.ts";

/** The pid of a process that has already exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
  return Number(child.stdout.toString());
}

describe("the embedded database's lock", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "ftbh-lock-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("has one owner: a second taker is refused with the owner's pid and command", () => {
    const lock = acquireDataDirLock(dir, "start");
    expect(readLock(dir)).toMatchObject({ pid: process.pid, command: "start" });
    let second: unknown;
    try {
      acquireDataDirLock(dir, "import");
    } catch (err) {
      second = err;
    }
    expect(second).toBeInstanceOf(DataDirBusyError);
    expect((second as DataDirBusyError).holder).toMatchObject({ pid: process.pid, command: "start" });
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    acquireDataDirLock(dir, "import").release();
  });

  it("takes over a lock left by a process that is gone, and says whose it was", () => {
    const pid = deadPid();
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid, command: "start", since: "2026-01-01T00:00:00Z" }),
    );
    const lock = acquireDataDirLock(dir, "console");
    expect(lock.tookOverFrom).toMatchObject({ pid, command: "start" });
    expect(readLock(dir)).toMatchObject({ pid: process.pid, command: "console" });
    lock.release();
  });

  it("does not take a recycled pid for the owner (the process start time differs)", () => {
    if (processIdentity(process.pid) === undefined) return; // Only where /proc tells start times.
    const stale = { pid: process.pid, identity: "1", command: "start", since: "2026-01-01T00:00:00Z" };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(stale));
    const lock = acquireDataDirLock(dir, "import");
    expect(lock.tookOverFrom).toMatchObject({ identity: "1" });
    lock.release();
  });

  it("records the control socket for other terminals, and releases only its own lock", () => {
    const lock = acquireDataDirLock(dir, "start");
    lock.announceSocket("/run/example.sock");
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), "utf8"))).toMatchObject({
      pid: process.pid,
      socket: "/run/example.sock",
    });
    // Another process took the folder over meanwhile (this one was thought dead): its lock stays.
    const other = { pid: deadPid() + 1_000_000, command: "start", since: "x" };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(other));
    lock.release();
    expect(readLock(dir)).toMatchObject({ command: "start", since: "x" });
  });

  it("treats a lock file that stays unreadable as left behind", () => {
    writeFileSync(join(dir, LOCK_FILE), "");
    const lock = acquireDataDirLock(dir, "import");
    expect(readLock(dir)).toMatchObject({ pid: process.pid });
    lock.release();
  });
});
