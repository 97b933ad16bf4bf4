/** The scheduling part of the repository contract: subscriptions, the rotation log, audit (spotlights: spotlights.contract.ts). */
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS } from "../../../db/repositories/audit-actions.ts";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import { CAMPAIGN_ID, makeCampaign, sampleProfiles } from "../../fixtures/profiles.ts";
import type { ContractContext } from "./repositories.contract.ts";

const channel = channelRef("discord:111:222");
const otherChannel = channelRef("discord:111:333");
const community = communityRef("discord:111");
const [MAMMADOV, MATOUK, SENTSOV] = sampleProfiles().map((p) => p.id) as [string, string, string];

export function schedulingContract({ repositories }: ContractContext): void {
  const seedCatalog = () =>
    repositories().catalog.importBundle(
      { campaigns: [makeCampaign()], profiles: sampleProfiles() },
      "curator",
    );
  const subscribeInput = {
    channel,
    community,
    campaignId: CAMPAIGN_ID,
    postTime: "09:00",
    timezone: "Europe/Baku",
  };

  describe("subscriptions", () => {
    it("keeps one subscription per channel: a second upsert changes its settings", async () => {
      await seedCatalog();
      const { subscriptions, audit } = repositories();
      const first = await subscriptions.upsert({ ...subscribeInput, actor: "mod-a" });
      const second = await subscriptions.upsert({
        ...subscribeInput,
        postTime: "18:30",
        timezone: "UTC",
        actor: "mod-b",
      });

      expect(first.created).toBe(true);
      expect(second.created).toBe(false);
      expect(second.subscription).toMatchObject({
        id: first.subscription.id,
        postTime: "18:30",
        timezone: "UTC",
      });
      expect(second.subscription.createdBy).toBe("mod-a");
      expect(await subscriptions.list()).toHaveLength(1);
      expect(await subscriptions.findByChannel(channel)).toEqual(second.subscription);
      const actions = (await audit.list({ entityType: "subscription" })).map((e) => e.action);
      expect(actions).toEqual([AUDIT_ACTIONS.subscriptionUpdated, AUDIT_ACTIONS.subscriptionCreated]);
    });

    it("keeps post options: defaults first, a change sets only what it names, null clears a role or topic", async () => {
      await seedCatalog();
      const { subscriptions } = repositories();
      const first = await subscriptions.upsert({ ...subscribeInput, actor: "mod" });
      expect(first.subscription.postOptions).toEqual({
        silent: false,
        crosspost: false,
        linkPreviews: false,
      });
      await subscriptions.upsert({
        ...subscribeInput,
        actor: "mod",
        postOptions: { mentionRole: "4242", silent: true, thread: "77" },
      });
      const kept = await subscriptions.upsert({
        ...subscribeInput,
        actor: "mod",
        postOptions: { crosspost: true },
      });
      expect(kept.subscription.postOptions).toEqual({
        mentionRole: "4242",
        silent: true,
        crosspost: true,
        linkPreviews: false,
        thread: "77",
      });
      await subscriptions.upsert({
        ...subscribeInput,
        actor: "mod",
        postOptions: { mentionRole: null, thread: null },
      });
      expect((await subscriptions.findByChannel(channel))?.postOptions).toEqual({
        silent: true,
        crosspost: true,
        linkPreviews: false,
      });
    });

    it("changes only post options with setPostOptions: a paused subscription stays paused, and it is audited", async () => {
      await seedCatalog();
      const { subscriptions, audit } = repositories();
      expect(await subscriptions.setPostOptions(channel, { silent: true }, "staff:1")).toBeUndefined();
      await subscriptions.upsert({ ...subscribeInput, actor: "mod", postOptions: { mentionRole: "7" } });
      await subscriptions.pause(channel, { reason: "gone", actor: "discord" });
      const changed = await subscriptions.setPostOptions(channel, { silent: true }, "staff:1");
      expect(changed).toMatchObject({ state: "paused", pausedReason: "gone" });
      expect(changed?.postOptions).toEqual({
        mentionRole: "7",
        silent: true,
        crosspost: false,
        linkPreviews: false,
      });
      const [last] = await audit.list({ entityType: "subscription", limit: 1 });
      expect(last).toMatchObject({ actor: "staff:1", action: AUDIT_ACTIONS.subscriptionUpdated });
    });

    it("pages subscriptions by a filter (search, state, community, slot) and counts them per zone and time", async () => {
      await seedCatalog();
      const { subscriptions } = repositories();
      const add = (ref: string, community: string, postTime: string, timezone = "Asia/Baku") =>
        subscriptions.upsert({
          ...subscribeInput,
          channel: channelRef(ref),
          community: communityRef(community),
          postTime,
          timezone,
          actor: "mod",
        });
      await add("discord:111:222", "discord:111", "09:00");
      await add("discord:111:333", "discord:111", "09:00");
      await add("slack:T1:C_1", "slack:T1", "09:00", "UTC");
      await add("telegram:-100%5", "telegram:-100%5", "18:30");
      await subscriptions.stop(channelRef("discord:111:333"), "mod");
      const channels = async (
        filter: Parameters<typeof subscriptions.page>[0],
        at = { offset: 0, limit: 10 },
      ) => {
        const { total, items } = await subscriptions.page(filter, at);
        return { total, channels: items.map((s) => s.channel) };
      };
      expect(await channels({ search: "DISCORD:111" })).toEqual({
        total: 2,
        channels: ["discord:111:222", "discord:111:333"],
      });
      // % and _ are letters here, not wildcards.
      expect((await channels({ search: "%" })).channels).toEqual(["telegram:-100%5"]);
      expect((await channels({ search: "c_" })).channels).toEqual(["slack:T1:C_1"]);
      expect((await channels({ search: "c_1x" })).total).toBe(0);
      expect(await channels({ state: "stopped" })).toEqual({ total: 1, channels: ["discord:111:333"] });
      expect((await channels({ posting: true, community: communityRef("discord:111") })).channels).toEqual([
        "discord:111:222",
      ]);
      expect(await channels({ posting: true }, { offset: 1, limit: 1 })).toEqual({
        total: 3,
        channels: ["slack:T1:C_1"],
      });
      const slot = { timezone: "Asia/Baku", postTime: "09:00" };
      expect((await channels({ posting: true, slot })).channels).toEqual(["discord:111:222"]);
      const slots = await subscriptions.countBySlot();
      expect(
        slots.sort((a, b) => a.postTime.localeCompare(b.postTime) || a.timezone.localeCompare(b.timezone)),
      ).toEqual([
        { timezone: "Asia/Baku", postTime: "09:00", count: 1 },
        { timezone: "UTC", postTime: "09:00", count: 1 },
        { timezone: "Asia/Baku", postTime: "18:30", count: 1 },
      ]);
    });

    it("creates exactly one row when several upserts for a channel race", async () => {
      await seedCatalog();
      const { subscriptions } = repositories();
      const results = await Promise.all(
        Array.from({ length: 8 }, (_, i) => subscriptions.upsert({ ...subscribeInput, actor: `mod-${i}` })),
      );
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(new Set(results.map((r) => r.subscription.id)).size).toBe(1);
      expect(await subscriptions.list()).toHaveLength(1);
    });

    it("stops a subscription, keeps the row, and reactivates it on the next upsert", async () => {
      await seedCatalog();
      const { subscriptions, audit } = repositories();
      const { subscription } = await subscriptions.upsert({ ...subscribeInput, actor: "mod" });

      const stopped = await subscriptions.stop(channel, "mod");
      expect(stopped).toMatchObject({ id: subscription.id, state: "stopped" });
      expect(await subscriptions.stop(channel, "mod")).toBeUndefined();
      expect(await subscriptions.stop(otherChannel, "mod")).toBeUndefined();
      const [entry] = await audit.list({ entityType: "subscription", limit: 1 });
      expect(entry).toMatchObject({
        action: AUDIT_ACTIONS.subscriptionStopped,
        entityId: String(subscription.id),
      });

      const again = await subscriptions.upsert({ ...subscribeInput, actor: "mod" });
      expect(again).toMatchObject({ created: false, subscription: { id: subscription.id, state: "active" } });
      expect(again.subscription.pausedReason).toBeUndefined();
    });

    it("pauses an active subscription with its reason, once, and audits it", async () => {
      await seedCatalog();
      const { subscriptions, audit } = repositories();
      await subscriptions.upsert({ ...subscribeInput, actor: "mod" });
      expect(await subscriptions.countPaused()).toBe(0);
      const paused = await subscriptions.pause(channel, { reason: "Missing Access", actor: "delivery" });
      expect(paused).toMatchObject({ state: "paused", pausedReason: "Missing Access" });
      expect(await subscriptions.pause(channel, { reason: "again", actor: "delivery" })).toBeUndefined();
      expect(await subscriptions.countPaused()).toBe(1);
      expect((await subscriptions.findByChannel(channel))?.pausedReason).toBe("Missing Access");
      const [entry] = await audit.list({ entityType: "subscription", limit: 1 });
      expect(entry).toMatchObject({ action: AUDIT_ACTIONS.subscriptionPaused, actor: "delivery" });
      const again = await subscriptions.upsert({ ...subscribeInput, actor: "mod" });
      expect(again.subscription).toMatchObject({ state: "active" });
      expect(again.subscription.pausedReason).toBeUndefined();
      expect(await subscriptions.countPaused()).toBe(0);
    });

    it("pauses every active subscription of a community and no other", async () => {
      await seedCatalog();
      const { subscriptions } = repositories();
      const elsewhere = channelRef("discord:999:1");
      await subscriptions.upsert({ ...subscribeInput, actor: "mod" });
      await subscriptions.upsert({ ...subscribeInput, channel: otherChannel, actor: "mod" });
      await subscriptions.upsert({
        ...subscribeInput,
        channel: elsewhere,
        community: communityRef("discord:999"),
        actor: "mod",
      });
      await subscriptions.stop(otherChannel, "mod");
      const paused = await subscriptions.pauseCommunity(community, {
        reason: "bot removed",
        actor: "discord",
      });
      expect(paused.map((s) => s.channel)).toEqual([channel]);
      expect((await subscriptions.findByChannel(otherChannel))?.state).toBe("stopped");
      expect((await subscriptions.findByChannel(elsewhere))?.state).toBe("active");
    });

    it("moves a subscription to a channel's new reference, never onto another subscription", async () => {
      await seedCatalog();
      const { subscriptions } = repositories();
      const { subscription } = await subscriptions.upsert({ ...subscribeInput, actor: "mod" });
      const moved = channelRef("discord:111:999");
      expect(await subscriptions.moveChannel(channel, moved, "telegram")).toBe(true);
      expect(await subscriptions.findByChannel(channel)).toBeUndefined();
      expect(await subscriptions.findByChannel(moved)).toMatchObject({
        id: subscription.id,
        state: "active",
      });
      expect(await subscriptions.moveChannel(channel, moved, "telegram")).toBe(false);
      await subscriptions.upsert({ ...subscribeInput, channel: otherChannel, actor: "mod" });
      expect(await subscriptions.moveChannel(otherChannel, moved, "telegram")).toBe(false);
      expect(await subscriptions.list()).toHaveLength(2);
    });

    it("refuses a campaign that does not exist", async () => {
      const { subscriptions } = repositories();
      await expect(subscriptions.upsert({ ...subscribeInput, actor: "mod" })).rejects.toThrow();
      expect(await subscriptions.list()).toEqual([]);
    });
  });

  describe("rotation log", () => {
    const day = { campaignId: CAMPAIGN_ID, localDate: "2026-05-10", cycle: 0 };

    it("lets the first writer win when many record the same date at once", async () => {
      await seedCatalog();
      const { rotation } = repositories();
      const picks = [MAMMADOV, MATOUK, SENTSOV];
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => rotation.record({ ...day, profileId: picks[i % 3]! })),
      );
      const winner = results[0]!;
      expect(picks).toContain(winner.profileId);
      expect(results.every((r) => r.profileId === winner.profileId)).toBe(true);
      expect(await rotation.history(CAMPAIGN_ID)).toEqual([winner]);
      expect(await rotation.record({ ...day, profileId: SENTSOV, cycle: 3 })).toEqual(winner);
    });

    it("replaces a pick only while it is still the one expected", async () => {
      await seedCatalog();
      const { rotation } = repositories();
      await rotation.record({ ...day, profileId: MAMMADOV });

      const replaced = await rotation.replace({ ...day, profileId: MATOUK, cycle: 1 }, MAMMADOV);
      expect(replaced).toMatchObject({ ...day, profileId: MATOUK, cycle: 1 });
      const stale = await rotation.replace({ ...day, profileId: SENTSOV }, MAMMADOV);
      expect(stale).toEqual(replaced);
      const undecided = await rotation.replace(
        { ...day, localDate: "2026-05-09", profileId: SENTSOV },
        MAMMADOV,
      );
      expect(undecided.profileId).toBe(SENTSOV);
      expect((await rotation.history(CAMPAIGN_ID)).map((e) => [e.localDate, e.profileId])).toEqual([
        ["2026-05-09", SENTSOV],
        ["2026-05-10", MATOUK],
      ]);
    });
  });

  describe("audit log", () => {
    it("records entries and lists them newest first, filtered and limited", async () => {
      const { audit } = repositories();
      const base = { actor: "ops", entityType: "profile" as const, at: new Date("2026-01-01T00:00:00Z") };
      await audit.record({ ...base, action: "profile.note", entityId: "a", details: { n: 1 } });
      await audit.record({ ...base, action: "profile.note", entityId: "b" });
      await audit.record({ ...base, action: "profile.note", entityId: "a", details: { n: 2 } });

      expect((await audit.list({ entityId: "a" })).map((e) => e.details)).toEqual([{ n: 2 }, { n: 1 }]);
      expect(await audit.list({ limit: 1 })).toEqual([
        { ...base, action: "profile.note", entityId: "a", details: { n: 2 } },
      ]);
      const withoutDetails = (await audit.list({ entityId: "b" }))[0]!;
      expect("details" in withoutDetails).toBe(false);
      expect(await audit.list({ entityType: "spotlight" })).toEqual([]);
    });
  });
}
