/**
 * The command line refuses what it would otherwise ignore or garble: words a command does not take and a
 * real delivery pass as of a future instant (named, exit 2, nothing opened or written), and a Postgres
 * server it cannot reach (said plainly, exit 1, no stack trace and never the password in DATABASE_URL).
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "./cli.ts";

let dir: string;
let env: Record<string, string>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ftbh-cli-refusals-"));
  env = { DATA_DIR: join(dir, "data") };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("words a command does not take", () => {
  it.each([
    [["migrate", "--bogus"], "unknown option --bogus"],
    [["migrate", "now"], 'migrate takes no arguments (unexpected: "now")'],
    [["export", "all"], 'export takes no arguments (unexpected: "all")'],
    [["start", "now"], 'start takes no arguments (unexpected: "now")'],
    [["console", "x"], 'console takes no arguments (unexpected: "x")'],
    [
      ["profiles", "list", "extra", "words"],
      'profiles list takes no arguments (unexpected: "extra" "words")',
    ],
    [["profiles", "stale", "--all"], "unknown option --all"],
    [["profiles", "restore", "a", "b"], 'profiles restore takes one id (unexpected: "b")'],
    [
      ["profiles", "takedown", "ilgar-mammadov", "--reason", "family", "request"],
      'profiles takedown takes one id (unexpected: "request"); quote a reason of several words: --reason "family request"',
    ],
  ])("%j is a usage error naming the word", async (args, message) => {
    const result = await runCli(args, { env });
    expect(result.stderr).toContain(`freetobehome: ${message}\n`);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
  });

  it("opened no database for any of them", () => {
    expect(existsSync(env.DATA_DIR!)).toBe(false);
  });
});

describe("deliver --at a future instant", () => {
  it("is a usage error naming the instant and pointing to --dry-run; nothing is opened", async () => {
    const result = await runCli(["deliver", "--at", "2099-01-01T09:00+04:00"], { env });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^freetobehome: --at 2099-01-01T09:00\+04:00 is in the future \(2099-01-01T05:00:00\.000Z; it is now \d{4}-\d\d-\d\dT[\d:.]+Z\)\. deliver --at only catches up on posts already due; nothing was opened or sent\. To see what would be posted then, add --dry-run: freetobehome deliver --dry-run --at 2099-01-01T09:00\+04:00\n/,
    );
    expect(existsSync(env.DATA_DIR!)).toBe(false);
  });
});

describe("a Postgres server that cannot be reached", () => {
  it("says which server and why, without a stack trace or the password", async () => {
    const result = await runCli(["profiles", "list"], {
      env: { ...env, DATABASE_URL: "postgres://u:secret@127.0.0.1:1/x" },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "freetobehome: Could not reach the Postgres server at 127.0.0.1:1 (DATABASE_URL): connection refused.\n",
    );
    expect(result.stdout + result.stderr).not.toContain("secret");
  });
});
