/**
 * Which post wins in a channel on a date, case by case: the community's spotlight over the channel's own,
 * a spotlight over the rotation, the rotation over nothing, and a spotlight that may not be posted giving
 * way to the rotation (never to the spotlight it outranked).
 */
import { describe, expect, it } from "vitest";
import { channelRef, communityRef } from "../../src/core/channel.ts";
import type { Spotlight } from "../../src/core/ports/spotlights.ts";
import { type PostOfTheDayInput, postOfTheDay } from "../../src/core/post-of-the-day.ts";

const DATE = "2026-11-24";
const where = { channel: channelRef("console:room-a"), community: communityRef("console:community") };

let nextId = 1;
function spotlight(overrides: Partial<Spotlight> = {}): Spotlight {
  return {
    id: nextId++,
    scope: "channel",
    channel: where.channel,
    community: where.community,
    campaignId: "freetobehome-2016",
    profileId: `profile-${nextId}`,
    localDate: DATE,
    timezone: "UTC",
    state: "scheduled",
    createdBy: "console:mod",
    createdAt: new Date("2026-11-01T00:00:00Z"),
    ...overrides,
  };
}

const channelOwn = spotlight({ profileId: "channel-choice" });
const communityWide = spotlight({ scope: "community", channel: channelRef("console:elsewhere") });
const everyPostable = (s: Spotlight) => s.profileId;

function decide(all: Spotlight[], overrides: Partial<PostOfTheDayInput<string>> = {}) {
  return postOfTheDay({
    localDate: DATE,
    spotlights: { all, where },
    postable: everyPostable,
    followsRotation: true,
    anniversaries: false,
    ...overrides,
  });
}

describe("the post of the day", () => {
  it("is the community's spotlight when the channel has one of its own too", () => {
    expect(decide([channelOwn, communityWide])).toEqual({
      kind: "spotlight",
      spotlight: communityWide,
      post: communityWide.profileId,
    });
  });

  it("is the channel's own spotlight when the community has none", () => {
    expect(decide([channelOwn])).toMatchObject({ kind: "spotlight", spotlight: channelOwn });
  });

  it("ignores spotlights of other dates, other channels and other communities", () => {
    const others = [
      spotlight({ localDate: "2026-11-25" }),
      spotlight({ channel: channelRef("console:room-b") }),
      spotlight({ scope: "community", community: communityRef("console:other-community") }),
    ];
    expect(decide(others)).toEqual({ kind: "rotation", anniversaries: false });
  });

  it("is the rotation when no spotlight stands, where the channel follows a campaign", () => {
    expect(decide([])).toEqual({ kind: "rotation", anniversaries: false });
  });

  it("is the anniversary track of the rotation where the channel has anniversaries on", () => {
    expect(decide([], { anniversaries: true })).toEqual({ kind: "rotation", anniversaries: true });
  });

  it("keeps a spotlight above an anniversary", () => {
    expect(decide([channelOwn], { anniversaries: true })).toMatchObject({ kind: "spotlight" });
  });

  it("has no anniversary where the channel follows no campaign", () => {
    expect(decide([], { anniversaries: true, followsRotation: false })).toEqual({ kind: "nothing" });
  });

  it("is nothing when no spotlight stands and the channel follows no campaign", () => {
    expect(decide([], { followsRotation: false })).toEqual({ kind: "nothing" });
  });

  it("gives a spotlight that may not be posted over to the rotation, not to the one it outranked", () => {
    const asked: Spotlight[] = [];
    const onlyTheChannels = (s: Spotlight) => {
      asked.push(s);
      return s === channelOwn ? s.profileId : undefined;
    };
    expect(decide([channelOwn, communityWide], { postable: onlyTheChannels })).toEqual({
      kind: "rotation",
      anniversaries: false,
    });
    expect(asked).toEqual([communityWide]);
  });

  it("is nothing when the spotlight may not be posted and there is no rotation to fall back on", () => {
    expect(decide([channelOwn], { postable: () => undefined, followsRotation: false })).toEqual({
      kind: "nothing",
    });
  });

  it("is a spotlight even where the channel follows no campaign", () => {
    expect(decide([channelOwn], { followsRotation: false })).toMatchObject({ kind: "spotlight" });
  });

  describe("for a day already planned with a spotlight", () => {
    const planned = (spotlight: Spotlight | undefined, overrides: Partial<PostOfTheDayInput<string>> = {}) =>
      postOfTheDay({
        localDate: DATE,
        spotlights: { planned: spotlight },
        postable: everyPostable,
        followsRotation: true,
        anniversaries: false,
        ...overrides,
      });

    it("is that spotlight while it may be posted", () => {
      expect(planned(channelOwn)).toMatchObject({ kind: "spotlight", spotlight: channelOwn });
    });

    it("falls back to the rotation, or nothing, when it may not be posted or no longer stands", () => {
      expect(planned(channelOwn, { postable: () => undefined })).toEqual({
        kind: "rotation",
        anniversaries: false,
      });
      expect(planned(undefined)).toEqual({ kind: "rotation", anniversaries: false });
      expect(planned(undefined, { followsRotation: false })).toEqual({ kind: "nothing" });
    });
  });
});
