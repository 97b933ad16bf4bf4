/**
 * The moderator notice after a pause, through the real WebClient against the fake: a direct message
 * (conversations.open, then chat.postMessage to the DM it returns), never a post in the channel the notice
 * is about, and one try whatever Slack answers.
 */
import { afterEach, describe, expect, it } from "vitest";
import { channelRef } from "../../../src/core/channel.ts";
import { GENERAL, type Harness, startHarness, TEAM } from "./harness.ts";

let h: Harness;
afterEach(async () => {
  await h.stop();
});

const at = (channel: string) => channelRef(`slack:${TEAM}:${channel}`);
const notice = (userId: string, channel = GENERAL) => ({
  userId,
  channel: at(channel),
  text: "The daily post is paused: is_archived. <!channel> *fix* it",
});

describe("slack private notice", () => {
  it("opens a DM with the moderator and posts there, naming the channel, pinging no one", async () => {
    h = await startHarness();
    expect(await h.adapter.notifyModerator?.(notice("U0ADMIN"))).toEqual({ delivered: true });
    const dm = h.fake.directMessageWith("U0ADMIN");
    expect(h.fake.log.map((c) => c.method)).toEqual(["auth.test", "conversations.open", "chat.postMessage"]);
    expect(h.fake.log[1]).toEqual({ method: "conversations.open", users: "U0ADMIN", ok: true });
    const [message, ...more] = h.fake.messagesIn(dm!.id);
    expect(more).toEqual([]);
    expect(message?.text).toMatch(new RegExp(`^ℹ️ About <#${GENERAL}>: The daily post is paused`));
    // The channel link is ours; the `<!channel>` in the text stays text.
    expect(new Set(message?.mentions)).toEqual(new Set([`<#${GENERAL}>`]));
    expect(h.fake.messagesIn(GENERAL)).toEqual([]);
  });

  it("reuses the open DM the next time (already_open)", async () => {
    h = await startHarness();
    await h.adapter.notifyModerator?.(notice("U0ADMIN"));
    await h.adapter.notifyModerator?.(notice("U0ADMIN"));
    expect(h.fake.messagesIn(h.fake.directMessageWith("U0ADMIN")!.id)).toHaveLength(2);
  });

  it.each([
    [
      "user_disabled",
      (x: Harness): string => {
        x.fake.addUser({ id: "U0LEFT", teamId: TEAM, name: "left", role: "admin", deleted: true });
        return "U0LEFT";
      },
    ],
    ["user_not_found", () => "U0NOBODY"],
    [
      "missing_scope", // installed before the app asked for im:write
      (x: Harness): string => {
        x.fake.team(TEAM).scopes = ["commands", "chat:write"];
        return "U0ADMIN";
      },
    ],
  ] as const)("reports %s after one call, and posts nothing", async (error, arrange) => {
    h = await startHarness();
    const userId = arrange(h);
    expect(await h.adapter.notifyModerator?.(notice(userId))).toEqual({ delivered: false, reason: error });
    expect(h.fake.log.slice(1)).toEqual([
      expect.objectContaining({ method: "conversations.open", ok: false, error }),
    ]);
    expect(h.fake.messages).toEqual([]);
  });

  it("never posts in the channel the notice is about, even when that is the moderator's DM", async () => {
    h = await startHarness();
    await h.adapter.notifyModerator?.(notice("U0ADMIN"));
    const dm = h.fake.directMessageWith("U0ADMIN")!.id;
    const before = h.fake.messages.length;
    expect(await h.adapter.notifyModerator?.(notice("U0ADMIN", dm))).toEqual({
      delivered: false,
      reason: "the direct message is the failed channel",
    });
    expect(h.fake.messages).toHaveLength(before);
  });

  it("refuses a user id that is not Slack's without calling Slack", async () => {
    h = await startHarness();
    const calls = h.fake.log.length;
    expect(await h.adapter.notifyModerator?.(notice("mod"))).toEqual({
      delivered: false,
      reason: "not a Slack user id: mod",
    });
    expect(h.fake.log).toHaveLength(calls);
  });
});
