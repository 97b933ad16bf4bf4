/**
 * The fake refuses what Discord refuses. Without this, the end-to-end suites could pass against a fake
 * that accepts anything. Raw HTTP, no discord.js.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FakeChannel,
  type FakeDiscord,
  type FakeGuild,
  startFakeDiscord,
} from "../../fakes/discord/index.ts";

let fake: FakeDiscord;
let guild: FakeGuild;
let channel: FakeChannel;
beforeAll(async () => {
  fake = await startFakeDiscord({
    limits: { globalPerSecond: 1_000, channelMessages: { limit: 100, windowMs: 60_000 } },
  });
  guild = fake.addGuild("Strict");
  channel = fake.addChannel(guild, "general");
});
afterAll(() => fake.close());

/** Discord's error bodies (and the 429 body): loose on purpose, for assertions. */
interface ErrorBody {
  code?: number;
  message?: string;
  errors?: Record<string, unknown>;
  retry_after?: number;
  global?: boolean;
  id?: string;
  content?: string;
}

async function call(method: string, path: string, body?: unknown, auth = true) {
  const res = await fetch(`${fake.apiUrl}/v10${path}`, {
    method,
    headers: {
      ...(auth ? { authorization: `Bot ${fake.token}` } : {}),
      ...(body ? { "content-type": "application/json" } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: (text ? JSON.parse(text) : {}) as ErrorBody };
}

const post = (body: unknown, channelId = channel.id) => call("POST", `/channels/${channelId}/messages`, body);

describe("message validation", () => {
  it.each([
    ["content over 2,000", { content: "x".repeat(2001) }, "content"],
    ["more than 10 embeds", { embeds: Array.from({ length: 11 }, () => ({ description: "x" })) }, "embeds"],
    ["description over 4,096", { embeds: [{ description: "x".repeat(4097) }] }, "embeds"],
    [
      "26 fields",
      { embeds: [{ fields: Array.from({ length: 26 }, () => ({ name: "n", value: "v" })) }] },
      "embeds",
    ],
    ["an empty field value", { embeds: [{ fields: [{ name: "n", value: " " }] }] }, "embeds"],
    [
      "6,001 characters across embeds",
      { embeds: [{ description: "x".repeat(4000) }, { description: "y".repeat(2001) }] },
      "embeds",
    ],
    ["a nonce over 25", { content: "x", nonce: "n".repeat(26) }, "nonce"],
    [
      "6 action rows",
      {
        components: Array.from({ length: 6 }, (_, i) => ({
          type: 1,
          components: [{ type: 2, style: 1, custom_id: `c${i}`, label: "b" }],
        })),
      },
      "components",
    ],
    [
      "a custom_id over 100",
      {
        components: [
          { type: 1, components: [{ type: 2, style: 1, custom_id: "c".repeat(101), label: "b" }] },
        ],
      },
      "components",
    ],
    [
      "a mailto link button",
      {
        components: [{ type: 1, components: [{ type: 2, style: 5, url: "mailto:a@b.c", label: "e-mail" }] }],
      },
      "components",
    ],
  ])("refuses %s with 50035", async (_, body, field) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 50035, message: "Invalid Form Body" });
    expect(Object.keys(res.json.errors ?? {})).toContain(field);
  });

  it("refuses an empty message, an unknown channel, a missing token", async () => {
    expect((await post({ content: " " })).json.code).toBe(50006);
    expect((await post({ content: "x" }, "1180000000000000999")).json).toEqual({
      code: 10003,
      message: "Unknown Channel",
    });
    expect((await call("POST", `/channels/${channel.id}/messages`, { content: "x" }, false)).status).toBe(
      401,
    );
  });
});

describe("rate limits", () => {
  it("sends Discord's headers, then a 429 with Retry-After, scope and retry_after", async () => {
    const strict = await startFakeDiscord({ limits: { channelMessages: { limit: 2, windowMs: 60_000 } } });
    const g = strict.addGuild("g");
    const limited = strict.addChannel(g, "limited");
    const other = strict.addChannel(g, "other");
    const post = (body: unknown, channelId: string) =>
      fetch(`${strict.apiUrl}/v10/channels/${channelId}/messages`, {
        method: "POST",
        headers: { authorization: `Bot ${strict.token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      }).then(async (res) => ({
        status: res.status,
        headers: res.headers,
        json: (await res.json()) as ErrorBody,
      }));
    try {
      const first = await post({ content: "1" }, limited.id);
      expect(first.headers.get("x-ratelimit-limit")).toBe("2");
      expect(first.headers.get("x-ratelimit-remaining")).toBe("1");
      expect(Number(first.headers.get("x-ratelimit-reset-after"))).toBeGreaterThan(59);
      expect(first.headers.get("x-ratelimit-bucket")).toMatch(/^[0-9a-f]{32}$/);
      await post({ content: "2" }, limited.id);
      const third = await post({ content: "3" }, limited.id);
      expect(third.status).toBe(429);
      expect(third.headers.get("retry-after")).toBe("60");
      expect(third.headers.get("x-ratelimit-scope")).toBe("user");
      expect(third.headers.get("x-ratelimit-global")).toBeNull();
      expect(third.json).toMatchObject({ message: "You are being rate limited.", global: false });
      expect(third.json.retry_after).toBeGreaterThan(59);
      // Buckets are per channel: another channel is unaffected.
      expect((await post({ content: "other" }, other.id)).status).toBe(200);
      expect(strict.stats().bucket429).toBe(1);
    } finally {
      await strict.close();
    }
  });

  it("limits globally with X-RateLimit-Global", async () => {
    const strict = await startFakeDiscord({ limits: { globalPerSecond: 2 } });
    try {
      const get = () =>
        fetch(`${strict.apiUrl}/v10/users/@me`, { headers: { authorization: `Bot ${strict.token}` } });
      await get();
      await get();
      const third = await get();
      expect(third.status).toBe(429);
      expect(third.headers.get("x-ratelimit-global")).toBe("true");
      expect(third.headers.get("x-ratelimit-scope")).toBe("global");
      expect(strict.stats().global429).toBe(1);
    } finally {
      await strict.close();
    }
  });
});

describe("nonce", () => {
  it("returns the first message for a repeated nonce with enforce_nonce, and only then", async () => {
    const dedupe = fake.addChannel(guild, "dedupe");
    const a = await post({ content: "a", nonce: "n-1", enforce_nonce: true }, dedupe.id);
    const b = await post({ content: "b", nonce: "n-1", enforce_nonce: true }, dedupe.id);
    expect(b.json.id).toBe(a.json.id);
    expect(b.json.content).toBe("a");
    const fakeChannel = fake.addChannel(guild, "no-enforce");
    const c = await post({ content: "c", nonce: "n-2" }, fakeChannel.id);
    const d = await post({ content: "d", nonce: "n-2" }, fakeChannel.id);
    expect(d.json.id).not.toBe(c.json.id);
  });
});

describe("interactions", () => {
  it("accepts one response (204, no content-type), refuses a second (40060) and a late one (10062)", async () => {
    const late = await startFakeDiscord({ interactionDeadlineMs: 50 });
    try {
      const g = late.addGuild("g");
      const ch = late.addChannel(g, "c");
      late.state.commands.push({ id: "1180000000000000100", name: "help", json: { name: "help" } });
      const user = late.addMember(g, "u");
      const ix = late.command({ guild: g, channel: ch, user, name: "help" });
      const callback = (body: unknown) =>
        fetch(`${late.apiUrl}/v10/interactions/${ix.id}/${ix.token}/callback`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(body),
        });
      const first = await callback({ type: 4, data: { content: "hi" } });
      expect(first.status).toBe(204);
      expect(first.headers.get("content-type")).toBeNull();
      const second = (await (await callback({ type: 4, data: { content: "again" } })).json()) as ErrorBody;
      expect(second.code).toBe(40060);
      const slow = late.command({ guild: g, channel: ch, user, name: "help" });
      await new Promise((resolve) => setTimeout(resolve, 80));
      const tooLate = await fetch(`${late.apiUrl}/v10/interactions/${slow.id}/${slow.token}/callback`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: 4, data: { content: "late" } }),
      });
      expect(((await tooLate.json()) as ErrorBody).code).toBe(10062);
    } finally {
      await late.close();
    }
  });

  it("refuses more than 25 autocomplete choices and names over 100", async () => {
    const g = fake.addGuild("ac");
    const ch = fake.addChannel(g, "c");
    fake.state.commands.push({ id: "1180000000000000101", name: "prisoner", json: { name: "prisoner" } });
    const user = fake.addMember(g, "u");
    const send = async (choices: unknown[]) => {
      const ix = fake.autocomplete({
        guild: g,
        channel: ch,
        user,
        name: "prisoner",
        options: { name: "m" },
        focused: "name",
      });
      const res = await fetch(`${fake.apiUrl}/v10/interactions/${ix.id}/${ix.token}/callback`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ type: 8, data: { choices } }),
      });
      return res.status === 204 ? undefined : res.json();
    };
    expect(
      await send(Array.from({ length: 26 }, (_, i) => ({ name: `n${i}`, value: `v${i}` }))),
    ).toMatchObject({ code: 50035 });
    expect(await send([{ name: "n".repeat(101), value: "v" }])).toMatchObject({ code: 50035 });
    expect(await send([{ name: "Ilgar Mammadov", value: "ilgar-mammadov" }])).toBeUndefined();
  });
});
