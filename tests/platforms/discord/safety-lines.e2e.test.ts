/**
 * A card and a share kit at the schema's limits, through the real adapter to the fake Discord: accepted
 * as a reply, a private share and a scheduled post, each with the notice, "Status as of" and the sources.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelRef } from "../../../src/core/channel.ts";
import type { FakeInteraction } from "../../fakes/discord/index.ts";
import { asSent, type Harness, sentMessageBodies, startHarness } from "./harness.ts";
import { limitsCard, limitsShareKit } from "./schema-limits.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.catalogue.cards.set("limits", { card: limitsCard(), names: ["limits"] });
});
afterAll(async () => {
  // Nothing refused, mentions off on every body, nobody pinged.
  expect(h.fake.state.requests.filter((r) => (r.status ?? 0) >= 400)).toEqual([]);
  for (const body of sentMessageBodies(h.fake)) expect(body.allowed_mentions).toEqual({ parse: [] });
  expect(h.fake.stats().pings).toBe(0);
  await h.close();
});

const answered = (ix: FakeInteraction) => h.fake.waitFor(() => ix.responseType !== undefined && ix);

function expectSafetyLines(body: unknown): void {
  const [embed] = asSent(body).embeds;
  expect(embed?.description).toMatch(/^\*\*Profiled by #FreeToBeHome in December 2016 \(a past campaign\)/);
  expect(embed?.footer?.text).toMatch(/^Status as of 23 April 2020/);
  const sources = embed?.fields?.find((f) => f.name === "Sources")?.value;
  expect(sources).toContain("](https://news.example.org/2020/a_(b%29/");
}

describe("at the schema's limits", () => {
  it("answers /prisoner with a card Discord accepts", async () => {
    const user = h.fake.addMember(h.guild, "reader");
    const name = "prisoner";
    const ix = h.fake.command({
      guild: h.guild,
      channel: h.general,
      user,
      name,
      options: { name: "limits" },
    });
    await answered(ix);
    expect(ix.callbacks[0]?.type).toBe(4);
    expectSafetyLines(ix.callbacks[0]);
  });

  it("answers /share privately, with the notice, the status as of and the sources", async () => {
    const card = limitsCard();
    h.catalogue.dispatch = async () => ({
      kind: "share",
      kit: limitsShareKit(),
      card,
      visibility: "private",
    });
    const user = h.fake.addMember(h.guild, "sharer");
    const ix = h.fake.command({ guild: h.guild, channel: h.general, user, name: "share" });
    await answered(ix);
    const data = asSent(ix.callbacks[0]);
    expect((data.flags ?? 0) & 64).toBe(64);
    expect(data.embeds[0]?.description).toContain("```\n");
    expectSafetyLines(ix.callbacks[0]);
  });

  it("posts it on schedule", async () => {
    const channel = h.fake.addChannel(h.guild, "daily");
    const ref = `discord:${h.guild.id}:${channel.id}` as ChannelRef;
    const post = { kind: "daily" as const, intro: "Today", card: limitsCard(), share: limitsShareKit() };
    const sent = await h.adapter.send(ref, { ...post, idempotencyKey: "limits-1" });
    expect(sent.kind).toBe("sent");
    const [request] = h.fake.requestsTo("POST /channels/:id/messages").filter((r) => r.major === channel.id);
    expectSafetyLines(request?.body);
  });
});
