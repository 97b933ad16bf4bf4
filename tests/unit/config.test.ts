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
      RETRACT_WITHIN_DAYS: 30,
      CATALOG_RECORDS: "memory",
      CATCH_UP_HOURS: 6,
      LOG_LEVEL: "info",
      platforms: { discord: false, slack: false, telegram: false },
    });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it("reads NO_COLOR as no-color.org says: set to anything but the empty string", () => {
    expect(loadConfig({}).NO_COLOR).toBe(false);
    expect(loadConfig({ NO_COLOR: "" }).NO_COLOR).toBe(false);
    expect(loadConfig({ NO_COLOR: "1" }).NO_COLOR).toBe(true);
    expect(loadConfig({ NO_COLOR: "false" }).NO_COLOR).toBe(true);
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

  it("takes DEFAULT_LANGUAGE as a shipped language's tag in any case, and names the choices otherwise", () => {
    expect(loadConfig({ DEFAULT_LANGUAGE: "ZH-hans" }).DEFAULT_LANGUAGE).toBe("zh-Hans");
    expect(loadConfig({ DEFAULT_LANGUAGE: "fa" }).DEFAULT_LANGUAGE).toBe("fa");
    expect(loadConfig({}).DEFAULT_LANGUAGE).toBe("en");
    for (const wrong of ["klingon", "constructor", "fa-IR"]) {
      expect(problemsOf({ DEFAULT_LANGUAGE: wrong })).toEqual([
        expect.stringMatching(
          /^DEFAULT_LANGUAGE.*must be one of the bot's languages: en, es, fr, ar, fa, ru, uk, az, zh-Hans/,
        ),
      ]);
    }
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

  it("takes panel sign-in with Discord or Slack only complete, with a public address, never as admin", () => {
    const discord = { PANEL_DISCORD_CLIENT_ID: "123456789012345678", PANEL_DISCORD_CLIENT_SECRET: "dsecret" };
    const slack = { PANEL_SLACK_CLIENT_ID: "1111.2222", PANEL_SLACK_CLIENT_SECRET: "ssecret" };
    const url = { PANEL_PUBLIC_URL: "https://panel.example.org" };
    expect(problemsOf({ ...discord, ...url })).toEqual([]);
    expect(problemsOf(discord)).toEqual([
      expect.stringMatching(/^PANEL_PUBLIC_URL is required .*\/sign-in\/discord\/callback/),
    ]);
    expect(problemsOf({ PANEL_DISCORD_CLIENT_ID: "123", ...url })).toEqual([
      "PANEL_DISCORD_CLIENT_SECRET is required with PANEL_DISCORD_CLIENT_ID",
    ]);
    expect(problemsOf({ ...slack, ...url })).toEqual([
      expect.stringMatching(/^PANEL_SLACK_CLIENT_ID needs the bot on Slack/),
    ]);
    expect(problemsOf({ ...slack, ...url, SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" })).toEqual(
      [],
    );
    expect(
      problemsOf({ PANEL_SLACK_CLIENT_ID: "abc", PANEL_DISCORD_CLIENT_ID: "x1" }).map((p) => p.split(" ")[0]),
    ).toEqual(expect.arrayContaining(["PANEL_SLACK_CLIENT_ID", "PANEL_DISCORD_CLIENT_ID"]));
    expect(loadConfig({}).PANEL_OAUTH_ROLE).toBe("viewer");
    expect(loadConfig({ PANEL_OAUTH_ROLE: "editor" }).PANEL_OAUTH_ROLE).toBe("editor");
    expect(problemsOf({ PANEL_OAUTH_ROLE: "admin" })).toEqual([
      expect.stringContaining("PANEL_OAUTH_ROLE must be viewer or editor"),
    ]);
    const redacted = JSON.stringify(
      redactConfig(
        loadConfig({ ...discord, ...slack, ...url, SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }),
      ),
    );
    expect(redacted).not.toContain("dsecret");
    expect(redacted).not.toContain("ssecret");
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

  it.each(["constructor", "__proto__", "Constructor", "toString"])(
    "refuses %s as a zone or a log level",
    (name) => {
      expect(problemsOf({ DEFAULT_TIMEZONE: name, LOG_LEVEL: name }).map((p) => p.split(" ")[0])).toEqual([
        "DEFAULT_TIMEZONE",
        "LOG_LEVEL",
      ]);
    },
  );

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

  it("refuses a DATABASE_URL postgres.js cannot read, among the other problems and without its value", () => {
    const problems = (url: string) => problemsOf({ DATABASE_URL: url, HTTP_PORT: "x" });
    expect(problems("postgres://u:pw%ZZ@127.0.0.1:1/db")).toEqual([
      expect.stringMatching(/^DATABASE_URL has a broken %-escape in its user name or password/),
      expect.stringMatching(/^HTTP_PORT /),
    ]);
    expect(problems("postgres://u:pw@127.0.0.1:99999/db")[0]).toMatch(
      /^DATABASE_URL has a port that is not a number from 1 to 65535$/,
    );
    expect(problems("postgres://u:pw@127.0.0.1:0/db")[0]).toMatch(/^DATABASE_URL has a port/);
    expect(problems("postgres://u:pw@ho st:5432/db")[0]).toMatch(/^DATABASE_URL is not a valid URL/);
    for (const url of ["postgres://u:pw%ZZ@127.0.0.1:1/db", "postgres://u:pw@127.0.0.1:99999/db"]) {
      expect(problems(url).join("\n")).not.toContain("pw");
    }
  });

  it("accepts the DATABASE_URL forms postgres.js takes", () => {
    for (const url of [
      "postgres://u:p%40ss@127.0.0.1:5432/db",
      "postgresql://db.example/bot?sslmode=require",
      "postgres://u@[::1]:5432/db",
      "postgres://u:pw@h1:5432,h2:5433/db",
      "postgres:///db",
    ]) {
      expect(problemsOf({ DATABASE_URL: url })).toEqual([]);
    }
  });

  it("takes whole numbers as digits only, naming the variable and what is allowed", () => {
    for (const value of ["0x10", "1e3", "8080.0", "+80", "-1"]) {
      expect(problemsOf({ HTTP_PORT: value })).toEqual([
        "HTTP_PORT must be a port number from 0 to 65535 (digits only)",
      ]);
    }
    expect(loadConfig({ RETRACT_WITHIN_DAYS: "7" }).RETRACT_WITHIN_DAYS).toBe(7);
    const server = { DATABASE_URL: "postgres://bot@db.example/ftbh" };
    expect(loadConfig({ ...server, CATALOG_RECORDS: "store" }).CATALOG_RECORDS).toBe("store");
    expect(problemsOf({ ...server, CATALOG_RECORDS: "disk" })).toEqual([
      'CATALOG_RECORDS must be "memory" or "store"',
    ]);
    expect(problemsOf({ CATALOG_RECORDS: "store" })).toEqual([
      expect.stringMatching(/^CATALOG_RECORDS may be "store" only with DATABASE_URL \(a database server\)/),
    ]);
    expect(problemsOf({ RETRACT_WITHIN_DAYS: "0" })).toEqual([
      "RETRACT_WITHIN_DAYS must be a whole number above 0 (digits only)",
    ]);
    expect(problemsOf({ STALE_AFTER_DAYS: "1e3" })).toEqual([
      "STALE_AFTER_DAYS must be a whole number above 0 (digits only)",
    ]);
    expect(problemsOf({ DISCORD_SHARD_COUNT: "0x2" })).toEqual([
      expect.stringMatching(/^DISCORD_SHARD_COUNT must be a whole number above 0, digits only/),
    ]);
    expect(problemsOf({ CATCH_UP_HOURS: "1e1" })).toEqual([
      expect.stringMatching(/^CATCH_UP_HOURS must be a number of hours from 0 to 24/),
    ]);
    expect(loadConfig({ CATCH_UP_HOURS: "1.5", SLACK_MESSAGES_PER_SECOND: "0.5" })).toMatchObject({
      CATCH_UP_HOURS: 1.5,
      SLACK_MESSAGES_PER_SECOND: 0.5,
    });
  });

  it("takes shard ids as a clean comma list only", () => {
    for (const ids of [",", "0,,1", "1,", "0x1", "1e0"]) {
      expect(problemsOf({ DISCORD_SHARD_IDS: ids, DISCORD_SHARD_COUNT: "4" })).toEqual([
        expect.stringMatching(/^DISCORD_SHARD_IDS must be a comma-separated list of shard numbers from 0/),
      ]);
    }
  });

  it("refuses two servers on one port, only when both listen", () => {
    const slackHttp = { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" };
    expect(problemsOf({ ...slackHttp, SLACK_PORT: "8080" })).toEqual([
      "SLACK_PORT must differ from HTTP_PORT (both are 8080): each server needs its own port",
    ]);
    // Socket Mode with one bot token listens nowhere, so its SLACK_PORT is free to match.
    expect(problemsOf({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1", SLACK_PORT: "8080" })).toEqual(
      [],
    );
    const webhook = {
      TELEGRAM_BOT_TOKEN: "1:a",
      TELEGRAM_WEBHOOK_URL: "https://bot.example/tg",
      TELEGRAM_WEBHOOK_SECRET: "s",
    };
    expect(problemsOf({ ...webhook, ...slackHttp, TELEGRAM_WEBHOOK_PORT: "3000" })).toEqual([
      "TELEGRAM_WEBHOOK_PORT must differ from SLACK_PORT (both are 3000): each server needs its own port",
    ]);
    expect(problemsOf({ TELEGRAM_BOT_TOKEN: "1:a", TELEGRAM_WEBHOOK_PORT: "8080" })).toEqual([]);
    expect(problemsOf({ ...slackHttp, SLACK_PORT: "0", HTTP_PORT: "0" })).toEqual([]);
  });
});
