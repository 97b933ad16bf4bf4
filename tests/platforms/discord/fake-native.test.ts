/**
 * The fake refuses what Discord refuses for issue 18's features (raw HTTP, no discord.js): message flags a
 * new message cannot set, integration types that do not exist, publishing outside an announcement channel
 * or twice, and past the hourly limit; and a role closed to mentions is not pinged.
 */
import { ChannelType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FakeChannel,
  type FakeDiscord,
  type FakeGuild,
  Permission,
  startFakeDiscord,
} from "../../fakes/discord/index.ts";

let fake: FakeDiscord;
let guild: FakeGuild;
let text: FakeChannel;
let news: FakeChannel;
beforeAll(async () => {
  fake = await startFakeDiscord({ limits: { crossposts: { limit: 2, windowMs: 3_600_000 } } });
  guild = fake.addGuild("Strict");
  text = fake.addChannel(guild, "general");
  news = fake.addChannel(guild, "news", [], ChannelType.GuildAnnouncement);
});
afterAll(() => fake.close());

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${fake.apiUrl}/v10${path}`, {
    method,
    headers: { authorization: `Bot ${fake.token}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const raw = await res.text();
  return { status: res.status, body: (raw ? JSON.parse(raw) : {}) as { id?: string; code?: number } };
}

const send = (channel: FakeChannel, extra: Record<string, unknown> = {}) =>
  call("POST", `/channels/${channel.id}/messages`, {
    content: "hello",
    allowed_mentions: { parse: [] },
    ...extra,
  });

describe("the fake, as Discord", () => {
  it("takes SUPPRESS_NOTIFICATIONS on a new message and refuses a flag a message cannot be created with", async () => {
    expect((await send(text, { flags: 4096 })).status).toBe(200);
    const refused = await send(text, { flags: 64 });
    expect(refused).toMatchObject({ status: 400, body: { code: 50035 } });
  });

  it("refuses an integration type other than the server's (0) and a member's (1)", async () => {
    const command = { name: "today", description: "Today", contexts: [0, 1, 2] };
    const bad = await call("PUT", `/applications/${fake.applicationId}/commands`, [
      { ...command, integration_types: [0, 2] },
    ]);
    expect(bad).toMatchObject({ status: 400, body: { code: 50035 } });
    const good = await call("PUT", `/applications/${fake.applicationId}/commands`, [
      { ...command, integration_types: [0, 1] },
    ]);
    expect(good.status).toBe(200);
  });

  it("publishes the bot's own message once, only in an announcement channel, at most the hourly limit", async () => {
    const inText = (await send(text)).body.id;
    expect(await call("POST", `/channels/${text.id}/messages/${inText}/crosspost`)).toMatchObject({
      status: 400,
      body: { code: 50024 },
    });
    const first = (await send(news)).body.id;
    const publish = (id: string | undefined) => call("POST", `/channels/${news.id}/messages/${id}/crosspost`);
    expect((await publish(first)).status).toBe(200);
    expect(await publish(first)).toMatchObject({ status: 400, body: { code: 40033 } });
    expect((await publish((await send(news)).body.id)).status).toBe(429);
  });

  it("pings a role closed to mentions only for a sender with Mention Everyone", async () => {
    const closed = fake.addRole(guild, "Closed", { mentionable: false });
    const body = { content: `<@&${closed.id}>`, allowed_mentions: { parse: [], roles: [closed.id] } };
    await send(text, body);
    expect(fake.messagesIn(text).at(-1)?.mentions.roles).toEqual([]);
    fake.setRolePermissions(
      guild,
      fake.botRole(guild),
      fake.botRole(guild).permissions | Permission.MentionEveryone,
    );
    await send(text, body);
    expect(fake.messagesIn(text).at(-1)?.mentions.roles).toEqual([closed.id]);
  });
});
