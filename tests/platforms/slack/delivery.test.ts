import { afterEach, describe, expect, it } from "vitest";
import { channelRef } from "../../../src/core/channel.ts";
import { hostileCard, sampleCard, samplePost } from "./fixtures.ts";
import { GENERAL, type Harness, startHarness, TEAM } from "./harness.ts";

let h: Harness;
afterEach(async () => {
  await h.stop();
});

const at = (channel: string, team = TEAM) => channelRef(`slack:${team}:${channel}`);

describe("slack delivery", () => {
  it("posts once, with blocks, a fallback text and the post's key as metadata", async () => {
    h = await startHarness();
    const result = await h.adapter.send(at(GENERAL), samplePost());
    const ts = h.fake.messages[0]?.ts;
    expect(result).toEqual({
      kind: "sent",
      messageId: ts,
      messageRef: { channelId: GENERAL, messageId: ts },
    });
    expect(h.fake.messagesIn(GENERAL)).toHaveLength(1);
    const [message] = h.fake.messages;
    expect(message?.metadata).toEqual({
      event_type: "freetobehome_post",
      event_payload: { key: "s1:2024-05-01" },
    });
    expect(message?.text).toContain("Tofig Mammadov");
    expect(message?.blocks?.length).toBeGreaterThan(5);
    expect(h.adapter.afterUncertainSend).toBe("record-uncertain");
  });

  it("posts the card without its photo when Slack cannot fetch the image", async () => {
    h = await startHarness();
    const photo = { url: "https://photos.invalid/tofig.jpg", alt: "Tofig", credit: "Family" };
    const result = await h.adapter.send(at(GENERAL), samplePost(sampleCard({ photo })));
    expect(result.kind).toBe("sent");
    expect(h.fake.rejections.map((r) => r.error)).toEqual(["invalid_blocks"]);
    expect(h.fake.messages).toHaveLength(1);
    expect(JSON.stringify(h.fake.messages[0]?.blocks)).not.toContain("photos.invalid");
  });

  it("never draws a rejected call or a mention from hostile profile text", async () => {
    h = await startHarness();
    const result = await h.adapter.send(at(GENERAL), samplePost(hostileCard()));
    expect(result.kind).toBe("sent");
    expect(h.fake.rejections).toEqual([]);
    const [message] = h.fake.messages;
    expect(message?.mentions).toEqual([]);
    // Only links we built ourselves, with the characters that could break out of `<url|…>` encoded.
    expect(message?.links).toEqual([
      "https://freetobehome.example.org/p/mammadov-tofig",
      "https://news.example.org/a%7Cb%3Ec%3Cd",
      "https://freetobehome.example.org/?a=1&b=%3C2%3E",
    ]);
    expect(message?.blocks?.[1]).toMatchObject({ type: "header" });
  });

  it("turns a 429 into a transient result with Retry-After, without the client waiting or retrying", async () => {
    h = await startHarness({ caps: { perChannelPerSecond: 1, burst: 1 } });
    const started = performance.now();
    const first = await h.adapter.send(at(GENERAL), samplePost());
    const second = await h.adapter.send(at(GENERAL), samplePost());
    expect(first.kind).toBe("sent");
    expect(second).toEqual({ kind: "transient", reason: "ratelimited", retryAfterMs: 1000 });
    expect(performance.now() - started).toBeLessThan(900);
    expect(h.fake.stats()).toMatchObject({
      messages: 1,
      messagesPerChannel: { [GENERAL]: 1 },
      ratelimited: 1,
    });
    expect(h.fake.calls.get("chat.postMessage")).toBe(2);
  });

  it("keeps posting to other channels while one is rate limited (the client never pauses)", async () => {
    h = await startHarness({ caps: { perChannelPerSecond: 1, burst: 1 } });
    const channels = Array.from({ length: 20 }, (_, i) => `C0FAN${i}`);
    for (const id of channels)
      h.fake.addChannel({ id, teamId: TEAM, name: id.toLowerCase(), botMember: true });
    await h.adapter.send(at(GENERAL), samplePost());
    const limited = await h.adapter.send(at(GENERAL), samplePost());
    const results = await Promise.all(channels.map((id) => h.adapter.send(at(id), samplePost())));
    expect(limited.kind).toBe("transient");
    expect(results.every((r) => r.kind === "sent")).toBe(true);
    expect(h.fake.stats().ratelimited).toBe(1);
    expect(Object.keys(h.fake.stats().messagesPerChannel)).toHaveLength(21);
  });

  it.each([
    ["a 500", { status: 500 }, "http 500"],
    ["a 503", { status: 503 }, "http 503"],
  ])("turns %s into a transient result, sent once", async (_name, fault, reason) => {
    // No short timeout here: the answer comes at once, and a busy machine must not turn it into a timeout.
    h = await startHarness();
    h.fake.failNext("chat.postMessage", fault);
    const result = await h.adapter.send(at(GENERAL), samplePost());
    expect(result).toEqual({ kind: "transient", reason });
    expect(h.fake.calls.get("chat.postMessage")).toBe(1);
  });

  it.each([
    ["a slow answer", { delayMs: 400 }, "timeout"],
    ["a connection dropped after the request", { drop: true as const }, expect.stringMatching(/^network: /)],
  ])("turns %s into an uncertain result: Slack may have posted it", async (_name, fault, reason) => {
    h = await startHarness({ requestTimeoutMs: 150 });
    h.fake.failNext("chat.postMessage", fault);
    const result = await h.adapter.send(at(GENERAL), samplePost());
    expect(result).toEqual({ kind: "uncertain", reason });
    expect(h.fake.calls.get("chat.postMessage")).toBe(1);
  });

  it("turns a refused connection into a transient result: nothing was sent", async () => {
    h = await startHarness();
    // The adapter started against the fake; now nothing listens there any more.
    await h.fake.stop();
    const result = await h.adapter.send(at(GENERAL), samplePost());
    expect(result).toEqual({ kind: "transient", reason: "network: ECONNREFUSED" });
    h.stop = () => h.adapter.stop();
  });

  it.each([
    ["channel_not_found", (_h: Harness) => "C0MISSING"],
    [
      "is_archived",
      (h: Harness) => h.fake.addChannel({ id: "C0OLD", teamId: TEAM, name: "old", archived: true }).id,
    ],
    [
      "not_in_channel",
      (h: Harness) => h.fake.addChannel({ id: "G0PRIV", teamId: TEAM, name: "priv", isPrivate: true }).id,
    ],
    [
      "token_revoked",
      (h: Harness) => {
        h.fake.team(TEAM).revoked = true;
        return GENERAL;
      },
    ],
    [
      "account_inactive",
      (h: Harness) => {
        h.fake.team(TEAM).inactive = true;
        return GENERAL;
      },
    ],
    [
      "missing_scope",
      (h: Harness) => {
        h.fake.team(TEAM).scopes = ["commands"];
        return GENERAL;
      },
    ],
  ])("turns %s into a permanent result with the reason", async (reason, arrange) => {
    h = await startHarness();
    const channel = arrange(h);
    expect(await h.adapter.send(at(channel), samplePost())).toEqual({ kind: "permanent", reason });
    expect(h.fake.messages).toEqual([]);
  });

  it("posts to a public channel the bot was never invited to (chat:write.public)", async () => {
    h = await startHarness();
    h.fake.addChannel({ id: "C0PUBLIC", teamId: TEAM, name: "public", botMember: false });
    expect((await h.adapter.send(at("C0PUBLIC"), samplePost())).kind).toBe("sent");
  });

  it("refuses channels of another workspace or platform without calling Slack", async () => {
    h = await startHarness();
    expect((await h.adapter.send(at(GENERAL, "T0OTHER"), samplePost())).kind).toBe("permanent");
    expect((await h.adapter.send(channelRef("discord:1:2"), samplePost())).kind).toBe("permanent");
    expect(h.fake.calls.get("chat.postMessage")).toBeUndefined();
  });

  it("tells moderators in the channel, and only logs when that channel is unreachable", async () => {
    h = await startHarness();
    await h.adapter.notifyModerators?.(at(GENERAL), "The daily post here is paused: <!channel> is_archived");
    expect(h.fake.messagesIn(GENERAL)).toHaveLength(1);
    expect(h.fake.messages[0]?.mentions).toEqual([]);
    await expect(h.adapter.notifyModerators?.(at("C0MISSING"), "paused")).resolves.toBeUndefined();
    expect(h.logs.some((l) => l.message === "slack: could not notify moderators")).toBe(true);
  });
});
