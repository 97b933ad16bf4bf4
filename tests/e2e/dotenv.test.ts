/**
 * `.env` in the working folder, as the real command line reads it: the environment wins over the file;
 * a `.env` that cannot be read is named as a settings problem (exit 2); help needs no settings at all.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "./cli.ts";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "ftbh-dotenv-e2e-"));
  mkdirSync(join(dir, "good"));
  writeFileSync(join(dir, "good", ".env"), "DEFAULT_TIMEZONE=Mars/Olympus\nSTALE_AFTER_DAYS=-3\n");
  mkdirSync(join(dir, "broken", ".env"), { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("takes what .env sets, except what the environment sets", async () => {
  const result = await runCli(["profiles", "list"], {
    cwd: join(dir, "good"),
    env: { DATA_DIR: join(dir, "data"), DEFAULT_TIMEZONE: "UTC" },
  });
  expect(result.code).toBe(2);
  expect(result.stderr).toContain("STALE_AFTER_DAYS");
  expect(result.stderr).not.toContain("DEFAULT_TIMEZONE");
}, 60_000);

it("names a .env it cannot read, exit 2, and still answers --help", async () => {
  const options = { cwd: join(dir, "broken"), env: { DATA_DIR: join(dir, "data") } };
  const refused = await runCli(["profiles", "list"], options);
  expect(refused).toEqual({
    code: 2,
    stdout: "",
    stderr:
      "freetobehome: Invalid configuration:\n  - .env is there but could not be read (EISDIR); fix or remove it\n",
  });
  const help = await runCli(["profiles", "list", "--help"], options);
  expect(help.code).toBe(0);
  expect(help.stdout).toMatch(/^Usage: freetobehome profiles list/);
}, 60_000);
