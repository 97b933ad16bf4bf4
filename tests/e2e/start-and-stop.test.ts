/**
 * The bot's process ends when it should: a start that fails says which platform and why on one line and
 * exits (never a half-started bot answering /healthz); SIGTERM stops it; the console chat ends cleanly on
 * Ctrl-C, SIGTERM, or a reader that stops reading its output.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFakeTelegram, type FakeTelegram } from "../fakes/telegram/index.ts";
import { runCliHere } from "../support/cli-io.ts";
import { unpackTemplateInto } from "../support/test-database.ts";
import { runCli, spawnCli } from "./cli.ts";

let dir: string;
let fake: FakeTelegram;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ftbh-start-stop-"));
  fake = await createFakeTelegram();
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A migrated, never used embedded database's folder: creating one is not what these tests are about. */
const dataDir = (name: string) => {
  const path = join(dir, name);
  if (!existsSync(path)) unpackTemplateInto(path);
  return path;
};

describe("start", () => {
  it("exits 1 with one line naming the platform when it cannot start, never the token", async () => {
    const secretHalf = "AAHsecret-part-of-the-bot-token";
    const started = Date.now();
    const result = await runCli(["start"], {
      env: {
        DATA_DIR: dataDir("failed"),
        TELEGRAM_BOT_TOKEN: `123456:${secretHalf}`,
        TELEGRAM_API_ROOT: "http://127.0.0.1:1",
        HTTP_PORT: "0",
        LOG_LEVEL: "silent",
      },
    });
    expect(result.code).toBe(1);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.stderr).toMatch(/^freetobehome: Telegram did not start: .*ECONNREFUSED.*\n$/);
    expect(result.stderr).not.toContain("    at ");
    expect(result.stdout + result.stderr).not.toContain(secretHalf);
  }, 30_000);

  it("never logs discord.js's token announcement, even at LOG_LEVEL=debug", async () => {
    const token = "MTIzNDU2Nzg5MDEyMzQ1Njc4.GabcDE.secret-part-of-the-discord-token";
    const result = await runCli(["start"], {
      env: {
        DATA_DIR: dataDir("discord-debug"),
        DISCORD_TOKEN: token,
        DISCORD_API_URL: "http://127.0.0.1:1",
        HTTP_PORT: "0",
        LOG_LEVEL: "debug",
      },
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('"msg":"discord.js"'); // debug logging did run
    expect(result.stdout).not.toContain("Provided token");
    expect(result.stdout).not.toContain("MTIzNDU2Nzg5MDEyMzQ1Njc4");
    expect(result.stderr).toMatch(/^freetobehome: Discord did not start: .*\n$/);
  }, 30_000);

  it("answers /healthz while running and exits 0 on SIGTERM", async () => {
    const run = spawnCli(["start"], {
      env: {
        DATA_DIR: dataDir("running"),
        TELEGRAM_BOT_TOKEN: fake.token,
        TELEGRAM_API_ROOT: fake.apiRoot,
        HTTP_PORT: "0",
        LOG_LEVEL: "info",
      },
    });
    const [, port] = await run.waitForStdout(/"httpPort":(\d+)/);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    run.child.kill("SIGTERM");
    const result = await run.exited;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('"msg":"stopped"');
  }, 30_000);
});

describe("the console chat", () => {
  it.each(["SIGINT", "SIGTERM"] as const)(
    "ends on %s, closing what it opened, exit 0",
    async (signal) => {
      const run = spawnCli(["console"], { env: { DATA_DIR: dataDir(`console-${signal}`) } });
      run.child.stdin.write("/help\n");
      await run.waitForStdout(/\/prisoner/);
      run.child.kill(signal);
      const result = await run.exited;
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      // The database was closed, not abandoned: the next run (here, in this process) opens it.
      const again = await runCliHere(["profiles", "list"], {
        env: { DATA_DIR: dataDir(`console-${signal}`) },
      });
      expect(again.code).toBe(0);
    },
    60_000,
  );

  it("ends quietly when its output is closed (`… | head -1`)", async () => {
    const run = spawnCli(["console"], { env: { DATA_DIR: dataDir("console-epipe") } });
    run.child.stdout.once("data", () => run.child.stdout.destroy());
    run.child.stdin.write("/help\n".repeat(200));
    const result = await run.exited;
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
  }, 60_000);
});
