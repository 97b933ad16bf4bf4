import { describe, expect, it } from "vitest";
import { resolveSlackMode, SlackModeError } from "../../../platforms/slack/mode.ts";

const oauth = { clientId: "1.2", clientSecret: "s", stateSecret: "t" };

describe("slack mode", () => {
  it.each([
    [{ botToken: "xoxb", signingSecret: "s" }, "token", "http"],
    [{ botToken: "xoxb", appToken: "xapp" }, "token", "socket"],
    [{ ...oauth, signingSecret: "s" }, "oauth", "http"],
    [{ ...oauth, appToken: "xapp" }, "oauth", "socket"],
  ])("reads %j", (options, auth, transport) => {
    const mode = resolveSlackMode(options);
    expect([mode.auth.kind, mode.transport.kind]).toEqual([auth, transport]);
  });

  it("lists every problem at once", () => {
    let error: unknown;
    try {
      resolveSlackMode({ botToken: "xoxb", clientId: "1.2", clientSecret: "s", stateSecret: "t" });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(SlackModeError);
    expect((error as SlackModeError).problems).toEqual([
      "set either SLACK_BOT_TOKEN (one workspace) or the SLACK_CLIENT_* settings (OAuth install), not both",
      "over HTTP SLACK_SIGNING_SECRET is required (or set SLACK_APP_TOKEN for Socket Mode)",
    ]);
  });

  it("names what a half-configured OAuth install lacks, and asks for credentials when there are none", () => {
    expect(() => resolveSlackMode({ clientId: "1.2", signingSecret: "s" })).toThrow(
      /missing: SLACK_CLIENT_SECRET, SLACK_STATE_SECRET/,
    );
    expect(() => resolveSlackMode({ signingSecret: "s" })).toThrow(
      /set SLACK_BOT_TOKEN \(one workspace\) or/,
    );
  });
});
