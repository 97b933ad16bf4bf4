/**
 * The embedded database has one owner, seen from outside as an operator meets it: `console` (a bot) in
 * one terminal, `freetobehome profiles takedown` and `import` in another. The second terminal's commands
 * are carried out by the running bot, whose next reply no longer shows the profile; after the bot is
 * killed, the next one takes its lock over and the takedown stands. The bot is a process of its own (the
 * lock and the socket are what is tested); the second terminal's commands run in this process as main.ts
 * runs them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLock } from "../../src/ops/data-dir-lock.ts";
import { runCliHere as runCli } from "../support/cli-io.ts";
import { unpackTemplateInto } from "../support/test-database.ts";
import { startConsoleBot } from "./console-bot.ts";

const SAMPLE_PROFILE = fileURLToPath(new URL("../../data/profiles/ilgar-mammadov.yaml", import.meta.url));

describe("one owner for the embedded database", () => {
  let dataDir: string;
  let env: Record<string, string>;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), "ftbh-one-owner-"));
    env = { DATA_DIR: dataDir };
    unpackTemplateInto(dataDir); // A migrated, never used database: the first console seeds the sample.
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** A console bot, once it takes commands from other terminals (its lock names its socket). */
  const startConsole = () => startConsoleBot({ ...env, DATA_DIR: dataDir });

  it("carries out a takedown and an import from a second terminal in the running bot", async () => {
    const bot = await startConsole();
    expect(await bot.ask("/prisoner Mammadov", /Ilgar Mammadov/)).toContain("Status as of");

    const takedown = await runCli(["profiles", "takedown", "ilgar-mammadov", "--reason", "family request"], {
      env,
    });
    const done = performance.now();
    expect(takedown).toMatchObject({ code: 0, stderr: "" });
    expect(takedown.stdout).toBe(
      "Taken down: ilgar-mammadov (Ilgar Mammadov). It is out of search, rotation and posts now.\n",
    );
    expect(await bot.ask("/prisoner Mammadov", /No profile matches/)).not.toContain("Ilgar Mammadov");
    expect(performance.now() - done).toBeLessThan(1_000);

    // An import while the bot runs, from another folder, with a path relative to it.
    const elsewhere = mkdtempSync(join(tmpdir(), "ftbh-import-"));
    const copy = readFileSync(SAMPLE_PROFILE, "utf8")
      .replace("id: ilgar-mammadov", "id: zulfiyya-testova")
      .replace("displayName: Ilgar Mammadov", "displayName: Zulfiyya Testova")
      .replace(
        /names:\n( {2}- .*\n)+/,
        "names:\n  - { value: Zulfiyya Testova, kind: primary, script: Latn }\n",
      );
    writeFileSync(join(elsewhere, "testova.yaml"), copy);
    const imported = await runCli(["import", "testova.yaml"], { env, cwd: elsewhere });
    rmSync(elsewhere, { recursive: true, force: true });
    expect(imported).toMatchObject({ code: 0, stderr: "" });
    expect(imported.stdout).toContain("profiles:  1 new");
    expect(await bot.ask("/prisoner Testova", /Zulfiyya Testova/)).toContain("Status as of");

    // A second console on the same folder becomes a chat with the first bot.
    const second = await runCli(["console"], { env, input: "/today\n" });
    expect(second.code).toBe(0); // A second console is the first bot's chat, not a second owner…
    expect(second.stdout).not.toContain("Ilgar Mammadov");
    expect(readLock(dataDir)?.pid).toBe(bot.child.pid); // …and the first bot still owns the folder.

    bot.child.kill("SIGKILL");
    await bot.exited;
  }, 300_000);

  it("after the bot was killed, the next one takes its lock over and the takedown stands", async () => {
    expect(readLock(dataDir)).toBeDefined(); // Left behind by the killed bot.
    const bot = await startConsole();
    expect(bot.result.stderr).toContain("took over the embedded database's lock");
    expect(await bot.ask("/prisoner Mammadov", /No profile matches/)).not.toContain("Ilgar Mammadov");
    const list = await runCli(["profiles", "list"], { env });
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/ilgar-mammadov .* taken down/);
    bot.child.stdin.end();
    expect((await bot.exited).code).toBe(0);
    expect(readLock(dataDir)).toBeUndefined();
  }, 300_000);
});
