import { pacedAdapter } from "../../../src/delivery/paced-adapter.ts";
import type { Pacer } from "../../../src/delivery/pacer.ts";
import { DEFAULT_POST_OPTIONS } from "../../../src/core/post-options.ts";
import { describe, expect, it } from "vitest";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import type { NoticeResult, PlatformAdapter, PrivateNotice } from "../../../src/core/platform.ts";
import type { Subscription } from "../../../src/core/ports/subscriptions.ts";
import { tellSubscriber } from "../../../src/delivery/moderator-notice.ts";
import { createMemoryLogger } from "../../fakes/memory-logger.ts";

// Where a paused subscription's notice goes: to the subscriber in private, once, or (recorded) nowhere.

const CHANNEL = channelRef("slack:T0TEAM:C0DEAD");

function subscription(createdBy: string): Subscription {
  return {
    id: 7,
    channel: CHANNEL,
    community: communityRef("slack:T0TEAM"),
    campaignId: "free-to-be-home-2016",
    postTime: "09:00",
    timezone: "UTC",
    state: "paused",
    anniversaries: true,
    postOptions: DEFAULT_POST_OPTIONS,
    pausedReason: "is_archived",
    createdBy,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  };
}

function platform(answer: (notice: PrivateNotice) => Promise<NoticeResult>, withNotice = true) {
  const sent: PrivateNotice[] = [];
  const channelNotices: string[] = [];
  const adapter: PlatformAdapter = {
    platform: "slack",
    afterUncertainSend: "record-uncertain",
    start: async () => {},
    stop: async () => {},
    send: async () => ({ kind: "permanent", reason: "is_archived" }),
    notifyModerators: async (channel) => {
      channelNotices.push(channel);
    },
    ...(withNotice
      ? {
          notifyModerator: (notice: PrivateNotice) => {
            sent.push(notice);
            return answer(notice);
          },
        }
      : {}),
  };
  return { adapter, sent, channelNotices };
}

const delivered = async (): Promise<NoticeResult> => ({ delivered: true });

describe("telling the subscriber of a paused subscription", () => {
  it("messages the person who subscribed, in private, paced as a chat of their own", async () => {
    const logger = createMemoryLogger();
    const paced: string[] = [];
    const { adapter, sent, channelNotices } = platform(delivered);
    const pacer = {
      acquire: async (key: string) => {
        paced.push(key);
        return () => paced.push(`answered ${key}`);
      },
    };
    const outcome = await tellSubscriber(
      { logger },
      pacedAdapter(adapter, pacer as unknown as Pacer),
      subscription("slack:U0MOD"),
      "is_archived",
    );
    expect(outcome).toBe("told slack:U0MOD in private");
    expect(sent).toEqual([
      {
        userId: "U0MOD",
        channel: CHANNEL,
        text: expect.stringContaining("paused: is_archived"),
        language: "en",
      },
    ]);
    expect(paced).toEqual(["dm:U0MOD", "answered dm:U0MOD"]);
    expect(channelNotices).toEqual([]);
  });

  it.each([
    ["an actor recorded without a platform (an old row, an import)", "mod"],
    ["a person on another platform", "telegram:42"],
    ["the app itself", "delivery"],
    ["an empty user id", "slack:"],
  ])("tells nobody for %s, and logs it", async (_what, createdBy) => {
    const logger = createMemoryLogger();
    const { adapter, sent, channelNotices } = platform(delivered);
    const outcome = await tellSubscriber({ logger }, adapter, subscription(createdBy), "is_archived");
    expect(outcome).toBe(
      `no moderator told: the subscriber was not recorded as a slack user ("${createdBy}")`,
    );
    expect(sent).toEqual([]);
    expect(channelNotices).toEqual([]);
    expect(logger.records).toContainEqual(
      expect.objectContaining({ level: "warn", fields: expect.objectContaining({ subscription: 7 }) }),
    );
  });

  it("tells nobody on a platform without private notices, and never falls back to the channel", async () => {
    const { adapter, channelNotices } = platform(delivered, false);
    const outcome = await tellSubscriber(
      { logger: createMemoryLogger() },
      adapter,
      subscription("slack:U0MOD"),
      "is_archived",
    );
    expect(outcome).toBe("no moderator told: slack has no private notices");
    expect(channelNotices).toEqual([]);
  });

  it("records a refusal and an adapter that throws, each after one try", async () => {
    const logger = createMemoryLogger();
    const refused = platform(async () => ({ delivered: false, reason: "user_disabled" }));
    expect(await tellSubscriber({ logger }, refused.adapter, subscription("slack:U0GONE"), "x")).toBe(
      "no moderator told: a private message to slack:U0GONE failed: user_disabled",
    );
    expect(refused.sent).toHaveLength(1);
    const broken = platform(async () => {
      throw new Error("boom");
    });
    expect(await tellSubscriber({ logger }, broken.adapter, subscription("slack:U0MOD"), "x")).toBe(
      "no moderator told: a private message to slack:U0MOD failed: adapter error: boom",
    );
    expect(broken.sent).toHaveLength(1);
    expect(logger.records.filter((r) => r.level === "error")).toHaveLength(1);
  });
});
