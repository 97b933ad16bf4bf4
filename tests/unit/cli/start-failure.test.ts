import { describe, expect, it } from "vitest";
import { startFailure } from "../../../src/cli/start-failure.ts";
import { loadConfig } from "../../../src/config.ts";

const config = loadConfig({
  TELEGRAM_BOT_TOKEN: "123456:AAH-very-secret-half-of-the-token",
  DATABASE_URL: "postgres://u:dbpassword@db.example:5432/bot",
});

describe("a platform that does not start", () => {
  it("is one line naming the platform, with every secret blotted out", () => {
    const err = new Error(
      "request to https://api.example/bot123456:AAH-very-secret-half-of-the-token/getMe failed\n    at stack",
    );
    expect(startFailure("telegram", err, config).message).toBe(
      "Telegram did not start: request to https://api.example/bot[redacted]/getMe failed",
    );
  });

  it("blots out a token's secret half and the database password found on their own", () => {
    const err = new Error("token AAH-very-secret-half-of-the-token refused; so was dbpassword");
    expect(startFailure("telegram", err, config).message).toBe(
      "Telegram did not start: token [redacted] refused; so was [redacted]",
    );
  });

  it("names the port setting when the port is taken", () => {
    const err = Object.assign(new Error("listen EADDRINUSE"), { code: "EADDRINUSE", port: 3000 });
    expect(startFailure("slack", err, config).message).toBe(
      "Slack did not start: port 3000 (SLACK_PORT) is already in use by another program",
    );
  });
});
