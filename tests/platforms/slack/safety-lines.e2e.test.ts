/**
 * A card and a share kit at the schema's limits, through real Bolt to the fake Slack: accepted as a reply,
 * a private share and a scheduled post, each with the notice, "Status as of" and the sources.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { channelRef } from "../../../src/core/channel.ts";
import type { Reply } from "../../../src/core/reply.ts";
import { limitsCard, limitsShareKit } from "../discord/schema-limits.ts";
import { ask, GENERAL, type Harness, startHarness, TEAM } from "./harness.ts";

let h: Harness;
beforeAll(async () => {
  const card = limitsCard();
  const kit = limitsShareKit();
  h = await startHarness({
    dispatch: async (invocation): Promise<Reply> =>
      invocation.command === "share"
        ? { kind: "share", kit, card, visibility: "private" }
        : { kind: "card", card, share: kit, visibility: "public" },
  });
});
afterAll(async () => {
  expect(h.fake.rejections).toEqual([]);
  await h.stop();
});

function expectSafetyLines(body: unknown, mentions: string[]): void {
  const text = JSON.stringify(body);
  expect(text).toContain("Profiled by #FreeToBeHome in December 2016 (a past campaign)");
  expect(text).toContain('"text":"Status as of 23 April 2020"');
  expect(text).toMatch(/\*Sources\*\\n• <https:\/\/news\.example\.org\/2020\/a_\(b\)\//);
  expect(mentions).toEqual([]);
}

describe("at the schema's limits", () => {
  it("answers /prisoner with a card Slack accepts", async () => {
    const { response } = await ask(h, "/prisoner limits", { userId: "U0MEMBER" });
    expect(response.body.response_type).toBe("in_channel");
    expectSafetyLines(response.body, response.mentions);
  });

  it("answers /share privately, with the notice, the status as of and the sources", async () => {
    const { response } = await ask(h, "/share limits", { userId: "U0MEMBER" });
    expect(response.body.response_type).toBe("ephemeral");
    expectSafetyLines(response.body, response.mentions);
  });

  it("posts it on schedule", async () => {
    const post = { kind: "daily" as const, intro: "Today", card: limitsCard(), share: limitsShareKit() };
    const sent = await h.adapter.send(channelRef(`slack:${TEAM}:${GENERAL}`), {
      ...post,
      idempotencyKey: "l1",
    });
    expect(sent.kind).toBe("sent");
    const [message] = h.fake.messagesIn(GENERAL);
    expectSafetyLines(message?.blocks, []);
  });
});
