/** The fake Slack itself: it must refuse what Slack refuses, or the adapter's tests prove nothing. */
import { webApi } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { boltLogger } from "../../../platforms/slack/bolt-logger.ts";
import { type FakeSlack, startFakeSlack } from "../../fakes/slack/index.ts";
import { memoryLogger } from "./fixtures.ts";

let fake: FakeSlack;
/** Client options: the fake's URL, no retries, and the client's own error logging kept out of the output. */
let quiet: webApi.WebClientOptions;
let client: webApi.WebClient;
let token: string;
/** The fake's rate-limit clock, moved by hand. */
let now = 0;

beforeEach(async () => {
  now = 0;
  fake = await startFakeSlack({ caps: { perChannelPerSecond: 1, burst: 2 }, now: () => now });
  quiet = { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: boltLogger(memoryLogger()) };
  token = fake.addTeam({ id: "T1" }).botToken;
  fake.addChannel({ id: "C1", teamId: "T1", name: "general", botMember: true });
  client = new webApi.WebClient(token, { ...quiet, rejectRateLimitedCalls: true });
});
afterEach(async () => {
  await fake.stop();
});

const advance = (ms: number) => {
  now += ms;
};
const section = (text: string) => ({ type: "section", text: { type: "mrkdwn", text } });

async function errorOf(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "ok";
  } catch (err) {
    if (err instanceof webApi.WebAPIPlatformError) return err.data.error;
    if (err instanceof webApi.WebAPIRateLimitedError) return `ratelimited ${err.retryAfter}`;
    if (err instanceof webApi.WebAPIHTTPError) return `http ${err.statusCode}`;
    throw err;
  }
}

const post = (args: Record<string, unknown>) =>
  errorOf(client.chat.postMessage({ channel: "C1", ...args } as never));

describe("fake slack", () => {
  it.each([
    ["51 blocks", { blocks: Array.from({ length: 51 }, () => ({ type: "divider" })) }, "invalid_blocks"],
    [
      "a header over 150",
      { blocks: [{ type: "header", text: { type: "plain_text", text: "x".repeat(151) } }] },
      "invalid_blocks",
    ],
    [
      "a mrkdwn header",
      { blocks: [{ type: "header", text: { type: "mrkdwn", text: "x" } }] },
      "invalid_blocks",
    ],
    ["section text over 3000", { blocks: [section("x".repeat(3001))] }, "invalid_blocks"],
    ["empty section text", { blocks: [section("")] }, "invalid_blocks"],
    ["a section with neither text nor fields", { blocks: [{ type: "section" }] }, "invalid_blocks"],
    [
      "11 fields",
      {
        blocks: [
          { type: "section", fields: Array.from({ length: 11 }, () => ({ type: "plain_text", text: "x" })) },
        ],
      },
      "invalid_blocks",
    ],
    [
      "button text over 75",
      {
        blocks: [
          {
            type: "actions",
            elements: [
              { type: "button", action_id: "a", text: { type: "plain_text", text: "x".repeat(76) } },
            ],
          },
        ],
      },
      "invalid_blocks",
    ],
    [
      "duplicate action ids",
      {
        blocks: [
          {
            type: "actions",
            elements: [{ type: "button", action_id: "a", text: { type: "plain_text", text: "x" } }],
          },
          {
            type: "actions",
            elements: [{ type: "button", action_id: "a", text: { type: "plain_text", text: "y" } }],
          },
        ],
      },
      "invalid_blocks",
    ],
    ["an unknown block type", { blocks: [{ type: "carousel-ish" }] }, "invalid_blocks"],
    [
      "an image it cannot download",
      { blocks: [{ type: "image", image_url: "https://img.invalid/a.png", alt_text: "a" }] },
      "invalid_blocks",
    ],
    [
      "too much text in total",
      { blocks: Array.from({ length: 5 }, () => section("x".repeat(2900))) },
      "msg_blocks_too_long",
    ],
    ["neither text nor blocks", {}, "no_text"],
    ["bad metadata", { text: "x", metadata: { event_type: "x" } }, "invalid_metadata_format"],
  ])("refuses %s", async (_name, args, error) => {
    expect(await post(args)).toBe(error);
    expect(fake.messages).toEqual([]);
  });

  it("accepts a valid message and records its mentions and links", async () => {
    expect(
      await post({ text: "hi <!here> <https://a.example/?x=1&amp;y=2|a>", blocks: [section("<@U1>")] }),
    ).toBe("ok");
    expect(fake.messages[0]).toMatchObject({
      mentions: ["<!here>", "<@U1>"],
      links: ["https://a.example/?x=1&y=2"],
    });
  });

  it("accepts JSON bodies with a Bearer token too", async () => {
    const answer = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8", authorization: `Bearer ${token}` },
      body: JSON.stringify({ channel: "C1", text: "hi", blocks: [section("hello")] }),
    });
    expect(await answer.json()).toMatchObject({ ok: true, channel: "C1" });
    expect(fake.messages[0]?.blocks).toEqual([section("hello")]);
  });

  it("knows channels, archives and membership", async () => {
    fake.addChannel({ id: "C2", teamId: "T1", name: "old", archived: true });
    fake.addChannel({ id: "G1", teamId: "T1", name: "secret", isPrivate: true });
    expect(await errorOf(client.chat.postMessage({ channel: "C9", text: "x" }))).toBe("channel_not_found");
    expect(await errorOf(client.chat.postMessage({ channel: "C2", text: "x" }))).toBe("is_archived");
    expect(await errorOf(client.chat.postMessage({ channel: "G1", text: "x" }))).toBe("not_in_channel");
  });

  it("paces posts per channel: a short burst, then 429 with Retry-After until a second has passed", async () => {
    expect([await post({ text: "1" }), await post({ text: "2" }), await post({ text: "3" })]).toEqual([
      "ok",
      "ok",
      "ratelimited 1",
    ]);
    advance(1000);
    expect(await post({ text: "4" })).toBe("ok");
    expect(fake.stats()).toMatchObject({ messages: 3, messagesPerChannel: { C1: 3 }, ratelimited: 1 });
  });

  it("checks tokens per workspace", async () => {
    const other = new webApi.WebClient("xoxb-nope", quiet);
    expect(await errorOf(other.auth.test())).toBe("invalid_auth");
    fake.addTeam({ id: "T2" });
    fake.addChannel({ id: "C3", teamId: "T2", name: "theirs", botMember: true });
    expect(await errorOf(client.chat.postMessage({ channel: "C3", text: "x" }))).toBe("channel_not_found");
    expect((await client.auth.test()).team_id).toBe("T1");
  });

  it("answers users.info, conversations.info and oauth.v2.access", async () => {
    fake.addUser({ id: "U1", teamId: "T1", name: "ana", role: "single_channel_guest" });
    expect((await client.users.info({ user: "U1" })).user).toMatchObject({
      is_restricted: true,
      is_ultra_restricted: true,
      is_admin: false,
    });
    expect(await errorOf(client.users.info({ user: "U9" }))).toBe("user_not_found");
    expect(await errorOf(client.conversations.info({ channel: "C1" }))).toBe("missing_scope");
    fake.team("T1").scopes.push("channels:read");
    expect((await client.conversations.info({ channel: "C1" })).channel).toMatchObject({
      is_member: true,
      is_archived: false,
    });
    const code = fake.issueOAuthCode("T1");
    const anonymous = new webApi.WebClient(undefined, quiet);
    const installed = await anonymous.oauth.v2.access({
      code,
      client_id: fake.oauth.clientId,
      client_secret: fake.oauth.clientSecret,
    });
    expect(installed).toMatchObject({ access_token: token, team: { id: "T1" } });
    const again = anonymous.oauth.v2.access({
      code,
      client_id: fake.oauth.clientId,
      client_secret: fake.oauth.clientSecret,
    });
    expect(await errorOf(again)).toBe("invalid_code");
  });

  it("injects faults into the next calls of a method", async () => {
    fake.failNext("chat.postMessage", { error: "fatal_error" });
    fake.failNext("chat.postMessage", { status: 502 });
    expect(await post({ text: "x" })).toBe("fatal_error");
    expect(await post({ text: "x" })).toBe("http 502");
    expect(await post({ text: "x" })).toBe("ok");
  });

  it("lets a response_url be used five times", async () => {
    const url = fake.responseUrl("r1");
    const send = () =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"text":"hi"}' });
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await send()).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 400]);
  });

  it("redirects from its consent page with a code and the state, only for the app and a known workspace", async () => {
    fake.oauthRedirectUrl = "http://127.0.0.1:9/slack/oauth_redirect";
    const consent = (query: string) =>
      fetch(`${fake.url}/oauth/v2/authorize?${query}`, { redirect: "manual" });
    const ok = await consent(`client_id=${fake.oauth.clientId}&scope=chat:write&state=s1&team=T1`);
    expect(ok.status).toBe(302);
    const back = new URL(ok.headers.get("location") ?? "");
    expect(back.pathname).toBe("/slack/oauth_redirect");
    expect(back.searchParams.get("state")).toBe("s1");
    expect(back.searchParams.get("code")).toMatch(/^code-T1-/);
    expect((await consent("client_id=nope&team=T1")).status).toBe(400);
    expect((await consent(`client_id=${fake.oauth.clientId}&team=T9`)).status).toBe(400);
  });
});
