/**
 * Delivery passes over PGlite and the Postgres server (when TEST_DATABASE_URL is set), with recording
 * platforms: one post per channel per local day, whatever the platform answers; retries within the day;
 * pauses on permanent errors; moves; checks right before sending.
 */
import { describe, expect, it } from "vitest";
import { channelRef, communityRef } from "../../../src/core/channel.ts";
import { countByKind } from "../../../src/delivery/report.ts";
import { createRecordingPlatform } from "../../fakes/recording-platform.ts";
import { databaseTargets } from "../../support/test-database.ts";
import { CAMPAIGN, useDeliveryWorld } from "./harness.ts";

for (const target of databaseTargets) {
  describe.skipIf(target.skip)(`delivery on ${target.name}`, () => {
    const world = useDeliveryWorld(target);

    describe("a delivery pass", () => {
      it("posts each due channel once, at its local time, and a second pass posts nothing", async () => {
        const telegram = createRecordingPlatform();
        world.setNow("2026-11-24T04:00:00Z");
        const baku = await world.subscribe("telegram:-1001", "09:00", "Asia/Baku");
        const york = await world.subscribe("telegram:-1002", "09:00", "America/New_York");
        const delivery = world.delivery([telegram.adapter]);

        world.setNow("2026-11-24T05:00:10Z"); // 09:00:10 in Baku, 00:00:10 in New York
        const first = await delivery.runPass();
        expect(countByKind(first)).toEqual({ sent: 1 });
        expect(telegram.messagesTo(baku)).toHaveLength(1);
        expect(telegram.messagesTo(baku)[0]!.post).toMatchObject({
          kind: "daily",
          idempotencyKey: expect.any(String),
        });

        expect((await delivery.runPass()).lines).toEqual([]);
        world.setNow("2026-11-24T14:00:30Z");
        await delivery.runPass();
        await delivery.runPass();
        expect(telegram.messagesTo(york)).toHaveLength(1);
        expect(telegram.messagesTo(baku)).toHaveLength(1);
        expect(await world.statesOf("telegram:-1001")).toEqual(["sent"]);
        const latest = await world.repositories.deliveries.latestBySubscription();
        expect([...latest.values()].map((r) => r.messageId)).toEqual(
          expect.arrayContaining(telegram.messages.map((m) => m.messageId)),
        );
      });

      it("features the same family in every channel of a campaign on a date", async () => {
        const telegram = createRecordingPlatform();
        for (const id of [1, 2, 3]) await world.subscribe(`telegram:-100${id}`, "09:00", "UTC");
        world.setNow("2026-11-24T09:00:00Z");
        await world.delivery([telegram.adapter]).runPass();
        const titles = new Set(telegram.messages.map((m) => m.post.card.title));
        expect(telegram.messages).toHaveLength(3);
        expect(titles.size).toBe(1);
      });

      it("waits out 429s and transient errors within the day, and posts once", async () => {
        const telegram = createRecordingPlatform();
        const chat = await world.subscribe("telegram:-1001");
        telegram.script(
          chat,
          { kind: "transient", reason: "Too Many Requests", retryAfterMs: 200 },
          { kind: "transient", reason: "Too Many Requests", retryAfterMs: 300 },
          { kind: "transient", reason: "server error 502", retryAfterMs: 100 },
        );
        world.setNow("2026-11-24T09:00:00Z");
        const clockStart = Date.now();
        const report = await world.delivery([telegram.adapter]).runPass({ settleWithinMs: 5_000 });
        expect(countByKind(report)).toEqual({ retrying: 3, sent: 1 });
        expect(Date.now() - clockStart).toBeGreaterThanOrEqual(550);
        expect(telegram.attemptsTo(chat)).toBe(4);
        expect(telegram.messagesTo(chat)).toHaveLength(1);
      });

      it("backs off without a retry-after, and records the day as failed once it is over", async () => {
        const telegram = createRecordingPlatform();
        const chat = await world.subscribe("telegram:-1001", "23:50", "UTC");
        telegram.script(
          chat,
          { kind: "transient", reason: "network down" },
          { kind: "transient", reason: "network down" },
        );
        const delivery = world.delivery([telegram.adapter]);
        world.setNow("2026-11-24T23:50:00Z");
        const first = await delivery.runPass();
        expect(first.lines[0]).toMatchObject({ kind: "retrying" });
        const [row] = await world.repositories.deliveries.list({ channel: chat });
        const wait = row!.nextAttemptAt.getTime() - new Date("2026-11-24T23:50:00Z").getTime();
        expect(wait).toBeGreaterThanOrEqual(24_000);
        expect(wait).toBeLessThanOrEqual(36_000);
        world.setNow("2026-11-24T23:59:50Z");
        const second = await delivery.runPass();
        expect(second.lines.at(-1)).toMatchObject({ kind: "failed" });
        expect(await world.statesOf(chat)).toEqual(["failed"]);
        world.setNow("2026-11-25T00:00:10Z");
        expect(await delivery.runPass()).toMatchObject({ lines: [] });
        expect(telegram.messagesTo(chat)).toHaveLength(0);
      });

      it("pauses the subscription after one permanent error, tells its subscriber in private, and tries no more", async () => {
        const telegram = createRecordingPlatform();
        const chat = await world.subscribe("telegram:-1001");
        telegram.script(chat, { kind: "permanent", reason: "Forbidden: bot was kicked from the group chat" });
        world.setNow("2026-11-24T09:00:00Z");
        const delivery = world.delivery([telegram.adapter]);
        expect(countByKind(await delivery.runPass())).toEqual({ paused: 1 });
        await delivery.runPass();
        world.setNow("2026-11-25T09:00:00Z");
        await delivery.runPass();
        expect(telegram.attemptsTo(chat)).toBe(1);
        const subscription = await world.repositories.subscriptions.findByChannel(chat);
        expect(subscription).toMatchObject({
          state: "paused",
          pausedReason: expect.stringMatching(/kicked/),
        });
        // Never in the chat that just refused the post: to the moderator who subscribed it, once.
        expect(telegram.notices).toEqual([]);
        expect(telegram.privateNotices).toEqual([
          {
            userId: "42",
            channel: chat,
            text: expect.stringMatching(/paused: .*kicked/),
            language: "en",
          },
        ]);
        expect(await world.statesOf(chat)).toEqual(["paused"]);
      });

      it("pauses a subscription whose subscriber is no person it can find, tells nobody and says so", async () => {
        const telegram = createRecordingPlatform();
        const chat = channelRef("telegram:-1001");
        await world.repositories.subscriptions.upsert({
          channel: chat,
          community: communityRef("telegram:-1001"),
          campaignId: CAMPAIGN,
          postTime: "09:00",
          timezone: "UTC",
          actor: "import",
          at: world.clock.now(),
        });
        telegram.script(chat, { kind: "permanent", reason: "Bad Request: chat not found" });
        world.setNow("2026-11-24T09:00:00Z");
        const report = await world.delivery([telegram.adapter]).runPass();
        const why = 'the subscriber was not recorded as a telegram user ("import")';
        expect(report.lines).toEqual([
          expect.objectContaining({
            kind: "paused",
            detail: `Bad Request: chat not found; no moderator told: ${why}`,
          }),
        ]);
        expect(telegram.privateNotices).toEqual([]);
        expect(telegram.notices).toEqual([]);
        expect(world.logger.records).toContainEqual(
          expect.objectContaining({ level: "warn", fields: expect.objectContaining({ channel: chat, why }) }),
        );
      });

      it("follows a group that became a supergroup: the subscription moves and the post goes out once", async () => {
        const telegram = createRecordingPlatform();
        const group = await world.subscribe("telegram:-1001");
        const supergroup = channelRef("telegram:-1009990001");
        telegram.script(group, { kind: "moved", to: supergroup });
        world.setNow("2026-11-24T09:00:00Z");
        const delivery = world.delivery([telegram.adapter]);
        await delivery.runPass();
        await delivery.runPass();
        expect(telegram.messagesTo(supergroup)).toHaveLength(1);
        expect(telegram.messagesTo(group)).toHaveLength(0);
        expect(await world.repositories.subscriptions.findByChannel(supergroup)).toMatchObject({
          state: "active",
        });
        expect(await world.repositories.subscriptions.findByChannel(group)).toBeUndefined();
        expect(await world.statesOf(supergroup)).toEqual(["sent"]);
        world.setNow("2026-11-25T09:00:00Z");
        await delivery.runPass();
        expect(telegram.messagesTo(supergroup)).toHaveLength(2);
      });

      it("records an answer lost in transit as uncertain and never resends it on a platform that cannot dedupe", async () => {
        const telegram = createRecordingPlatform();
        const chat = await world.subscribe("telegram:-1001");
        telegram.script(chat, { kind: "post-then-uncertain" });
        world.setNow("2026-11-24T09:00:00Z");
        const delivery = world.delivery([telegram.adapter]);
        expect(countByKind(await delivery.runPass({ settleWithinMs: 60_000 }))).toEqual({ uncertain: 1 });
        await delivery.runPass();
        expect(telegram.attemptsTo(chat)).toBe(1);
        expect(telegram.messagesTo(chat)).toHaveLength(1);
        expect(await world.statesOf(chat)).toEqual(["uncertain"]);
      });

      it("resends after a lost answer where the platform drops duplicates, and the channel still has one post", async () => {
        const discord = createRecordingPlatform({ platform: "discord", afterUncertainSend: "resend" });
        const channel = await world.subscribe("discord:100000000000000001:100000000000000002");
        discord.script(channel, { kind: "post-then-uncertain" });
        world.setNow("2026-11-24T09:00:00Z");
        const report = await world.delivery([discord.adapter]).runPass({ settleWithinMs: 60_000 });
        expect(countByKind(report)).toEqual({ retrying: 1, sent: 1 });
        expect(discord.attemptsTo(channel)).toBe(2);
        expect(discord.messagesTo(channel)).toHaveLength(1);
      });

      it("resends an uncertain send only inside the platform's dedupe window, then records it as uncertain", async () => {
        const discord = createRecordingPlatform({
          platform: "discord",
          afterUncertainSend: "resend",
          resendWithinMs: 20_000,
        });
        const channel = await world.subscribe("discord:100000000000000001:100000000000000002");
        const unanswered = { kind: "uncertain", reason: "503 from Discord" } as const;
        discord.script(channel, unanswered, unanswered, unanswered, unanswered, unanswered);
        const delivery = world.delivery([discord.adapter]);
        // Each resend waits as long as has passed since the first try (2 s at least): 2 s, 3 s, 7 s…
        const lines = [];
        for (const at of ["09:00:00", "09:00:03", "09:00:07", "09:00:15", "09:30:00"]) {
          world.setNow(`2026-11-24T${at}Z`);
          lines.push(...(await delivery.runPass()).lines);
        }
        expect(lines.map((l) => l.kind)).toEqual(["retrying", "retrying", "retrying", "uncertain"]);
        expect(lines[3]?.detail).toBe("503 from Discord");
        expect(discord.attemptsTo(channel)).toBe(4);
        const [row] = await world.repositories.deliveries.list({ channel });
        expect(row).toMatchObject({ state: "uncertain", detail: expect.stringMatching(/within 20 s/) });
      });

      it("records a message the platform refused as failed for the day, without pausing the channel", async () => {
        const discord = createRecordingPlatform({ platform: "discord", afterUncertainSend: "resend" });
        const channel = await world.subscribe("discord:100000000000000001:100000000000000002");
        discord.script(channel, { kind: "rejected", reason: "400 50035: Invalid Form Body" });
        world.setNow("2026-11-24T09:00:00Z");
        const delivery = world.delivery([discord.adapter]);
        expect(countByKind(await delivery.runPass({ settleWithinMs: 60_000 }))).toEqual({ failed: 1 });
        expect(await world.statesOf(channel)).toEqual(["failed"]);
        expect(await world.repositories.subscriptions.findByChannel(channel)).toMatchObject({
          state: "active",
        });
        expect(discord.notices).toEqual([]);
        world.setNow("2026-11-25T09:00:00Z");
        expect(countByKind(await delivery.runPass())).toEqual({ sent: 1 });
      });
    });

    describe("right before sending", () => {
      it("a takedown made a moment ago stops that profile: the next channel gets the day's replacement", async () => {
        const taken: string[] = [];
        const telegram = createRecordingPlatform({
          async onSend(_channel, post) {
            if (taken.length > 0) return;
            const id = post.share.text.length > 0 ? await profileIdOf(post.card.title) : undefined;
            if (!id) throw new Error("no profile for the posted card");
            taken.push(id);
            await world.repositories.catalog.takedown(id, {
              reason: "family asked",
              actor: "curator",
              at: new Date(),
            });
          },
        });
        const profileIdOf = async (title: string) =>
          (await world.repositories.catalog.listProfiles()).find((s) => s.profile.displayName === title)
            ?.profile.id;
        await world.subscribe("telegram:-1001");
        await world.subscribe("telegram:-1002");
        world.setNow("2026-11-24T09:00:00Z");
        await world.delivery([telegram.adapter], { concurrency: 1 }).runPass();
        const [first, second] = telegram.messages;
        expect(first!.post.card.title).not.toBe(second!.post.card.title);
        expect(await profileIdOf(second!.post.card.title)).not.toBe(taken[0]);
      });

      it("a spotlight replaces the rotation; a status change cancels spotlights and tells the moderators", async () => {
        const telegram = createRecordingPlatform();
        const chat = await world.subscribe("telegram:-1001");
        const subscription = (await world.repositories.subscriptions.findByChannel(chat))!;
        const add = async (profileId: string, localDate: string) => {
          const result = await world.repositories.spotlights.add({
            scope: "channel",
            channel: chat,
            community: subscription.community,
            campaignId: subscription.campaignId,
            profileId,
            localDate,
            timezone: "UTC",
            createdBy: "telegram:42",
          });
          if (result.kind !== "added") throw new Error(`${localDate} already has a spotlight`);
          return result.spotlight;
        };
        await add("narges-mohammadi", "2026-11-24");
        const released = await add("oleg-sentsov", "2026-11-26");
        world.setNow("2026-11-24T09:00:00Z");
        const report = await world.delivery([telegram.adapter]).runPass();
        expect(telegram.messagesTo(chat)[0]!.post).toMatchObject({ kind: "spotlight" });
        // Sentsov's status in the sample is "released": his spotlight cannot stand.
        expect(report.lines).toContainEqual(expect.objectContaining({ kind: "spotlight-cancelled" }));
        expect((await world.repositories.spotlights.get(released.id))?.state).toBe("cancelled");
        // In the card's words: the person, the date, the status; never the spotlight's number or who set it.
        expect(telegram.notices[0]!.text).toMatch(
          /^The spotlight of Oleg Sentsov on 26 November 2026 is cancelled: the profile's status is now "Released .*" \(as of .*\), which the daily post does not feature\./,
        );
        expect(telegram.notices[0]!.text).not.toMatch(/#\d|telegram:|released"/);
      });
    });
  });
}
