import { describe, expect, it } from "vitest";
import { loadConfig, redactConfig } from "../../src/config.ts";
import { ConfigError } from "../../src/core/errors.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return [...err.problems];
    throw err;
  }
  return [];
}

describe("configuration", () => {
  it("applies the documented defaults to an empty environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DATA_DIR: "./.data",
      HTTP_PORT: 8080,
      SLACK_PORT: 3000,
      DEFAULT_TIMEZONE: "UTC",
      DEFAULT_POST_TIME: "09:00",
      STALE_AFTER_DAYS: 90,
      CATCH_UP_HOURS: 6,
      LOG_LEVEL: "info",
      platforms: { discord: false, slack: false, telegram: false },
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("lists every problem at once, naming each variable", () => {
    const problems = problemsOf({
      HTTP_PORT: "80000",
      DEFAULT_TIMEZONE: "Mars/Olympus",
      DEFAULT_POST_TIME: "9am",
      STALE_AFTER_DAYS: "-3",
      LOG_LEVEL: "loud",
      DATABASE_URL: "mysql://x",
    });
    expect(problems.map((p) => p.split(" ")[0]).sort()).toEqual(
      [
        "DATABASE_URL",
        "DEFAULT_POST_TIME",
        "DEFAULT_TIMEZONE",
        "HTTP_PORT",
        "LOG_LEVEL",
        "STALE_AFTER_DAYS",
      ].sort(),
    );
  });

  it("never prints a secret's value, even when it is the invalid one", () => {
    const secret = "xoxp-super-secret-value";
    const problems = problemsOf({
      SLACK_BOT_TOKEN: secret,
      TELEGRAM_BOT_TOKEN: "not a token",
      DATABASE_URL: "mysql://u:pw@h",
    });
    expect(problems.join("\n")).not.toContain(secret);
    expect(problems.join("\n")).not.toContain("pw@h");
    expect(problems.some((p) => p.startsWith("SLACK_BOT_TOKEN"))).toBe(true);
  });

  it("requires the settings that go together", () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: "xoxb-1" })).toEqual([
      expect.stringContaining("SLACK_SIGNING_SECRET"),
    ]);
    expect(problemsOf({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" })).toEqual([]);
    expect(problemsOf({ TELEGRAM_BOT_TOKEN: "1:a", TELEGRAM_WEBHOOK_URL: "https://bot.example/tg" })).toEqual(
      [expect.stringContaining("TELEGRAM_WEBHOOK_SECRET")],
    );
    expect(problemsOf({ SLACK_CLIENT_ID: "1" }).length).toBe(3);
  });

  it("turns platforms on by their credentials, and redacts secrets for logging", () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: "123:abc",
      DISCORD_TOKEN: "d",
      DATABASE_URL: "postgres://u:pw@h/db",
    });
    expect(config.platforms).toEqual({ discord: true, slack: false, telegram: true });
    const redacted = JSON.stringify(redactConfig(config));
    expect(redacted).not.toContain("123:abc");
    expect(redacted).not.toContain("pw@h");
  });

  it("accepts a zone in any case and keeps its canonical spelling elsewhere", () => {
    expect(loadConfig({ DEFAULT_TIMEZONE: "Asia/Kathmandu" }).DEFAULT_TIMEZONE).toBe("Asia/Kathmandu");
  });

  it("checks delivery rates and Discord shards, naming what is allowed", () => {
    expect(loadConfig({}).TELEGRAM_MESSAGES_PER_SECOND).toBe(30);
    expect(problemsOf({ SLACK_MESSAGES_PER_SECOND: "0" })).toEqual([
      expect.stringMatching(/^SLACK_MESSAGES_PER_SECOND must be a number of messages per second above 0/),
    ]);
    expect(problemsOf({ DISCORD_SHARD_IDS: "0,1" })).toEqual([
      expect.stringMatching(/^DISCORD_SHARD_COUNT is required with DISCORD_SHARD_IDS/),
    ]);
    expect(problemsOf({ DISCORD_SHARD_IDS: "0,2", DISCORD_SHARD_COUNT: "2" })).toEqual([
      expect.stringMatching(/^DISCORD_SHARD_IDS must each be below DISCORD_SHARD_COUNT \(2\)/),
    ]);
    expect(problemsOf({ DISCORD_SHARD_IDS: "a", DISCORD_SHARD_COUNT: "0" })).toHaveLength(2);
    expect(loadConfig({ DISCORD_SHARD_IDS: "1, 3", DISCORD_SHARD_COUNT: "4" })).toMatchObject({
      DISCORD_SHARD_IDS: [1, 3],
      DISCORD_SHARD_COUNT: 4,
    });
  });
});
